-- What a running import is doing, for the progress shown to the user.
alter table indicators_import_run add column phase text;
alter table indicators_import_run add column steps_done integer not null default 0;
alter table indicators_import_run add column steps_total integer not null default 0;
