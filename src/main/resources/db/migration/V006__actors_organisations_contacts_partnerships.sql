-- The actors a region works with: organisations of many kinds, contact persons, partnerships.
create table actors_actor (
    id                   bigint generated always as identity primary key,
    organisation_id      bigint not null references accounts_organisation (id),
    name                 text not null,
    kind                 text not null,
    organisation_number  text check (organisation_number is null or organisation_number ~ '^\d{6}-\d{4}$'),
    website              text,
    area_codes           text[] not null default '{}',
    version              integer not null default 0,
    created_at           timestamptz not null default now(),
    created_by           text not null,
    updated_at           timestamptz not null default now(),
    updated_by           text not null,
    unique (organisation_id, name)
);

create table actors_contact (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    name             text not null,
    title            text,
    actor_id         bigint references actors_actor (id) on delete set null,
    unit_name        text,
    email            text,
    phone            text,
    element_keys     uuid[] not null default '{}',
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null
);

create table actors_partnership (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    name             text not null,
    description      text,
    element_keys     uuid[] not null default '{}',
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    unique (organisation_id, name)
);

create table actors_partnership_member (
    partnership_id  bigint not null references actors_partnership (id) on delete cascade,
    actor_id        bigint not null references actors_actor (id) on delete cascade,
    role            text not null,
    primary key (partnership_id, actor_id, role)
);
