-- A strategy's own words for its levels: Dalastrategin's "målområde" where RUS says
-- "övergripande mål". Each row renames one element type for one strategy (Swedish and
-- English, singular and plural) and says it is used; a strategy without rows uses every
-- type under its usual name. The type rules (which type may stand under which) still hold.
create table strategy_level (
    strategy_id  bigint not null references strategy_strategy (id) on delete cascade,
    type         text not null,
    position     integer not null,
    name_sv      text not null,
    name_en      text,
    plural_sv    text,
    plural_en    text,
    primary key (strategy_id, type),
    constraint strategy_level__type__length check (char_length(type) <= 100),
    constraint strategy_level__name_sv__length check (char_length(name_sv) <= 100),
    constraint strategy_level__name_en__length check (char_length(name_en) <= 100),
    constraint strategy_level__plural_sv__length check (char_length(plural_sv) <= 100),
    constraint strategy_level__plural_en__length check (char_length(plural_en) <= 100)
);
