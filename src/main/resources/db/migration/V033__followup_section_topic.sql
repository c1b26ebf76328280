-- What a section is about, where that changes what its page offers: an outside-world
-- section (omvärldsbevakning) of a strategy element gets the signals and SWOTs linked to
-- the element. Until now the page guessed it from the title; the sections it guessed so
-- keep the behaviour, every other section is general.
alter table followup_section
    add column topic text not null default 'GENERAL' check (topic in ('GENERAL', 'OUTSIDE_WORLD'));
update followup_section set topic = 'OUTSIDE_WORLD'
    where element_key is not null and lower(title) like '%omvärld%';
