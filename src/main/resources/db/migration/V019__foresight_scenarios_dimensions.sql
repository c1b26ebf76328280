-- Scenarios of a foresight project (horizon, narrative, förutsättningar and konsekvenser, an optional
-- place on a scenario cross, links to strategy elements) and the dimensions with their factors.
create table foresight_scenario (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    project         text,
    name            text not null,
    horizon_year    integer check (horizon_year between 2000 and 2200),
    narrative       text,
    preconditions   text[] not null default '{}',
    consequences    text[] not null default '{}',
    axis_x          double precision check (axis_x between -1 and 1),
    axis_y          double precision check (axis_y between -1 and 1),
    element_keys    uuid[] not null default '{}',
    demo_note       text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);
create index foresight_scenario_org_idx on foresight_scenario (organisation_id, project);

create table foresight_dimension (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    project         text,
    name            text not null,
    factors         text[] not null default '{}',
    demo_note       text,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
