-- Foresight: environmental scanning items (trends, events, regulation …) and workshops with their SWOT,
-- both linkable to strategy elements (by element key, so links survive new strategy versions).
create table foresight_item (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    kind            text not null check (kind in ('TREND', 'HANDELSE', 'REGELVERK', 'UTREDNING', 'DOM', 'MEDIEINSLAG')),
    title           text not null,
    description     text,
    scope           text not null check (scope in ('GLOBAL', 'EU', 'NATIONELL', 'REGIONAL', 'LOKAL')),
    occurred_on     date,
    source_url      text,
    effect          text not null default 'NEUTRAL' check (effect in ('OPPORTUNITY', 'THREAT', 'NEUTRAL')),
    strength        integer not null default 3 check (strength between 1 and 5),
    horizon         text not null default 'MEDEL' check (horizon in ('KORT', 'MEDEL', 'LANG')),
    tags            text[] not null default '{}',
    element_keys    uuid[] not null default '{}',
    demo_note       text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);
create index foresight_item_org_idx on foresight_item (organisation_id, occurred_on);
create index foresight_item_keys_idx on foresight_item using gin (element_keys);

create table foresight_workshop (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    project         text,
    name            text not null,
    held_on         date,
    area_code       text references areas_area (code),
    organisers      text,
    participants    integer check (participants >= 0),
    format          text,
    element_keys    uuid[] not null default '{}',
    demo_note       text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null
);

-- One item of a SWOT: each is its own row with its own version, so that several facilitators can add,
-- change and move items at the same time; only two edits of the same item meet, and then both are kept.
create table foresight_swot_item (
    id           bigint generated always as identity primary key,
    workshop_id  bigint not null references foresight_workshop (id) on delete cascade,
    quadrant     text not null check (quadrant in ('STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT')),
    position     double precision not null,
    text         text not null,
    version      integer not null default 0,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    updated_at   timestamptz not null default now(),
    updated_by   text not null
);
create index foresight_swot_item_workshop_idx on foresight_swot_item (workshop_id, quadrant, position);
