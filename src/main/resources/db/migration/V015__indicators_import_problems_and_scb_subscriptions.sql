-- Imports run in the background; a refused one keeps every problem (where and what) for its run page.
alter table indicators_import_run add column problems jsonb;

-- An SCB table and selection fetched again on the refresh schedule (PxWeb v2 selection expressions such
-- as FROM(2015) or TOP(5) for Tid make later years come with it).
create table indicators_scb_subscription (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    table_id        text not null,
    selection       jsonb not null,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    unique (organisation_id, table_id, selection)
);
