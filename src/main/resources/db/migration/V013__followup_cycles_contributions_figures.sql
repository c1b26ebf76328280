-- Follow-up cycles: what is asked (sections of a template), who answers (contributions per section and
-- unit, with their full text history and comments), which report products use which sections, and the
-- finance and staffing figures per unit and period.
create table followup_cycle (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references accounts_organisation (id),
    name                text not null,
    kind                text not null check (kind in ('ANNUAL', 'TERTIAL', 'MONTHLY', 'CUSTOM')),
    period_code         text not null,
    strategy_id         bigint references strategy_strategy (id) on delete set null,
    strategy_version_id bigint references strategy_version (id) on delete set null,
    state               text not null default 'PLANNED'
                            check (state in ('PLANNED', 'OPEN', 'REVIEW', 'CLOSED', 'PUBLISHED')),
    opens_on            date,
    due_on              date,
    review_due_on       date,
    publish_on          date,
    copied_from_id      bigint references followup_cycle (id) on delete set null,
    demo_note           text,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text not null,
    updated_at          timestamptz not null default now(),
    updated_by          text not null,
    check (due_on is null or opens_on is null or due_on >= opens_on),
    check (review_due_on is null or due_on is null or review_due_on >= due_on),
    check (publish_on is null or review_due_on is null or publish_on >= review_due_on)
);
create index followup_cycle_org_idx on followup_cycle (organisation_id);

-- One question of the template: a text section (omvärldsbevakning, a direction, …) or a scorecard goal.
create table followup_section (
    id              bigint generated always as identity primary key,
    cycle_id        bigint not null references followup_cycle (id) on delete cascade,
    position        integer not null,
    chapter         text not null,
    title           text not null,
    guidance        text,
    kind            text not null check (kind in ('TEXT', 'GOAL')),
    perspective     text check (perspective in ('MEDBORGARE', 'MEDARBETARE', 'VERKSAMHET', 'EKONOMI', 'SAMHALLE')),
    element_key     uuid,
    indicator_codes text[] not null default '{}',
    copied_from_id  bigint references followup_section (id) on delete set null,
    check (kind = 'TEXT' or perspective is not null)
);
create index followup_section_cycle_idx on followup_section (cycle_id, position);

-- A contribution (inrapportering): one unit's answer to one section, assigned to a responsible person.
create table followup_contribution (
    id                   bigint generated always as identity primary key,
    organisation_id      bigint not null references accounts_organisation (id),
    cycle_id             bigint not null references followup_cycle (id) on delete cascade,
    section_id           bigint not null references followup_section (id) on delete cascade,
    unit_id              bigint not null references accounts_unit (id),
    responsible_user_id  bigint references accounts_user (id) on delete set null,
    due_on               date,
    state                text not null default 'NOT_STARTED'
                             check (state in ('NOT_STARTED', 'DRAFT', 'READY', 'RETURNED', 'APPROVED')),
    body                 text not null default '',
    fulfilment           text check (fulfilment in ('ACHIEVED', 'PARTLY', 'NOT_ACHIEVED')),
    revision             integer not null default 0,
    approved_revision    integer,
    previous_id          bigint references followup_contribution (id) on delete set null,
    demo_note            text,
    version              integer not null default 0,
    updated_at           timestamptz not null default now(),
    updated_by           text,
    unique (section_id, unit_id)
);
create index followup_contribution_cycle_idx on followup_contribution (cycle_id);
create index followup_contribution_responsible_idx on followup_contribution (responsible_user_id);

-- Every text a contribution has had. Conflict copies keep the text of a save that lost a conflict.
create table followup_revision (
    id               bigint generated always as identity primary key,
    contribution_id  bigint not null references followup_contribution (id) on delete cascade,
    revision         integer,
    kind             text not null check (kind in ('SAVE', 'AUTOSAVE', 'COPY', 'MERGE', 'CONFLICT_COPY', 'STATE')),
    body             text not null,
    fulfilment       text,
    state            text not null,
    note             text,
    saved_at         timestamptz not null default now(),
    saved_by         text not null
);
create unique index followup_revision_number_idx on followup_revision (contribution_id, revision)
    where kind <> 'STATE' and kind <> 'CONFLICT_COPY';
