-- A Kolada indicator can subscribe to refresh on a schedule; the run log records each refresh.
alter table indicators_definition add column auto_refresh boolean not null default false;
