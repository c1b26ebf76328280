-- Personal API tokens for integrations (a municipality's system, Power BI, a script): a
-- token acts as its user, within its scopes, on the JSON API only. Only a SHA-256 hash of
-- the token is kept; the token itself is shown once, when it is created.
create table accounts_api_token (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    user_id         bigint not null references accounts_user (id),
    name            text not null check (char_length(name) between 1 and 100),
    prefix          text not null,
    token_hash      text not null unique,
    scopes          text[] not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      text
);
create index accounts_api_token_user_idx on accounts_api_token (user_id);