create index followup_revision_contribution_idx on followup_revision (contribution_id, id);

create table followup_comment (
    id               bigint generated always as identity primary key,
    contribution_id  bigint not null references followup_contribution (id) on delete cascade,
    parent_id        bigint references followup_comment (id) on delete cascade,
    kind             text not null default 'COMMENT' check (kind in ('COMMENT', 'RETURN', 'APPROVE')),
    body             text not null,
    created_at       timestamptz not null default now(),
    created_by       text not null
);
create index followup_comment_contribution_idx on followup_comment (contribution_id, id);

-- A report product (Resultat Västerbotten, the committee's annual report, the report to the government)
-- and the sections it uses. Freezing records the revision of every contribution it shows.
create table followup_product (
    id               bigint generated always as identity primary key,
    cycle_id         bigint not null references followup_cycle (id) on delete cascade,
    name             text not null,
    kind             text not null check (kind in ('FOLLOW_UP', 'ANNUAL_REPORT', 'GOVERNMENT_REPORT', 'INTERIM_REPORT', 'OTHER')),
    frozen_at        timestamptz,
    frozen_by        text,
    version          integer not null default 0,
    unique (cycle_id, name)
);

create table followup_product_section (
    product_id  bigint not null references followup_product (id) on delete cascade,
    section_id  bigint not null references followup_section (id) on delete cascade,
    primary key (product_id, section_id)
);

create table followup_product_freeze (
    product_id       bigint not null references followup_product (id) on delete cascade,
    contribution_id  bigint not null references followup_contribution (id) on delete cascade,
    revision         integer not null,
    primary key (product_id, contribution_id)
);

-- In-app notices (reminders before deadlines, returned and approved texts); e-mailed when SMTP is set.
create table followup_notice (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references accounts_organisation (id),
    user_id          bigint not null references accounts_user (id) on delete cascade,
    contribution_id  bigint references followup_contribution (id) on delete cascade,
    kind             text not null check (kind in ('DUE_SOON', 'OVERDUE', 'RETURNED', 'APPROVED', 'ASSIGNED')),
    due_on           date,
    message          text not null,
    created_at       timestamptz not null default now(),
    emailed_at       timestamptz,
    read_at          timestamptz
);
create unique index followup_notice_once_idx on followup_notice (user_id, contribution_id, kind, due_on)
    where kind in ('DUE_SOON', 'OVERDUE');
create index followup_notice_user_idx on followup_notice (user_id, created_at desc);

-- Finance (mnkr) and staffing per unit and period, entered in a grid or imported from the finance system.
create table followup_unit_figures (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references accounts_organisation (id),
    unit_id             bigint not null references accounts_unit (id),
    period_code         text not null,
    budget              numeric(14, 2) not null,
    outcome             numeric(14, 2) not null,
    forecast            numeric(14, 2),
    previous_year       numeric(14, 2),
    savings_target      numeric(14, 2),
    employees           integer check (employees >= 0),
    employees_change    integer,
    permanent_employees integer check (permanent_employees >= 0),
    sick_leave_pct      numeric(5, 2) check (sick_leave_pct between 0 and 100),
    worked_hours        numeric(14, 1) check (worked_hours >= 0),
    source_note         text,
    version             integer not null default 0,
    updated_at          timestamptz not null default now(),
    updated_by          text not null,
    unique (unit_id, period_code),
    check (permanent_employees is null or employees is null or permanent_employees <= employees)
);
create index followup_unit_figures_org_idx on followup_unit_figures (organisation_id, period_code);
