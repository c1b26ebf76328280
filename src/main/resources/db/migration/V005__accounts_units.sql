-- Organisational units in a hierarchy (förvaltning → enhet; division → verksamhetsområde).
create table accounts_unit (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    parent_id        bigint references accounts_unit (id),
    path             text not null default '',
    kind             text not null check (kind in ('FORVALTNING', 'ENHET', 'DIVISION', 'VERKSAMHETSOMRADE', 'OVRIGT')),
    name             text not null,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    unique (organisation_id, name)
);
create index accounts_unit_path_idx on accounts_unit (organisation_id, path text_pattern_ops);
alter table accounts_user add column unit_id bigint references accounts_unit (id);
