-- A bid's and a deal's purpose is one of the exchange's purposes (exchange.Purpose), as the
-- listing's policy names them: a closed list, so no other text is ever stored there.
alter table exchange_bid add constraint exchange_bid_purpose check (purpose in ('RESEARCH', 'PUBLIC_SERVICE',
    'PLANNING', 'STATISTICS', 'PRODUCT_DEVELOPMENT', 'COMMERCIAL_SERVICE', 'MARKETING'));
alter table exchange_deal add constraint exchange_deal_purpose check (purpose in ('RESEARCH', 'PUBLIC_SERVICE',
    'PLANNING', 'STATISTICS', 'PRODUCT_DEVELOPMENT', 'COMMERCIAL_SERVICE', 'MARKETING'));
