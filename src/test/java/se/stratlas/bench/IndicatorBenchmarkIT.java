package se.stratlas.bench;

import java.io.BufferedWriter;
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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.KoladaClient;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.internal.KoladaValues;

/**
 * The national-scale benchmark of issue 4, run on demand:
 * {@code ./mvnw verify -Dtest=none -Dit.test=IndicatorBenchmarkIT -Dbenchmark=true}. It
 * generates a deterministic dataset (1 000 indicators × 312 areas × 20 years × 3 sexes =
 * 18.72 M values) in the embedded PostgreSQL, times Q1–Q4 through the application's own
 * query code, runs the same queries in DuckDB on the same rows, and measures the
 * Kolada-JSON import against PostgreSQL COPY of the same rows. Results go to
 * target/benchmark-indicators.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
	IndicatorDashboards dashboards;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	IndicatorLinks links;

	@Autowired
	se.stratlas.learning.LearningPages learning;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Autowired
	IndicatorTargets targets;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	se.stratlas.areas.Areas areas;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	/** How long the load test runs and how many clients it has. */
	static final int LOAD_SECONDS = 30;

	static final int CLIENTS = 16;

	private final StringBuilder report = new StringBuilder();

	@Test
	void nationalDataset() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		long start = System.nanoTime();
		long values = NationalDataset.generate(this.jdbc, organisation, INDICATORS, YEARS);
		line("Dataset: %,d values (%d indicators × %d areas × %d years × 3 sexes), generated in PostgreSQL in %.1f s",
				values, INDICATORS, this.areas.all().size(), YEARS, seconds(start));
		List<Long> ids = this.jdbc.sql("select id from indicators_definition where code like 'BENCH%' order by id")
			.query(Long.class)
			.list();
		for (int i = 0; i < 60; i++) {
			this.targets.addTarget(organisation, ids.get(i), "24", Sex.T,
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
		double[] q3 = time(i -> this.dashboards.dashboardTable(organisation, ids.subList(0, 60), dashboardAreas));
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
		serveUnderLoad(organisation, ids, municipalities);
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
		List<KoladaClient.KoladaValue> parsed = KoladaValues.values(mapper.readTree(body), "bench");
		List<IndicatorValue.Incoming> incoming = parsed.stream()
			.map(v -> new IndicatorValue.Incoming(indicator, v.areaCode(), Period.year(v.year()), v.sex(), v.value(),
					v.missing(), ValueStatus.DEFINITIV))
			.toList();
		double parse = seconds(start);
		IndicatorValues.StoreResult stored = this.values.store(incoming, "bench", null);
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
		long streamed = this.registry
			.define(organisation,
					new se.stratlas.indicators.IndicatorDefinition.Draft("BENCHSTREAM", "Import benchmark (stream)",
							null, null, null, 1, se.stratlas.indicators.IndicatorKinds.Polarity.NEUTRAL,
							se.stratlas.indicators.IndicatorKinds.Kind.RESULTAT,
							se.stratlas.indicators.IndicatorKinds.Source.KOLADA, "BENCHSTREAM", true, null, null, null),
					"bench")
			.id();
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				this.transactions);
		start = System.nanoTime();
		IndicatorValues.StoreResult streamedResult = transaction.execute(status -> {
			try (IndicatorValues.FirstImport first = this.values.firstImport(List.of(streamed), "bench", null)
				.orElseThrow(); tools.jackson.core.JsonParser parser = mapper.createParser(body)) {
				KoladaValues.stream(parser, "bench", v -> first.add(new IndicatorValue.Incoming(streamed, v.areaCode(),
						Period.year(v.year()), v.sex(), v.value(), v.missing(), ValueStatus.DEFINITIV)));
				return first.finish();
			}
		});
		double stream = seconds(start);
		line("");
		line("Import of the same Kolada-format JSON as the application's Kolada import does it (the JSON parsed as a "
				+ "stream and copied into the value table while it is read, one transaction): %.2f s = **%,.0f values/s** "
				+ "(%d inserted); ratio COPY/Stratlas %.1f×", stream, streamedResult.inserted() / stream,
				streamedResult.inserted(), stream / copy);
	}

	/**
	 * Q1–Q4 through the HTTP API with {@link #CLIENTS} concurrent clients for
	 * {@link #LOAD_SECONDS} s, in this JVM (run it with -Xmx512m), with the heap's peak
	 * use.
	 */
	private void serveUnderLoad(long organisation, List<Long> ids, List<String> municipalities) throws Exception {
		java.util.UUID element = this.jdbc.sql("""
				select e.element_key from strategy_element e join strategy_version v on v.id = e.version_id
				join strategy_strategy s on s.id = v.strategy_id
				where s.code = 'RUS' and s.organisation_id = :org and e.code = '3' order by v.id desc limit 1""")
			.param("org", organisation)
			.query(java.util.UUID.class)
			.single();
		for (long id : ids.subList(0, 60)) {
			this.links.link(organisation, id, List.of(element));
		}
		learningPage(element);
		String base = "http://localhost:" + this.port;
		java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		String cookie = signIn(http, base);
		String[] names = { "Q1 series of one indicator for one area (GET /api/indicators/{id}/series)",
				"Q2 ranking of the 290 municipalities (GET /api/indicators/{id}/ranking)",
				"Q3 dashboard of priority 3 with the 60 linked indicators and target status (GET /api/indicators/dashboard)",
				"Q4 county aggregate over 20 years (GET /api/indicators/{id}/county-aggregate)" };
		List<java.util.concurrent.ConcurrentLinkedQueue<Double>> latencies = new ArrayList<>();
		for (int q = 0; q < 4; q++) {
			latencies.add(new java.util.concurrent.ConcurrentLinkedQueue<>());
		}
		java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
		List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.toList();
		heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
		long end = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L;
		String latest = String.valueOf(2004 + YEARS);
		try (var clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				clients.submit(() -> {
					Random random = new Random(client);
					int i = client;
					while (System.nanoTime() < end) {
						int q = i++ % 4;
						long id = ids.get(random.nextInt(ids.size()));
						String path = switch (q) {
							case 0 -> "/api/indicators/" + id + "/series?sex=T&area="
									+ municipalities.get(random.nextInt(municipalities.size()));
							case 1 -> "/api/indicators/" + id + "/ranking?sex=T&period=" + latest;
							case 2 -> "/api/indicators/dashboard?area=24&element=" + element;
							default -> "/api/indicators/" + id + "/county-aggregate?county=24&sex=T";
						};
						long start = System.nanoTime();
						try {
							var response = http
								.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
									.header("Cookie", cookie)
									.header("Accept", "application/json")
									.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
							if (response.statusCode() != 200) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						latencies.get(q).add((System.nanoTime() - start) / 1e6);
					}
					return null;
				});
			}
		}
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		int total = latencies.stream().mapToInt(java.util.Collection::size).sum();
		line("");
		line("Under load: %d concurrent HTTP clients for %d s against the running application (heap limit %,d MB, "
				+ "peak heap use %,d MB): %,d requests, %,.0f requests/s, %d errors", CLIENTS, LOAD_SECONDS,
				Runtime.getRuntime().maxMemory() / 1024 / 1024, peak / 1024 / 1024, total,
				total / (double) LOAD_SECONDS, errors.get());
		line("");
		line("| Query under load | requests | p50 | p95 | p99 |");
		line("|---|---|---|---|---|");
		for (int q = 0; q < 4; q++) {
			double[] sorted = latencies.get(q).stream().mapToDouble(Double::doubleValue).sorted().toArray();
			line("| %s | %,d | %.1f ms | %.1f ms | %.1f ms |", names[q], sorted.length, at(sorted, 0.50),
					at(sorted, 0.95), at(sorted, 0.99));
		}
	}

	private static double at(double[] sorted, double quantile) {
		return sorted.length == 0 ? Double.NaN
				: sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

	/** Signs in as the demo läsare and returns the session cookie. */
	private static String signIn(java.net.http.HttpClient http, String base) throws Exception {
		var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String cookie = sessionCookie(page);
		String form = "username=lars.lasare&password=stratlas-demo&_csrf="
				+ java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		String signedIn = sessionCookie(login);
		return signedIn.isEmpty() ? cookie : signedIn;
	}

	private static String sessionCookie(java.net.http.HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("STRATLAS_SESSION=") || c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElse("");
	}

	/**
	 * Issue 17: the learning page of priority 3 with its 60 linked indicators on the
	 * national dataset (status, sparklines, Sweden, women and men; initiatives, texts,
	 * foresight, assessments, lessons, proposals), through the application's code.
	 */
	private void learningPage(java.util.UUID key) {
		long element = this.jdbc.sql("""
				select e.id from strategy_element e join strategy_version v on v.id = e.version_id
				where e.element_key = :key order by v.id desc limit 1""").param("key", key).query(Long.class).single();
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		double[] page = time(i -> this.learning.view(strategist, element, null));
		line("");
		line("Learning page of priority 3 (60 indicators with sparklines, Sweden, women and men): p50 %.1f ms,"
				+ " p95 %.1f ms (goal: p95 ≤ 150 ms)", page[0], page[1]);
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
