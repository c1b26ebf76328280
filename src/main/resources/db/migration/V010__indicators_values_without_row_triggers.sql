-- The values table is written in large batches. Its references to areas and indicators are checked
-- once per batch by IndicatorRegistry (areas in memory, indicators in one query) instead of by a
-- trigger per row, which made imports 30× slower than COPY (docs/benchmarks.md).
alter table indicators_value drop constraint indicators_value_area_code_fkey;
alter table indicators_value drop constraint indicators_value_indicator_id_fkey;
alter table indicators_value drop constraint indicators_value_import_run_id_fkey;
