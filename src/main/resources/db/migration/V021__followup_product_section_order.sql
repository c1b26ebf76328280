-- A report product may put its sections in an order of its own; without one it follows the template.
alter table followup_product_section add column position integer;
