-- The demo region labelled its invented indicators in the description only; the label column that
-- screens and live references show was left empty. Data directories from before this fix get it here.
update indicators_definition set demo_note = 'Fiktiva demovärden: påhittade för demon, inte statistik.'
where demo_note is null and description like 'Fiktiva demovärden%';
