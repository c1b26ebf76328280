-- Delivery through a policy-checked API: the listing's volume limit (rows or requests per
-- day), the buyers' access keys (only their SHA-256 hash is kept) and, in the access
-- log, the purpose each call stated and the rows it served.
alter table exchange_listing
    add column volume_limit integer check (volume_limit between 1 and 10000000),
    add column volume_unit  text check (volume_unit in ('ROWS_PER_DAY', 'REQUESTS_PER_DAY')),
    add constraint exchange_listing_volume check ((volume_limit is null) = (volume_unit is null));

create table exchange_access_key (
    id          bigint generated always as identity primary key,
    deal_id     bigint not null references exchange_deal (id),
    prefix      text not null,
    key_sha256  text not null unique,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    revoked_at  timestamptz
);
create unique index exchange_access_key_current on exchange_access_key (deal_id) where revoked_at is null;

alter table exchange_access
    add column purpose   text,
    add column row_count integer;
