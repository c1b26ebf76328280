-- Sweden, its 21 counties (regions) and 290 municipalities with their official codes.
create table areas_area (
    code         text primary key,
    name         text not null,
    kind         text not null check (kind in ('COUNTRY', 'COUNTY', 'MUNICIPALITY')),
    parent_code  text references areas_area (code)
);
create index areas_area_parent_idx on areas_area (parent_code);
