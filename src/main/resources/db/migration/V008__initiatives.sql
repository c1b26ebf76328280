-- Initiatives (insatser, projekt, förstudier, …), their funding, participants, contributions to strategy
-- elements, assessments against the directions, Agenda 2030 effects; applications and decisions.
create table initiatives_initiative (
    id                 bigint generated always as identity primary key,
    organisation_id    bigint not null references accounts_organisation (id),
    name               text not null,
    acronym            text,
    type               text not null,
    status             text not null check (status in ('PLANERAD', 'PAGAENDE', 'AVSLUTAD')),
    description        text,
    purpose            text,
    target_group       text,
    outputs            text,
    outcomes           text,
    expected_effects   text,
    start_date         date,
    end_date           date,
    owner_unit_id      bigint references accounts_unit (id) on delete set null,
    predecessor_id     bigint references initiatives_initiative (id) on delete set null,
    area_codes         text[] not null default '{}',
    links              text[] not null default '{}',
    demo_note          text,
    version            integer not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    updated_at         timestamptz not null default now(),
    updated_by         text not null,
    search             tsvector generated always as (
        setweight(to_tsvector('swedish', coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A')
        || setweight(to_tsvector('swedish', coalesce(description, '') || ' ' || coalesce(purpose, '')), 'B')) stored,
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index initiatives_initiative_org_idx on initiatives_initiative (organisation_id);
create index initiatives_initiative_search_idx on initiatives_initiative using gin (search);

create table initiatives_participant (
    initiative_id  bigint not null references initiatives_initiative (id) on delete cascade,
    actor_id       bigint not null references actors_actor (id) on delete cascade,
    role           text not null,
    primary key (initiative_id, actor_id, role)
);

create table initiatives_funding (
    id             bigint generated always as identity primary key,
    initiative_id  bigint not null references initiatives_initiative (id) on delete cascade,
    source         text not null,
    year           integer not null check (year between 1990 and 2100),
    amount_sek     numeric(16, 0) not null check (amount_sek >= 0),
    note           text
);
create index initiatives_funding_initiative_idx on initiatives_funding (initiative_id);

create table initiatives_contribution (
    initiative_id  bigint not null references initiatives_initiative (id) on delete cascade,
    element_key    uuid not null,
    is_primary     boolean not null default false,
    motivation     text,
    primary key (initiative_id, element_key)
);
create unique index initiatives_contribution_primary_uq on initiatives_contribution (initiative_id) where is_primary;
create index initiatives_contribution_key_idx on initiatives_contribution (element_key);

create table initiatives_application (
    id                 bigint generated always as identity primary key,
    organisation_id    bigint not null references accounts_organisation (id),
    strategy_id        bigint not null references strategy_strategy (id),
    title              text not null,
    applicant_id       bigint references actors_actor (id) on delete set null,
    description        text,
    amount_applied     numeric(16, 0) not null check (amount_applied >= 0),
    amount_granted     numeric(16, 0) check (amount_granted >= 0),
    funding_source     text not null,
    unit_id            bigint references accounts_unit (id) on delete set null,
    decision           text not null default 'INKOMMEN' check (decision in ('INKOMMEN', 'BEVILJAD', 'AVSLAG')),
    decision_date      date,
    decided_by         text,
    decision_note      text,
    initiative_id      bigint references initiatives_initiative (id) on delete set null,
    version            integer not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    updated_at         timestamptz not null default now(),
    updated_by         text not null
);

-- An assessment against one direction of a strategy, of an initiative or of an application.
create table initiatives_assessment (
    id              bigint generated always as identity primary key,
    initiative_id   bigint references initiatives_initiative (id) on delete cascade,
    application_id  bigint references initiatives_application (id) on delete cascade,
    direction_key   uuid not null,
    level_code      text not null,
    score           integer not null,
    actor_note      text,
    target_group_note text,
    geography_note  text,
    narrative       text,
    assessed_by     text not null,
    assessed_at     timestamptz not null default now(),
    check ((initiative_id is null) <> (application_id is null))
);
create unique index initiatives_assessment_initiative_uq on initiatives_assessment (initiative_id, direction_key)
    where initiative_id is not null;
create unique index initiatives_assessment_application_uq on initiatives_assessment (application_id, direction_key)
    where application_id is not null;

create table initiatives_sdg_effect (
    id             bigint generated always as identity primary key,
    initiative_id  bigint not null references initiatives_initiative (id) on delete cascade,
    sdg_code       text not null,
    direct         boolean not null,
    positive       boolean not null,
    note           text,
    goal_conflict  text,
    unique (initiative_id, sdg_code, positive)
);
