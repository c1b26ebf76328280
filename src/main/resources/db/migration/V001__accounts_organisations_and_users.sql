-- Organisations that own data in this instance (a region, a municipality) and their users.
create table accounts_organisation (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text not null,
    created_at  timestamptz not null default now()
);

create table accounts_user (
    id                    bigint generated always as identity primary key,
    organisation_id       bigint not null references accounts_organisation (id),
    username              text not null,
    display_name          text not null,
    email                 text,
    password_hash         text,
    external_subject      text unique,
    roles                 text[] not null default '{}',
    enabled               boolean not null default true,
    must_change_password  boolean not null default false,
    demo                  boolean not null default false,
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    last_login_at         timestamptz
);
create unique index accounts_user_username_uq on accounts_user (lower(username));
create index accounts_user_organisation_idx on accounts_user (organisation_id);
