-- Who changed what, when: one row per change, with the changed fields (before and after) as JSON.
create table audit_event (
    id               bigint generated always as identity primary key,
    organisation_id  bigint,
    occurred_at      timestamptz not null default now(),
    actor            text not null,
    entity_type      text not null,
    entity_id        text not null,
    action           text not null,
    summary          text,
    details          jsonb not null default '{}'::jsonb
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at desc);
create index audit_event_organisation_idx on audit_event (organisation_id, occurred_at desc);
