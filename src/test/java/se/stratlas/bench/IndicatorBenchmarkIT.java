package se.stratlas.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.areas.Area;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.KoladaClient;
import se.stratlas.indicators.Period;

/**
 * The national-scale benchmark of issue 4, run on demand:
 * {@code ./mvnw verify -Dtest=none -Dit.test=IndicatorBenchmarkIT -Dbenchmark=true}. It
 * generates a deterministic dataset (1 000 indicators × 312 areas × 20 years × 3 sexes =
 * 18.72 M values) in the embedded PostgreSQL, times Q1–Q4 through the application's own
 * query code, runs the same queries in DuckDB on the same rows, and measures the
 * Kolada-JSON import against PostgreSQL COPY of the same rows. Results go to
 * target/benchmark-indicators.md.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IndicatorBenchmarkIT {

	static final int INDICATORS = Integer.getInteger("benchmark.indicators", 1000);

	static final int YEARS = 20;

	static final int RUNS = 60;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	IndicatorAnalytics analytics;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	se.stratlas.areas.Areas areas;

	private final StringBuilder report = new StringBuilder();

	@Test
	void nationalDataset() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		long start = System.nanoTime();
		this.jdbc.sql("""
				insert into indicators_definition (organisation_id, code, name_sv, polarity, kind, source, by_sex,
				created_by, updated_by)
				select :org, 'BENCH' || lpad(i::text, 4, '0'), 'Benchmark ' || i,
				case when i % 3 = 0 then 'LOWER_IS_BETTER' else 'HIGHER_IS_BETTER' end, 'RESULTAT', 'OWN', true,
				'bench', 'bench' from generate_series(1, :n) i""")
			.param("org", organisation)
			.param("n", INDICATORS)
			.update();
		this.jdbc.sql("alter table indicators_value drop constraint indicators_value_pkey").update();
		this.jdbc.sql("drop index indicators_value_period_idx").update();
		this.jdbc.sql("set session_replication_role = replica").update();
		this.jdbc.sql("""
				insert into indicators_value (indicator_id, area_code, period, period_start, sex, value, status, source)
				select d.id, a.code, y::text, make_date(y, 1, 1), s.sex,
				(abs(hashtext(d.code || a.code || y::text || s.sex)) % 100000) / 1000.0, 'DEFINITIV', 'bench'
				from indicators_definition d cross join areas_area a cross join generate_series(2005, 2004 + :years) y
				cross join (values ('T'), ('K'), ('M')) s(sex) where d.code like 'BENCH%'""")
			.param("years", YEARS)
			.update();
		this.jdbc.sql("set session_replication_role = origin").update();
		this.jdbc.sql("alter table indicators_value add primary key (indicator_id, area_code, period, sex)").update();
		this.jdbc.sql("create index indicators_value_period_idx on indicators_value (indicator_id, period, sex)")
			.update();
		this.jdbc.sql("analyze indicators_value").update();
		long values = this.jdbc.sql("select count(*) from indicators_value where source = 'bench'")
			.query(Long.class)
			.single();
		line("Dataset: %,d values (%d indicators × %d areas × %d years × 3 sexes), generated in PostgreSQL in %.1f s",
				values, INDICATORS, this.areas.all().size(), YEARS, seconds(start));
		List<Long> ids = this.jdbc.sql("select id from indicators_definition where code like 'BENCH%' order by id")
			.query(Long.class)
			.list();
		for (int i = 0; i < 60; i++) {
			this.registry.addTarget(organisation, ids.get(i), "24", Sex.T,
					se.stratlas.indicators.Target.Comparator.AT_LEAST, 60.0, false, "2030", "2010", null, "bench");
		}
		List<String> municipalities = this.areas.municipalities().stream().map(Area::code).toList();
		List<String> dashboardAreas = new ArrayList<>(
				this.areas.municipalitiesOf("24").stream().map(Area::code).toList());
		dashboardAreas.add("24");
		dashboardAreas.add("0000");
		Random random = new Random(7);

		line("");
		line("| Query | Stratlas p50 | Stratlas p95 | DuckDB p50 | DuckDB p95 | Stratlas p95 / DuckDB p95 |");
		line("|---|---|---|---|---|---|");
		double[] q1 = time(i -> {
			long id = ids.get(random.nextInt(ids.size()));
			for (Sex sex : Sex.values()) {
				this.analytics.series(organisation, id, List.of(municipalities.get(i % municipalities.size())), sex);
			}
		});
		double[] q2 = time(i -> this.analytics.ranking(organisation, ids.get(random.nextInt(ids.size())),
				Period.year(2004 + YEARS), Sex.T, Area.Kind.MUNICIPALITY));
		double[] q3 = time(i -> this.analytics.dashboardTable(organisation, ids.subList(0, 60), dashboardAreas));
		double[] q4 = time(i -> this.analytics.countyAggregate(organisation, ids.get(random.nextInt(ids.size())), "24",
				Sex.T, null));

		Path csv = Files.createTempFile("bench-values", ".csv");
		long export = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection(); OutputStream out = Files.newOutputStream(csv)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("copy (select indicator_id, area_code, period, sex, value from indicators_value"
						+ " where source = 'bench') to stdout with (format csv)", out);
		}
		double[][] duck;
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
			try (Statement statement = duckdb.createStatement()) {
				statement.execute("create table v as select * from read_csv('" + csv + "', header = false, columns = "
						+ "{'indicator_id': 'BIGINT', 'area_code': 'VARCHAR', 'period': 'VARCHAR', 'sex': 'VARCHAR',"
						+ " 'value': 'DOUBLE'})");
			}
			line("");
			String munis = "'" + String.join("','", municipalities) + "'";
			String county = "'"
					+ String.join("','", this.areas.municipalitiesOf("24").stream().map(Area::code).toList()) + "'";
			String dash = "'" + String.join("','", dashboardAreas) + "'";
			String sixty = ids.subList(0, 60).stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
			duck = new double[][] {
					timeDuck(duckdb,
							i -> "select period, sex, value from v where indicator_id = "
									+ ids.get(random.nextInt(ids.size())) + " and area_code = '"
									+ municipalities.get(i % municipalities.size()) + "' order by period"),
					timeDuck(duckdb,
							i -> "select area_code, value, rank() over (order by value desc) from v"
									+ " where indicator_id = " + ids.get(random.nextInt(ids.size())) + " and period = '"
									+ (2004 + YEARS) + "' and sex = 'T' and area_code in (" + munis + ")"),
					timeDuck(duckdb,
							i -> "select indicator_id, area_code, period, value from v where indicator_id in (" + sixty
									+ ") and area_code in (" + dash + ") and sex = 'T'"),
					timeDuck(duckdb,
							i -> "select period, sum(value) from v where indicator_id = "
									+ ids.get(random.nextInt(ids.size())) + " and sex = 'T' and area_code in (" + county
									+ ") group by period") };
		}
		line("(CSV export from PostgreSQL and DuckDB load took %.1f s)", seconds(export));
		String[] names = { "Q1 one indicator's series for one area, all sexes",
				"Q2 ranking of the 290 municipalities for one indicator and year",
				"Q3 dashboard: 60 indicators × 17 areas, latest year, with target status",
				"Q4 county aggregate of one indicator over 20 years" };
		double[][] ours = { q1, q2, q3, q4 };
		int table = this.report.indexOf("|---|");
		StringBuilder rows = new StringBuilder();
		for (int q = 0; q < 4; q++) {
			rows.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n", names[q],
					ours[q][0], ours[q][1], duck[q][0], duck[q][1], ours[q][1] / duck[q][1]));
		}
		this.report.insert(this.report.indexOf("\n", table) + 1, rows);

		importThroughput(organisation);
		Files.writeString(Path.of("target/benchmark-indicators.md"), this.report.toString());
		System.out.println(this.report);
		Files.deleteIfExists(csv);
	}

	private void importThroughput(long organisation) throws Exception {
		long indicator = this.registry
			.define(organisation,
					new se.stratlas.indicators.IndicatorDefinition.Draft("BENCHIMPORT", "Import benchmark", null, null,
							null, 1, se.stratlas.indicators.IndicatorKinds.Polarity.NEUTRAL,
							se.stratlas.indicators.IndicatorKinds.Kind.RESULTAT,
							se.stratlas.indicators.IndicatorKinds.Source.KOLADA, "BENCHIMPORT", true, null, null, null),
					"bench")
			.id();
		StringBuilder json = new StringBuilder("{\"values\":[");
		List<String> codes = this.areas.all().stream().map(Area::code).toList();
		int rows = 0;
		for (int year = 1905; year < 2105; year++) {
			for (String code : codes) {
				if (rows++ > 0) {
					json.append(',');
				}
				String kolada = code.length() == 2 ? "00" + code : code;
				json.append("{\"kpi\":\"BENCHIMPORT\",\"municipality\":\"")
					.append(kolada)
					.append("\",\"period\":")
					.append(year)
					.append(",\"values\":[");
				json.append("{\"gender\":\"T\",\"value\":").append((year * 31 + rows) % 1000 / 10.0).append("},");
				json.append("{\"gender\":\"K\",\"value\":").append((year * 17 + rows) % 1000 / 10.0).append("},");
				json.append("{\"gender\":\"M\",\"value\":").append((year * 13 + rows) % 1000 / 10.0).append("}]}");
			}
		}
		json.append("]}");
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		JsonMapper mapper = JsonMapper.builder().build();
		long start = System.nanoTime();
		List<KoladaClient.KoladaValue> parsed = KoladaClient.values(mapper.readTree(body), "bench");
		List<IndicatorValue.Incoming> incoming = parsed.stream()
			.map(v -> new IndicatorValue.Incoming(indicator, v.areaCode(), Period.year(v.year()), v.sex(), v.value(),
					v.missing(), ValueStatus.DEFINITIV))
			.toList();
		double parse = seconds(start);
		IndicatorRegistry.StoreResult stored = this.registry.store(incoming, "bench", null);
		double ours = seconds(start);
		line("");
		line("(of which parsing the JSON into values %.2f s, storing %.2f s)", parse, ours - parse);
		this.jdbc
			.sql("create table bench_copy (indicator_id bigint, area_code text, period text, period_start date,"
					+ " sex char(1), value double precision, status text, source text)")
			.update();
		Path csv = Files.createTempFile("bench-copy", ".csv");
		try (BufferedWriter writer = Files.newBufferedWriter(csv)) {
			for (IndicatorValue.Incoming value : incoming) {
				writer.write(indicator + "," + value.areaCode() + "," + value.period().code() + ","
						+ value.period().start() + "," + value.sex() + "," + value.value() + ",DEFINITIV,bench\n");
			}
		}
		start = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_copy from stdin with (format csv)", Files.newInputStream(csv));
		}
		double copy = seconds(start);
		line("");
		line("Import of Kolada-format JSON (%,d values, %.1f MB): parse + store through IndicatorRegistry %.2f s = "
				+ "%,.0f values/s (%d inserted); PostgreSQL COPY of the same rows into a plain table %.2f s = %,.0f "
				+ "values/s; ratio COPY/Stratlas %.1f×", incoming.size(), body.length / 1e6, ours,
				incoming.size() / ours, stored.inserted(), copy, incoming.size() / copy, ours / copy);
		Files.deleteIfExists(csv);
	}

	private double[] time(IntConsumer query) {
		for (int i = 0; i < 10; i++) {
			query.accept(i);
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			query.accept(i);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return percentiles(millis);
	}

	private double[] timeDuck(Connection duckdb, java.util.function.IntFunction<String> sql) throws Exception {
		for (int i = 0; i < 10; i++) {
			run(duckdb, sql.apply(i));
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			String query = sql.apply(i);
			long start = System.nanoTime();
			run(duckdb, query);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return percentiles(millis);
	}

	private static void run(Connection connection, String sql) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				rs.getObject(1);
			}
		}
	}

	private static double[] percentiles(double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new double[] { sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1] };
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
