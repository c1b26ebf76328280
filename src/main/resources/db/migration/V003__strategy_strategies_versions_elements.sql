-- Strategies as data: a strategy has versions; each version holds a tree of typed elements.
-- An element keeps its element_key across versions, which is what version comparison and
-- links between strategies use.
create table strategy_strategy (
    id               bigint generated always as identity primary key,
    organisation_id  bigint references accounts_organisation (id),
    kind             text not null default 'STRATEGY' check (kind in ('STRATEGY', 'FRAMEWORK')),
    code             text not null,
    name_sv          text not null,
    name_en          text,
    description_sv   text,
    description_en   text,
    period_start     integer,
    period_end       integer,
    derived_from_id  bigint references strategy_strategy (id),
    published        boolean not null default false,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    updated_at       timestamptz not null default now(),
    updated_by       text not null,
    check (period_end is null or period_start is null or period_end >= period_start)
);
create unique index strategy_strategy_code_uq on strategy_strategy (coalesce(organisation_id, 0), lower(code));

create table strategy_version (
    id             bigint generated always as identity primary key,
    strategy_id    bigint not null references strategy_strategy (id) on delete cascade,
    number         integer not null,
    label          text not null,
    status         text not null check (status in ('UTKAST', 'REMISS', 'ANTAGEN', 'UPPHORD')),
    decision_body  text,
    decision_date  date,
    decision_note  text,
    version        integer not null default 0,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    unique (strategy_id, number)
);

create table strategy_element (
    id              bigint generated always as identity primary key,
    version_id      bigint not null references strategy_version (id) on delete cascade,
    element_key     uuid not null,
    parent_id       bigint references strategy_element (id) on delete cascade,
    path            text not null,
    type            text not null,
    code            text,
    name_sv         text not null,
    name_en         text,
    description_sv  text,
    description_en  text,
    aliases         text[] not null default '{}',
    sort_order      integer not null default 0,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null,
    unique (version_id, element_key)
);
create unique index strategy_element_code_uq on strategy_element (version_id, lower(code)) where code is not null;
create index strategy_element_path_idx on strategy_element (version_id, path text_pattern_ops);
create index strategy_element_parent_idx on strategy_element (parent_id);
create index strategy_element_key_idx on strategy_element (element_key);

-- Links between elements of (usually different) strategies, by element key so they hold across versions.
create table strategy_element_link (
    id               bigint generated always as identity primary key,
    organisation_id  bigint references accounts_organisation (id),
    from_key         uuid not null,
    to_key           uuid not null,
    relation         text not null check (relation in ('BIDRAR_TILL', 'MOTSVARAR', 'HARLEDS_FRAN', 'RELATERAD')),
    note             text,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    unique (from_key, to_key, relation),
    check (from_key <> to_key)
);
create index strategy_element_link_to_idx on strategy_element_link (to_key);
