package se.stratlas.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national indicator dataset the benchmarks run on: {@code indicators} indicators
 * (BENCH0001…) with a value for every area of Sweden (the country, 21 counties, 290
 * municipalities), every year and both sexes and the total, generated inside PostgreSQL.
 */
final class NationalDataset {

	private NationalDataset() {
	}

	/** Generates the dataset; returns how many values it holds. */
	static long generate(JdbcClient jdbc, long organisation, int indicators, int years) {
		jdbc.sql("""
				insert into indicators_definition (organisation_id, code, name_sv, polarity, kind, source, by_sex,
				created_by, updated_by)
				select :org, 'BENCH' || lpad(i::text, 4, '0'), 'Benchmark ' || i,
				case when i % 3 = 0 then 'LOWER_IS_BETTER' else 'HIGHER_IS_BETTER' end, 'RESULTAT', 'OWN', true,
				'bench', 'bench' from generate_series(1, :n) i""")
			.param("org", organisation)
			.param("n", indicators)
			.update();
		jdbc.sql("alter table indicators_value drop constraint indicators_value_pkey").update();
		jdbc.sql("set session_replication_role = replica").update();
		jdbc.sql("""
				insert into indicators_value (indicator_id, area_code, period, period_start, sex, value, status, source)
				select d.id, a.code, y::text, make_date(y, 1, 1), s.sex,
				(abs(hashtext(d.code || a.code || y::text || s.sex)) % 100000) / 1000.0, 'DEFINITIV', 'bench'
				from indicators_definition d cross join areas_area a cross join generate_series(2005, 2004 + :years) y
				cross join (values ('T'), ('K'), ('M')) s(sex) where d.code like 'BENCH%'""")
			.param("years", years)
			.update();
		jdbc.sql("set session_replication_role = origin").update();
		jdbc.sql("alter table indicators_value add primary key (indicator_id, area_code, period, sex)").update();
		jdbc.sql("analyze indicators_value").update();
		return jdbc.sql("select count(*) from indicators_value where source = 'bench'").query(Long.class).single();
	}

}
