-- An organisation's profile: what kind it is, its home area (a county, or a municipality
-- for a municipality) from which every default area, area list and example comes, and how
-- to reach it. Created organisations carry who created them; profiles are edited with
-- optimistic locking and history.
alter table accounts_organisation
    add column kind text not null default 'REGION' check (kind in ('REGION', 'KOMMUN', 'OVRIG')),
    add column home_area text,
    add column contact_email text,
    add column contact_phone text,
    add column website text,
    add column version integer not null default 0,
    add column updated_at timestamptz not null default now(),
    add column updated_by text;

alter table accounts_organisation
    add constraint accounts_organisation__home_area__length check (char_length(home_area) <= 10),
    add constraint accounts_organisation__contact_email__length check (char_length(contact_email) <= 320),
    add constraint accounts_organisation__contact_phone__length check (char_length(contact_phone) <= 100),
    add constraint accounts_organisation__website__length check (char_length(website) <= 2000),
    add constraint accounts_organisation__updated_by__length check (char_length(updated_by) <= 100);

-- The platform administrator creates organisations and their first administrators. The
-- instance's first administrator (created at the first start) becomes it.
update accounts_user set roles = array_append(roles, 'PLATFORM_ADMINISTRATOR')
where id = (select min(id) from accounts_user where 'ADMINISTRATOR' = any (roles) and not demo)
  and not 'PLATFORM_ADMINISTRATOR' = any (roles);
