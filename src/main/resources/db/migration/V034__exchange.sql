-- The data exchange (databörs, issue 18): datasets offered as data raw material with their
-- schema, files and provenance; the rights register (who owns and who may use the data and
-- its metadata, each transfer a link in a chain); the rulebook every participant accepts
-- once; listings with an ODRL policy and an auction; bids; deals with their contract; a
-- double-entry ledger; and every access to delivered data.

create table exchange_rulebook (
    version        integer primary key,
    effective_from date not null,
    title          text not null,
    body           text not null
);

create table exchange_acceptance (
    organisation_id  bigint not null references accounts_organisation (id),
    username         text not null,
    rulebook_version integer not null references exchange_rulebook (version),
    accepted_at      timestamptz not null default now(),
    primary key (organisation_id, username, rulebook_version)
);

create table exchange_dataset (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    title            text not null check (char_length(title) between 1 and 200),
    description      text not null check (char_length(description) between 1 and 4000),
    theme            text not null,
    keywords         text not null default '',
    update_frequency text not null,
    provenance_kind  text not null check (provenance_kind in ('SYSTEM', 'DEVICE', 'PRODUCT', 'SURVEY', 'REGISTER')),
    provenance       text not null check (char_length(provenance) between 1 and 400),
    device_owner     text,
    personal_data    text not null check (personal_data in ('NONE', 'PERSONAL', 'SENSITIVE')),
    legal_basis      text,
    special_basis    text,
    quality_notes    text not null default '',
    open_data        boolean not null default false,
    licence          text,
    demo_note        text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    -- Data about individuals is never held without its legal basis (GDPR art. 6; art. 9 for
    -- special categories); machine data names who owns the device.
    check (personal_data = 'NONE' or legal_basis is not null),
    check (personal_data <> 'SENSITIVE' or special_basis is not null),
    check (provenance_kind not in ('DEVICE', 'PRODUCT') or device_owner is not null)
);
create index exchange_dataset_organisation on exchange_dataset (organisation_id);

create table exchange_field (
    dataset_id  bigint not null references exchange_dataset (id) on delete cascade,
    position    integer not null,
    name        text not null,
    type        text not null check (type in ('TEXT', 'INTEGER', 'DECIMAL', 'DATE', 'TIMESTAMP', 'BOOLEAN')),
    unit        text not null default '',
    description text not null default '',
    primary key (dataset_id, position),
    unique (dataset_id, name)
);

create table exchange_file (
    id          bigint generated always as identity primary key,
    dataset_id  bigint not null references exchange_dataset (id) on delete cascade,
    number      integer not null,
    filename    text not null,
    media_type  text not null,
    content     bytea not null,
    sha256      text not null,
    size_bytes  bigint not null,
    row_count   integer not null,
    -- The first rows, tab-separated, shown as a sample when the data is not about people.
    sample      text not null default '',
    uploaded_at timestamptz not null default now(),
    uploaded_by text not null,
    unique (dataset_id, number)
);

create table exchange_right (
    id                      bigint generated always as identity primary key,
    dataset_id              bigint not null references exchange_dataset (id) on delete cascade,
    subject                 text not null check (subject in ('DATA', 'METADATA')),
    kind                    text not null check (kind in ('OWNERSHIP', 'USE')),
    basis                   text not null check (basis in ('CREATED', 'RECEIVED', 'BOUGHT', 'LICENSED')),
    holder                  text not null,
    holder_organisation_id  bigint references accounts_organisation (id),
    previous_id             bigint references exchange_right (id),
    deal_id                 bigint,
    note                    text not null default '',
    valid_from              timestamptz not null default now(),
    valid_until             timestamptz,
    recorded_at             timestamptz not null default now(),
    recorded_by             text not null
);
create index exchange_right_dataset on exchange_right (dataset_id);

create table exchange_listing (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references accounts_organisation (id),
    dataset_id          bigint not null references exchange_dataset (id),
    file_id             bigint not null references exchange_file (id),
    auction             text not null check (auction in ('SEALED_SECOND_PRICE', 'OPEN_ASCENDING')),
    reserve_price       numeric(14, 2) not null check (reserve_price >= 0),
    min_increment       numeric(14, 2) not null check (min_increment > 0),
    purposes            text[] not null check (cardinality(purposes) > 0),
    licence_days        integer not null check (licence_days between 1 and 3650),
    onward_sale         boolean not null default false,
    delivery            text not null check (delivery in ('FILE', 'API')),
    specific_terms      text not null default '',
    opens_at            timestamptz not null default now(),
    closes_at           timestamptz not null,
    extension_minutes   integer not null check (extension_minutes between 0 and 60),
    state               text not null default 'OPEN' check (state in ('OPEN', 'SOLD', 'UNSOLD', 'WITHDRAWN')),
    closed_at           timestamptz,
    winning_bid_id      bigint,
    price               numeric(14, 2),
    demo_note           text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text not null
);
create index exchange_listing_due on exchange_listing (closes_at) where state = 'OPEN';

