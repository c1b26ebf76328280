-- Health data for research and care development (issue 19, seed 000 track 4): sources and
-- their datasets with variables and labels, loads of rows with the quality label computed
-- from the data itself on every load, and applications for access with the steward's
-- review, questions, decision and an end date after which access has expired.

create table health_source (
    id                bigint generated always as identity primary key,
    organisation_id   bigint not null references accounts_organisation (id),
    name              text not null check (char_length(name) between 1 and 200),
    owner             text not null check (char_length(owner) between 1 and 200),
    description       text not null default '' check (char_length(description) <= 4000),
    legal_basis       text not null,
    special_basis     text,
    refresh_frequency text not null check (refresh_frequency in ('CONT', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL', 'IRREG')),
    research_link     text not null check (research_link in ('LINKED', 'NOT_LINKED')),
    research_note     text not null default '' check (char_length(research_note) <= 400),
    demo_note         text,
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null
);
create index health_source_organisation on health_source (organisation_id);

create table health_dataset (
    id                bigint generated always as identity primary key,
    organisation_id   bigint not null references accounts_organisation (id),
    source_id         bigint not null references health_source (id),
    title             text not null check (char_length(title) between 1 and 200),
    description       text not null default '' check (char_length(description) <= 4000),
    sensitivity       text not null check (sensitivity in ('LOW', 'MEDIUM', 'HIGH')),
    category          text not null check (category in ('HEALTH', 'NONE')),
    provenance        text not null check (char_length(provenance) between 1 and 400),
    county_code       text not null,
    quality_threshold numeric(4, 3) not null default 0.9 check (quality_threshold between 0 and 1),
    demo_note         text,
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null
);
create index health_dataset_source on health_dataset (source_id);

create table health_variable (
    dataset_id        bigint not null references health_dataset (id) on delete cascade,
    position          integer not null,
    name              text not null check (name ~ '^[a-z0-9_]{1,64}$'),
    type              text not null check (type in ('TEXT', 'INTEGER', 'DECIMAL', 'DATE', 'CODE')),
    unit              text not null default '' check (char_length(unit) <= 40),
    code_system       text not null check (code_system in ('NONE', 'ICD10SE', 'KVA', 'MUNICIPALITY')),
    direct_identifier boolean not null default false,
    not_before        text,
    description       text not null default '' check (char_length(description) <= 400),
    primary key (dataset_id, position),
    unique (dataset_id, name)
);

create table health_load (
    id              bigint generated always as identity primary key,
    dataset_id      bigint not null references health_dataset (id),
    filename        text not null,
    row_count       integer not null,
    quality         jsonb not null,
    score           numeric(5, 4),
    below_threshold boolean not null,
    loaded_at       timestamptz not null default now(),
    loaded_by       text not null
);
create index health_load_dataset on health_load (dataset_id, id);

create table health_row (
    id          bigint generated always as identity primary key,
    dataset_id  bigint not null references health_dataset (id),
    load_id     bigint not null references health_load (id),
    person_ref  text,
    data        jsonb not null
);
create index health_row_load on health_row (load_id);

create table health_application (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references accounts_organisation (id),
    applicant_org       bigint not null references accounts_organisation (id),
    applicant           text not null,
    title               text not null check (char_length(title) between 1 and 200),
    purpose             text not null check (char_length(purpose) between 1 and 4000),
    ethics_dnr          text not null check (ethics_dnr ~ '^Dnr [0-9]{4}-[0-9]{5}-[0-9]{2}$'),
    legal_basis         text not null,
    special_basis       text not null,
    retention_months    integer not null check (retention_months between 1 and 240),
    team                text not null check (char_length(team) between 1 and 2000),
    output_checker      text not null check (output_checker <> applicant),
    status              text not null check (status in ('SUBMITTED', 'QUESTIONED', 'APPROVED', 'REFUSED')),
    checklist           text not null default '',
    motivation          text,
    access_until        date,
    applied_at          timestamptz not null,
    decided_at          timestamptz,
    decided_by          text,
    demo_note           text,
    version             integer not null default 0,
    check (status <> 'APPROVED' or access_until is not null),
    check (status not in ('APPROVED', 'REFUSED') or (motivation is not null and decided_at is not null))
);
create index health_application_holder on health_application (organisation_id);
create index health_application_applicant on health_application (applicant_org, applicant);

create table health_application_variable (
    application_id bigint not null references health_application (id) on delete cascade,
    dataset_id     bigint not null references health_dataset (id),
    variable       text not null,
    primary key (application_id, dataset_id, variable)
);

create table health_message (
    id             bigint generated always as identity primary key,
    application_id bigint not null references health_application (id) on delete cascade,
    kind           text not null check (kind in ('QUESTION', 'ANSWER')),
    author         text not null,
    body           text not null check (char_length(body) between 1 and 2000),
    written_at     timestamptz not null default now()
);
create index health_message_application on health_message (application_id, id);
