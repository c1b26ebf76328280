-- Data donors and shared value in the data exchange (issue 18): citizens who donate data,
-- pseudonymous in the exchange, with their consent per dataset and purpose (given and
-- withdrawn, never deleted); which donors' consents covered a deal at its close; the
-- distribution rule per dataset (shares to the provider, the donors and the exchange, the
-- kickback model and the pricing variant); and the data-altruism register entry of an
-- organisation (the Data Governance Act, art. 17-20).

create table exchange_donor (
    id            bigint generated always as identity primary key,
    dataset_id    bigint not null references exchange_dataset (id) on delete cascade,
    -- A random pseudonym: never a name or a personal identity number.
    pseudonym     text not null unique check (pseudonym ~ '^DN-[0-9A-Z]{10}$'),
    -- The SHA-256 of the secret token the donor was given at registration.
    token_sha256  text not null,
    registered_at timestamptz not null default now(),
    registered_by text not null
);
create index exchange_donor_dataset on exchange_donor (dataset_id);

create table exchange_consent (
    id           bigint generated always as identity primary key,
    donor_id     bigint not null references exchange_donor (id) on delete cascade,
    purpose      text not null,
    given_at     timestamptz not null default now(),
    given_by     text not null,
    withdrawn_at timestamptz,
    withdrawn_by text,
    check (withdrawn_at is null or withdrawn_at >= given_at)
);
-- At most one standing consent per donor and purpose; the history stays.
create unique index exchange_consent_standing on exchange_consent (donor_id, purpose) where withdrawn_at is null;

create table exchange_deal_consent (
    deal_id  bigint not null references exchange_deal (id),
    donor_id bigint not null references exchange_donor (id),
    primary key (deal_id, donor_id)
);

create table exchange_distribution (
    dataset_id    bigint primary key references exchange_dataset (id) on delete cascade,
    provider_pct  numeric(5, 2) not null check (provider_pct between 0 and 100),
    donors_pct    numeric(5, 2) not null check (donors_pct between 0 and 100),
    exchange_pct  numeric(5, 2) not null check (exchange_pct between 0 and 100),
    kickback      text not null check (kickback in ('EQUAL_PER_DONOR', 'COLLECTIVE_FUND')),
    fund_purpose  text,
    pricing       text not null check (pricing in ('FIXED_PRICE', 'REVENUE_SHARE', 'OUTCOME_BASED')),
    version       integer not null default 0,
    updated_at    timestamptz not null default now(),
    updated_by    text not null,
    check (provider_pct + donors_pct + exchange_pct = 100),
    check (kickback <> 'COLLECTIVE_FUND' or fund_purpose is not null)
);

create table exchange_altruism (
    organisation_id bigint primary key references accounts_organisation (id),
    name            text not null check (char_length(name) between 1 and 200),
    contact         text not null check (char_length(contact) between 1 and 400),
    purposes        text not null check (char_length(purposes) between 1 and 2000),
    version         integer not null default 0,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);
