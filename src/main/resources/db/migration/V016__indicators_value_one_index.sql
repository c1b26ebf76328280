-- The value table keeps one index, its primary key (indicator, area, period, sex). The second index on
-- (indicator, period, sex) cost a third of every import's time (COPY of 187 200 values: 0.69 s with it,
-- 0.43 s without); the rankings it served are answered from the primary key (PostgreSQL 18 skips over the
-- areas). Figures in docs/benchmarks.md.
drop index if exists indicators_value_period_idx;
