-- An autosave revision grows while its writer keeps typing (several autosaves within a few
-- minutes make one revision). Once anyone opens the text for editing, the revision they see
-- is sealed: a later autosave starts a new revision, so a save based on what they saw is
-- compared with exactly that text and cannot silently drop what was autosaved after it.
alter table followup_revision add column sealed boolean not null default false;
