-- Dialogues and events (a partnership day): the agenda, and parallel tracks each with a challenge
-- (question, background, figures, samtalsledare) and the group's outcome and next steps, linked to
-- strategy elements and to scanned signals.
create table foresight_event (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references accounts_organisation (id),
    name            text not null,
    held_on         date,
    place           text,
    moderator       text,
    description     text,
    demo_note       text,
    created_at      timestamptz not null default now(),
    created_by      text not null
);

create table foresight_agenda_item (
    id          bigint generated always as identity primary key,
    event_id    bigint not null references foresight_event (id) on delete cascade,
    starts_at   time,
    ends_at     time,
    title       text not null,
    speakers    text,
    check (ends_at is null or starts_at is null or ends_at >= starts_at)
);
create index foresight_agenda_item_event_idx on foresight_agenda_item (event_id, starts_at);

create table foresight_track (
    id            bigint generated always as identity primary key,
    event_id      bigint not null references foresight_event (id) on delete cascade,
    position      integer not null,
    question      text not null,
    background    text,
    figures       text,
    facilitator   text,
    outcome       text,
    next_steps    text,
    element_keys  uuid[] not null default '{}',
    item_ids      bigint[] not null default '{}',
    version       integer not null default 0,
    updated_at    timestamptz not null default now(),
    updated_by    text
);
