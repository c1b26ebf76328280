-- A report product's structure as data: the parts the report consists of, in order.
-- A product without rows follows its kind's default structure; a strateg may change it
-- (add, remove, reorder, retitle parts; write the government's questions and say which
-- sections answer them and which indicators give the figures asked for).
create table followup_product_block (
    id              bigint generated always as identity primary key,
    product_id      bigint not null references followup_product (id) on delete cascade,
    position        integer not null check (position > 0),
    kind            text not null check (kind in ('ABOUT', 'STRATEGY', 'CHAPTERS', 'TEXTS', 'GOAL_FULFILMENT',
                                                  'FINANCE', 'STAFFING', 'QUESTION', 'SHARED_SECTIONS', 'UNITS',
                                                  'AGENDA_2030', 'CONTACTS')),
    title           text check (char_length(title) <= 200),
    question        text check (char_length(question) <= 4000),
    section_ids     bigint[] not null default '{}',
    indicator_codes text[] not null default '{}',
    unique (product_id, position),
    check (kind <> 'QUESTION' or question is not null)
);
