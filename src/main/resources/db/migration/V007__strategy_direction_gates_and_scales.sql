-- A direction can be a gate for funding; each strategy has its scale for assessments against directions.
alter table strategy_element add column funding_gate boolean not null default false;

create table strategy_assessment_level (
    strategy_id  bigint not null references strategy_strategy (id) on delete cascade,
    code         text not null,
    name_sv      text not null,
    name_en      text,
    score        integer not null,
    primary key (strategy_id, code)
);
