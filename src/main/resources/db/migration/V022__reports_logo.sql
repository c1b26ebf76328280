-- The organisation's logo on report covers (PNG or JPEG, at most 300 KB), with its alternative text.
create table reports_logo (
    organisation_id bigint primary key references accounts_organisation (id),
    image           bytea not null,
    media_type      text not null check (media_type in ('image/png', 'image/jpeg')),
    alt_text        text not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);
