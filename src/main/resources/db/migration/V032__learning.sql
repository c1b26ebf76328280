-- Strategic learning (issue 17): per strategy element and follow-up cycle, the strateg's
-- assessment (bedömning) with its motivation, lessons (lärdomar) that cite their evidence,
-- and revision proposals (förslag till revidering) that move from proposed to prepared
-- to decided or rejected and, when decided, are applied to a draft version of the
-- strategy. Elements are referred to by their stable key, so the record follows the
-- element across strategy versions.
create table learning_assessment (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    strategy_id     bigint not null references strategy_strategy (id) on delete cascade,
    element_key     uuid not null,
    cycle_id        bigint not null references followup_cycle (id) on delete cascade,
    judgement       text not null check (judgement in ('ON_TRACK', 'PARTLY', 'OFF_TRACK', 'UNKNOWN')),
    motivation      text not null check (char_length(motivation) between 1 and 4000),
    demo_note       text,
    version         integer not null default 0,
    updated_at      timestamptz not null default now(),
    updated_by      text not null,
    unique (element_key, cycle_id)
);

create table learning_lesson (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    strategy_id     bigint not null references strategy_strategy (id) on delete cascade,
    element_key     uuid not null,
    cycle_id        bigint references followup_cycle (id) on delete set null,
    body            text not null check (char_length(body) between 1 and 4000),
    demo_note       text,
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);
create index learning_lesson_element on learning_lesson (element_key);

create table learning_proposal (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null references accounts_organisation (id),
    strategy_id         bigint not null references strategy_strategy (id) on delete cascade,
    element_key         uuid not null,
    cycle_id            bigint references followup_cycle (id) on delete set null,
    kind                text not null check (kind in ('WORDING', 'ADD_CHILD', 'REMOVE', 'TARGET', 'RETIRE_INDICATOR')),
    title               text not null check (char_length(title) between 1 and 200),
    name_sv             text check (char_length(name_sv) <= 500),
    description_sv      text check (char_length(description_sv) <= 4000),
    child_type          text,
    indicator_id        bigint references indicators_definition (id) on delete set null,
    target_comparator   text check (target_comparator in ('AT_LEAST', 'AT_MOST')),
    target_value        double precision,
    target_deadline     text,
    motivation          text not null check (char_length(motivation) between 1 and 4000),
    state               text not null default 'PROPOSED'
                            check (state in ('PROPOSED', 'PREPARED', 'DECIDED', 'REJECTED')),
    proposed_by         text not null,
    proposed_at         timestamptz not null default now(),
    decided_by          text,
    decided_at          timestamptz,
    decision_note       text check (char_length(decision_note) <= 4000),
    applied_version_id  bigint references strategy_version (id) on delete set null,
    applied_element_key uuid,
    demo_note           text,
    version             integer not null default 0,
    updated_at          timestamptz not null default now(),
    updated_by          text not null
);
create index learning_proposal_element on learning_proposal (element_key);
create index learning_proposal_version on learning_proposal (applied_version_id);

-- What a lesson or a proposal rests on: an indicator, an initiative, a unit's text, a
-- signal, a SWOT item, a scenario or a dialogue; kept by id with the label it had when
-- cited, so the citation reads even if the source is later removed.
create table learning_evidence (
    id              bigint generated always as identity primary key,
    lesson_id       bigint references learning_lesson (id) on delete cascade,
    proposal_id     bigint references learning_proposal (id) on delete cascade,
    kind            text not null check (kind in ('INDICATOR', 'INITIATIVE', 'TEXT', 'SIGNAL', 'WORKSHOP',
                                                  'SCENARIO', 'DIALOGUE')),
    ref_id          bigint not null,
    label           text not null check (char_length(label) <= 500),
    check ((lesson_id is null) <> (proposal_id is null))
);
create index learning_evidence_lesson on learning_evidence (lesson_id);
create index learning_evidence_proposal on learning_evidence (proposal_id);
