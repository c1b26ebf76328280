-- A report edition: a report product frozen as it was on a date, in every format, archived. Earlier
-- editions stay downloadable; a published edition has a public page and its tables as open data.
create table reports_edition (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    cycle_id        bigint not null references followup_cycle (id) on delete cascade,
    product_id      bigint not null references followup_product (id) on delete cascade,
    number          integer not null,
    title           text not null,
    status          text not null check (status in ('RUNNING', 'READY', 'FAILED')),
    phase           text,
    steps_done      integer not null default 0,
    steps_total     integer not null default 0,
    error           text,
    html            text,
    pdf             bytea,
    docx            bytea,
    xlsx            bytea,
    tables          jsonb,
    draft           boolean not null default false,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    finished_at     timestamptz,
    published_at    timestamptz,
    published_by    text,
    slug            text unique,
    unique (product_id, number)
);
create index reports_edition_org_idx on reports_edition (organisation_id, product_id);
