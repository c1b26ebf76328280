-- Indicators: definitions, values by area × period × sex with provenance and revision history,
-- targets, and the log of import runs.
create table indicators_import_run (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    source           text not null,
    description      text,
    status           text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    started_by       text not null,
    values_read      integer not null default 0,
    values_inserted  integer not null default 0,
    values_revised   integer not null default 0,
    values_unchanged integer not null default 0,
    error            text
);

create table indicators_definition (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    code             text not null,
    name_sv          text not null,
    name_en          text,
    description      text,
    unit             text,
    decimals         integer not null default 1 check (decimals between 0 and 6),
    polarity         text not null check (polarity in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL')),
    kind             text not null check (kind in ('KONTEXT', 'RESULTAT', 'PRESTATION', 'NYCKELTAL')),
    source           text not null check (source in ('KOLADA', 'SCB', 'OWN', 'COMPUTED')),
    source_ref       text,
    by_sex           boolean not null default false,
    numerator        text,
    denominator      text,
    factor           double precision,
    element_keys     uuid[] not null default '{}',
    demo_note        text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    unique (organisation_id, code)
);

create table indicators_value (
    indicator_id   bigint not null references indicators_definition (id) on delete cascade,
    area_code      text not null references areas_area (code),
    period         text not null,
    period_start   date not null,
    sex            char(1) not null check (sex in ('T', 'K', 'M')),
    value          double precision,
    missing        text check (missing in ('SAKNAS', 'EJ_TILLAMPLIG', 'SEKRETESS')),
    status         text not null default 'DEFINITIV' check (status in ('PRELIMINAR', 'DEFINITIV')),
    source         text not null,
    import_run_id  bigint references indicators_import_run (id),
    retrieved_at   timestamptz not null default now(),
    primary key (indicator_id, area_code, period, sex),
    check ((value is null) = (missing is not null))
);
create index indicators_value_period_idx on indicators_value (indicator_id, period, sex);

-- The previous value of a revised value, kept when a new import changes it.
create table indicators_value_history (
    indicator_id   bigint not null,
    area_code      text not null,
    period         text not null,
    sex            char(1) not null,
    value          double precision,
    missing        text,
    status         text not null,
    source         text not null,
    import_run_id  bigint,
    retrieved_at   timestamptz not null,
    replaced_at    timestamptz not null default now(),
    replaced_by_run bigint
);
create index indicators_value_history_idx on indicators_value_history (indicator_id, area_code, period, sex);

create table indicators_target (
    id            bigint generated always as identity primary key,
    indicator_id  bigint not null references indicators_definition (id) on delete cascade,
    area_code     text references areas_area (code),
    comparator    text not null check (comparator in ('AT_LEAST', 'AT_MOST')),
    value         double precision not null,
    relative      boolean not null default false,
    sex           char(1) not null default 'T' check (sex in ('T', 'K', 'M')),
    deadline      text not null,
    baseline_period text,
    note          text,
    created_by    text not null,
    created_at    timestamptz not null default now()
);

-- User-defined groups of areas: inland municipalities, "Region 10", similar municipalities.
create table indicators_area_group (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    name             text not null,
    area_codes       text[] not null,
    created_by       text not null,
    unique (organisation_id, name)
);
