-- The instances' heartbeat belongs to the shared job runner (se.stratlas.shared.Instance),
-- which is the only code that reads or writes it; the table is named after its owner like
-- every other table, so that TableOwnershipTests can tell who may query it.
alter table system_instance rename to shared_instance;
