-- Each running Stratlas instance says it is alive every few seconds. Background jobs
-- (imports, report editions) record the instance that runs them, so that a job whose
-- instance died (kill -9, a crash, a lost machine) is marked as interrupted by any live
-- instance and can be run again. Its own transaction never committed: nothing partial
-- is visible.
create table system_instance (
    id           uuid primary key,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
);

alter table indicators_import_run add column instance_id uuid;
alter table reports_edition add column instance_id uuid;