-- The bid's id is the order in which the exchange received it: the earlier bid wins a tie.
create table exchange_bid (
    id              bigint generated always as identity primary key,
    listing_id      bigint not null references exchange_listing (id),
    organisation_id bigint not null references accounts_organisation (id),
    username        text not null,
    purpose         text not null,
    amount          numeric(14, 2) not null check (amount > 0),
    placed_at       timestamptz not null default now()
);
create index exchange_bid_listing on exchange_bid (listing_id, amount desc, id);

create table exchange_deal (
    id                      bigint generated always as identity primary key,
    listing_id              bigint not null unique references exchange_listing (id),
    bid_id                  bigint not null references exchange_bid (id),
    seller_organisation_id  bigint not null references accounts_organisation (id),
    buyer_organisation_id   bigint not null references accounts_organisation (id),
    buyer_username          text not null,
    price                   numeric(14, 2) not null,
    purpose                 text not null,
    licence_from            timestamptz not null,
    licence_until           timestamptz not null,
    state                   text not null default 'AWAITING_PAYMENT'
                            check (state in ('AWAITING_PAYMENT', 'PAID', 'SETTLED', 'REFUNDED')),
    paid_at                 timestamptz,
    buyer_validated_at      timestamptz,
    buyer_validated_by      text,
    seller_validated_at     timestamptz,
    seller_validated_by     text,
    settled_at              timestamptz,
    deletion_attested_at    timestamptz,
    deletion_attested_by    text,
    contract                bytea not null,
    contract_sha256         text not null,
    version                 integer not null default 0,
    created_at              timestamptz not null default now()
);

alter table exchange_right add foreign key (deal_id) references exchange_deal (id);

-- Double entry: the entries of one transaction sum to zero; a positive amount is a debit.
create table exchange_ledger (
    id             bigint generated always as identity primary key,
    transaction_id uuid not null,
    deal_id        bigint not null references exchange_deal (id),
    account        text not null,
    amount         numeric(14, 2) not null,
    memo           text not null,
    recorded_at    timestamptz not null default now()
);
create index exchange_ledger_deal on exchange_ledger (deal_id);

create table exchange_access (
    id          bigint generated always as identity primary key,
    deal_id     bigint not null references exchange_deal (id),
    username    text not null,
    kind        text not null check (kind in ('DOWNLOAD', 'API')),
    granted     boolean not null,
    reason      text not null default '',
    sha256      text,
    size_bytes  bigint,
    accessed_at timestamptz not null default now()
);
create index exchange_access_deal on exchange_access (deal_id);

insert into exchange_rulebook (version, effective_from, title, body) values (1, date '2026-12-01',
 'Databörsens allmänna villkor',
 'Villkoren gäller mellan alla deltagare i databörsen och gör att en affär bara behöver sina egna särskilda villkor.

1. Den som erbjuder data intygar att den har rätt att upplåta den enligt rättighetsregistret, och för uppgifter om personer en rättslig grund enligt dataskyddsförordningen.
2. En köpare använder data bara för de ändamål och den tid som listningens licens (en ODRL-policy) anger. Återidentifiering av personer är alltid förbjuden. Vidareförsäljning är förbjuden om listningen inte uttryckligen tillåter den.
3. Bud är bindande. Vid lika bud vinner det bud som börsen tog emot först. En slutet budgivning avgörs till näst högsta budet (andraprisauktion), dock lägst reservationspriset.
4. Betalningen hålls av börsen tills köparen har bekräftat att leveransen stämmer med listningens schema och kontrollsumma och säljaren att betalningen har kommit in; därefter regleras affären.
5. När licensen upphör stängs åtkomsten, och köparen intygar att nedladdade kopior är raderade.
6. Varje åtkomst loggas med kontrollsumma. Börsens administratör får se alla affärer för tillsyn.');
