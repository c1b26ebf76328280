package se.stratlas.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Section;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.system.internal.EmbeddedDatabase;
import se.stratlas.testing.LiveHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stratlas.testing.LiveHttp.freePort;

/**
 * The load test of issue 8: {@code load.users} (200) concurrent users, each signed in
 * with a session of their own, for {@code load.seconds} (600) on the national indicator
 * dataset. 80 % read (the indicator dashboard of a priority, an indicator page, the
 * annual report, the strategy), 20 % edit a contribution each (open it, autosave a
 * change). Each user pauses 0.5–1.5 s between pages, as people do. In the same run, probe
 * clients call a trivial endpoint ({@code /actuator/health/liveness}) on the same server:
 * the ceiling the pages are compared with.
 * <p>
 * Run: {@code ./mvnw verify -Dtest=none -Dit.test=LoadBenchmarkIT -Dload=true} (the
 * server under test runs in a JVM of its own with {@code -Xmx512m}); the figures land in
 * {@code target/benchmark-load.md} and in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "load", matches = "true")
class LoadBenchmarkIT {

	static final int USERS = Integer.getInteger("load.users", 200);

	static final int SECONDS = Integer.getInteger("load.seconds", 600);

	static final int PROBES = 4;

	@org.junit.jupiter.api.io.TempDir
	Path directory;

	JdbcClient jdbc;

	IndicatorLinks registry;

	Cycles cycles;

	CycleSections cycleSections;

	UserDetailsService users;

	se.stratlas.reports.Editions editions;

	/** The sum of a metric's series whose line starts with {@code prefix}. */
	private static long metric(String metrics, String prefix) {
		return (long) metrics.lines()
			.filter(line -> line.startsWith(prefix))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Map<String, Collection<Double>> latencies = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> errors = new LinkedHashMap<>();

	private final Map<String, java.util.concurrent.atomic.AtomicLong> bytes = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();

	@Test
	void twoHundredUsersForTenMinutes() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true)) {
			Setup setup = setUp(database);
			Process server = server(database);
			try {
				String cost = costPerRequest(setup, server);
				load(setup, server, cost);
			}
			finally {
				server.destroy();
				server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
	}

	/** What the users work on, prepared before the server under test starts. */
	record Setup(long values, double generation, List<Long> indicators, UUID priority3, long rus, long edition,
			List<Long> texts) {
	}

	/**
	 * The demo region, the national dataset, an edition of the annual report and a text
	 * per editor, prepared by an instance in this JVM that is closed before the load.
	 */
	private Setup setUp(EmbeddedDatabase database) throws Exception {
		try (org.springframework.context.ConfigurableApplicationContext context = new org.springframework.boot.SpringApplication(
				se.stratlas.StratlasApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
					"--spring.datasource.username=postgres", "--stratlas.demo.enabled=true",
					"--stratlas.bootstrap.admin-password=", "--logging.level.root=WARN",
					"--stratlas.indicators.refresh-cron=-", "--stratlas.followup.reminder-cron=-")) {
			this.jdbc = context.getBean(JdbcClient.class);
			this.registry = context.getBean(IndicatorLinks.class);
			this.cycles = context.getBean(Cycles.class);
			this.cycleSections = context.getBean(CycleSections.class);
			this.users = context.getBean(UserDetailsService.class);
			this.editions = context.getBean(se.stratlas.reports.Editions.class);
			return prepare();
		}
	}

	private Setup prepare() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		long generated = System.nanoTime();
		long values = NationalDataset.generate(this.jdbc, organisation, 1000, 20);
		double generation = (System.nanoTime() - generated) / 1e9;
		List<Long> indicators = this.jdbc
			.sql("select id from indicators_definition where code like 'BENCH%' order by id")
			.query(Long.class)
			.list();
		UUID priority3 = this.jdbc.sql("""
				select e.element_key from strategy_element e join strategy_version v on v.id = e.version_id
				join strategy_strategy s on s.id = v.strategy_id
				where s.code = 'RUS' and s.organisation_id = :org and e.code = '3' order by v.id desc limit 1""")
			.param("org", organisation)
			.query(UUID.class)
			.single();
		for (long id : indicators.subList(0, 60)) {
			this.registry.link(organisation, id, List.of(priority3));
		}
		long rus = this.jdbc.sql("select id from strategy_strategy where code = 'RUS' and organisation_id = :org")
			.param("org", organisation)
			.query(Long.class)
			.single();
		Map<String, Object> report = this.jdbc.sql("""
				select p.id, p.cycle_id from followup_product p join followup_cycle c on c.id = p.cycle_id
				where c.name = 'Resultat Västerbotten 2023' and p.name = 'Resultat Västerbotten 2023'""")
			.query()
			.singleRow();
		long edition = editionOfTheAnnualReport(((Number) report.get("cycle_id")).longValue(),
				((Number) report.get("id")).longValue());
		return new Setup(values, generation, indicators, priority3, rus, edition, contributionsToEdit(USERS / 5));
	}

	/** The server under test: its own JVM with a 512 MB heap, on the same database. */
	private Process server(EmbeddedDatabase database) throws Exception {
		this.port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "-Xlog:gc:file=target/load-server-gc.log",
				Boolean.getBoolean("load.jfr")
						? "-XX:StartFlightRecording=filename=target/load-server.jfr,settings=profile"
						: "-Dload.jfr=false",
				"-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator + "target/classes",
				se.stratlas.StratlasApplication.class.getName(), "--server.port=" + this.port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
				"--stratlas.bootstrap.admin-password=", "--stratlas.metrics.token=load", "--logging.level.root=WARN",
				"--stratlas.indicators.refresh-cron=-", "--stratlas.followup.reminder-cron=-"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target/load-server.log").toFile())
			.start();
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			assertThat(process.isAlive()).as("the server runs (target/load-server.log)").isTrue();
			try {
				if (this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return process;
				}
			}
			catch (java.io.IOException ex) {
				assertThat(System.nanoTime()).isLessThan(deadline);
			}
			Thread.sleep(300);
		}
	}

	int port;

	/**
	 * What one request of each kind costs, one at a time on a quiet machine: wall time
	 * and the CPU of the server, of PostgreSQL and of the load generator per request (CPU
	 * time of the processes before and after {@code COST_REQUESTS} requests). This says
	 * where the machine's cores go under load.
	 */
	private String costPerRequest(Setup setup, Process server) throws Exception {
		String base = "http://127.0.0.1:" + this.port;
		String reader = signIn(base, "lars.lasare");
		String editor = signIn(base, "sara.strateg");
		long text = setup.texts().isEmpty() ? 0 : setup.texts().get(0);
		Map<String, java.util.function.IntFunction<String>> kinds = new LinkedHashMap<>();
		kinds.put("dashboard page", i -> base + "/indicators/dashboard?area=24&element=" + setup.priority3());
		kinds.put("indicator page", i -> base + "/indicators/" + setup.indicators().get(i % setup.indicators().size()));
		kinds.put("annual report page", i -> base + "/reports/editions/" + setup.edition());
		kinds.put("strategy page", i -> base + "/strategies/" + setup.rus());
		kinds.put("contribution page", i -> base + "/followup/contributions/" + text);
		kinds.put("trivial endpoint (ceiling)", i -> base + "/actuator/health/liveness");
		StringBuilder out = new StringBuilder("Cost of one request, one at a time (" + COST_REQUESTS
				+ " requests of each kind after " + COST_REQUESTS / 2 + " to warm up):\n\n"
				+ "| Request | wall p50 | server CPU | PostgreSQL CPU | load generator CPU |\n"
				+ "|---|---|---|---|---|\n");
		com.sun.management.OperatingSystemMXBean self = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		for (Map.Entry<String, java.util.function.IntFunction<String>> kind : kinds.entrySet()) {
			String session = kind.getKey().startsWith("contribution") ? editor
					: kind.getKey().startsWith("trivial") ? null : reader;
			this.latencies.put(kind.getKey(), new ConcurrentLinkedQueue<>());
			this.errors.put(kind.getKey(), new AtomicInteger());
			System.out.println(kind.getKey() + " warms up from " + java.time.LocalTime.now());
			for (int i = 0; i < COST_REQUESTS / 2; i++) {
				get(kind.getValue().apply(i), session, kind.getKey());
			}
			this.latencies.get(kind.getKey()).clear();
			System.out.println(kind.getKey() + " from " + java.time.LocalTime.now());
			long serverBefore = cpu(server.toHandle());
			long postgresBefore = postgresCpu();
			long clientBefore = self.getProcessCpuTime();
			for (int i = 0; i < COST_REQUESTS; i++) {
				get(kind.getValue().apply(i), session, kind.getKey());
			}
			double perRequest = 1e6 * COST_REQUESTS;
			out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", kind.getKey(),
					at(sorted(kind.getKey()), 0.5), (cpu(server.toHandle()) - serverBefore) / perRequest,
					(postgresCpu() - postgresBefore) / perRequest,
					(self.getProcessCpuTime() - clientBefore) / perRequest));
			assertThat(this.errors.get(kind.getKey()).get()).as(kind.getKey()).isZero();
		}
		this.latencies.clear();
		this.errors.clear();
		this.bytes.clear();
		System.out.println(out);
		return out.toString();
	}

	static final int COST_REQUESTS = Integer.getInteger("load.cost.requests", 400);

	/** CPU time of a process in nanoseconds. */
	private static long cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	/** CPU time of every PostgreSQL process (the embedded server and its backends). */
	private static long postgresCpu() {
		return ProcessHandle.allProcesses()
			.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
			.mapToLong(LoadBenchmarkIT::cpu)
			.sum();
	}

	private void load(Setup setup, Process server, String cost) throws Exception {
		List<Long> indicators = setup.indicators();
		UUID priority3 = setup.priority3();
		long rus = setup.rus();
		long edition = setup.edition();
		List<Long> texts = setup.texts();
		long values = setup.values();
		double generation = setup.generation();
		int editorCount = USERS / 5;
		String base = "http://127.0.0.1:" + this.port;
		List<String> readerSessions = new ArrayList<>();
		List<String> editorSessions = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			(u < editorCount ? editorSessions : readerSessions)
				.add(signIn(base, u < editorCount ? "sara.strateg" : "lars.lasare"));
		}
		for (String kind : List.of("dashboard page", "indicator page", "annual report page", "strategy page",
				"contribution page", "autosave", "trivial endpoint (ceiling)")) {
			this.latencies.put(kind, new ConcurrentLinkedQueue<>());
			this.errors.put(kind, new AtomicInteger());
		}
		this.began = System.nanoTime();
		long end = this.began + SECONDS * 1_000_000_000L;
		java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.atomic.AtomicLong peakAfterGc = new java.util.concurrent.atomic.AtomicLong();
		try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
			users.submit(() -> {
				// The server's own heap, from its Prometheus metrics.
				while (System.nanoTime() < end) {
					try {
						String metrics = this.http
							.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
								.header("Authorization", "Bearer load")
								.build(), HttpResponse.BodyHandlers.ofString())
							.body();
						peakHeap.accumulateAndGet(metric(metrics, "jvm_memory_used_bytes{area=\"heap\""), Math::max);
						peakAfterGc.accumulateAndGet(metric(metrics, "jvm_gc_live_data_size_bytes"), Math::max);
					}
					catch (java.io.IOException ex) {
						// counted as errors by the probes
					}
					Thread.sleep(1000);
				}
				return null;
			});
			for (int u = 0; u < readerSessions.size(); u++) {
				String session = readerSessions.get(u);
				Random random = new Random(u);
				users.submit(() -> {
					int page = random.nextInt(4);
					while (System.nanoTime() < end) {
						switch (page++ % 4) {
							case 0 -> get(base + "/indicators/dashboard?area=24&element=" + priority3, session,
									"dashboard page");
							case 1 -> get(base + "/indicators/" + indicators.get(random.nextInt(indicators.size())),
									session, "indicator page");
							case 2 -> get(base + "/reports/editions/" + edition, session, "annual report page");
							default -> get(base + "/strategies/" + rus, session, "strategy page");
						}
						think(random);
					}
					return null;
				});
			}
			for (int e = 0; e < editorSessions.size(); e++) {
				String session = editorSessions.get(e);
				long text = texts.get(e);
				Random random = new Random(1000 + e);
				users.submit(() -> {
					int round = 0;
					while (System.nanoTime() < end) {
						String page = get(base + "/followup/contributions/" + text, session, "contribution page");
						think(random);
						if (page != null) {
							autosave(base, session, text, page, "Rad " + round++ + " skriven under lasttestet.");
						}
						think(random);
					}
					return null;
				});
			}
			for (int p = 0; p < PROBES; p++) {
				Random random = new Random(5000 + p);
				users.submit(() -> {
					while (System.nanoTime() < end) {
						get(base + "/actuator/health/liveness", null, "trivial endpoint (ceiling)");
						think(random);
					}
					return null;
				});
			}
		}
		long peak = peakHeap.get();

		StringBuilder out = new StringBuilder();
		int total = this.latencies.values().stream().mapToInt(Collection::size).sum();
		int failed = this.errors.values().stream().mapToInt(AtomicInteger::get).sum();
		out.append(String.format(Locale.ROOT,
				"Dataset: %,d values (1 000 indicators × 312 areas × 20 years × 3), generated in %.0f s.%n%n", values,
				generation));
		out.append(String.format(Locale.ROOT,
				"%d users (%d reading, %d editing) + %d probes for %d s, think time 0.5–1.5 s: %,d requests "
						+ "(%,.0f/s), %d errors %s; server heap limit 512 MB (its own JVM), peak heap in use %,d MB, "
						+ "peak live data after collection %,d MB.%n%n",
				USERS, readerSessions.size(), editorSessions.size(), PROBES, SECONDS, total, total / (double) SECONDS,
				failed, this.statuses, peak / 1024 / 1024, peakAfterGc.get() / 1024 / 1024));
		out.append("| Request | requests | errors | kB on the wire | p50 | p95 | p99 | p95 / ceiling p95 |\n"
				+ "|---|---|---|---|---|---|---|---|\n");
		double[] ceiling = sorted("trivial endpoint (ceiling)");
		double ceilingP95 = at(ceiling, 0.95);
		List<Double> pages = new ArrayList<>();
		for (String kind : this.latencies.keySet()) {
			double[] sorted = sorted(kind);
			if (!kind.startsWith("trivial") && !kind.equals("autosave")) {
				this.latencies.get(kind).forEach(pages::add);
			}
			long size = this.bytes.getOrDefault(kind, new java.util.concurrent.atomic.AtomicLong()).get();
			out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n",
					kind, sorted.length, this.errors.get(kind).get(),
					sorted.length == 0 ? 0.0 : size / 1024.0 / sorted.length, at(sorted, 0.5), at(sorted, 0.95),
					at(sorted, 0.99), at(sorted, 0.95) / ceilingP95));
		}
		double[] allPages = pages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		out.append(String.format(Locale.ROOT, "| all pages | %,d | | | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n",
				allPages.length, at(allPages, 0.5), at(allPages, 0.95), at(allPages, 0.99),
				at(allPages, 0.95) / ceilingP95));
		out.append("\nPages by minute of the run:\n\n| Minute | requests | p50 | p95 | p99 |\n|---|---|---|---|---|\n");
		for (int minute = 0; minute < Math.ceil(SECONDS / 60.0); minute++) {
			int m = minute;
			double[] window = this.timeline.stream()
				.filter(t -> (int) t[0] == m)
				.mapToDouble(t -> t[1])
				.sorted()
				.toArray();
			out.append(String.format(Locale.ROOT, "| %d | %,d | %.1f ms | %.1f ms | %.1f ms |%n", minute + 1,
					window.length, at(window, 0.5), at(window, 0.95), at(window, 0.99)));
		}
		out.append("\n").append(cost);
		Files.writeString(Path.of("target/benchmark-load.md"), out.toString());
		assertThat(server.isAlive()).isTrue();
		System.out.println(out);
		assertThat(total).isPositive();
	}

	/**
	 * Freezes the annual report into an edition (as readers read it) and waits for it.
	 */
	private long editionOfTheAnnualReport(long cycle, long product) throws InterruptedException {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		long id = this.editions.start(strategist, cycle, product, true).id();
		while (!this.editions.get(strategist.organisationId(), id).ready()) {
			Thread.sleep(500);
		}
		return id;
	}

	/** One cycle with a section per editor, each assigned and open for writing. */
	private List<Long> contributionsToEdit(int count) {
		if (count == 0) {
			return List.of();
		}
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Cycle cycle = this.cycles.create(strategist, new Cycle.Draft("Lasttest", CycleKind.CUSTOM, "2025", null,
				LocalDate.now(), LocalDate.now().plusDays(30), null, null), Cycles.Template.EMPTY, null, null);
		List<Long> sections = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Section section = this.cycleSections.addSection(strategist, cycle.id(),
					new Section.Draft("Lasttest", "Avsnitt " + i, null, SectionKind.TEXT, null, null, List.of(), null));
			sections.add(section.id());
		}
		long unit = this.jdbc.sql("select min(id) from accounts_unit where organisation_id = :org")
			.param("org", strategist.organisationId())
			.query(Long.class)
			.single();
		this.cycleSections.assign(strategist, cycle.id(), sections, unit, null, null);
		Cycle current = this.cycles.get(strategist.organisationId(), cycle.id());
		this.cycles.transition(strategist, cycle.id(), current.version(), CycleState.OPEN);
		return this.cycles.contributions(strategist.organisationId(), cycle.id()).stream().map(c -> c.id()).toList();
	}

	private String get(String url, String session, String kind) {
		long start = System.nanoTime();
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", kind.startsWith("trivial") ? "application/json" : "text/html")
				.header("Accept-Encoding", "gzip");
			if (session != null) {
				request.header("Cookie", session);
			}
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			record(kind, start, response.statusCode() == 200);
			this.bytes.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong())
				.addAndGet(response.body().length);
			if (response.statusCode() != 200) {
				this.statuses.merge(kind + " " + response.statusCode(), 1, Integer::sum);
				return null;
			}
			if (!kind.startsWith("contribution")) {
				return "";
			}
			byte[] body = response.body();
			if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
				body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
			}
			return new String(body, StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			record(kind, start, false);
			this.statuses.merge(kind + " " + ex.getClass().getSimpleName(), 1, Integer::sum);
			return null;
		}
	}

	private static final Pattern VERSION = Pattern.compile("id=\"version\" name=\"version\" value=\"(\\d+)\"");

	private static final Pattern BASE = Pattern.compile("id=\"baseRevision\" name=\"baseRevision\" value=\"(\\d+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private void autosave(String base, String session, long id, String page, String line) {
		Matcher version = VERSION.matcher(page);
		Matcher revision = BASE.matcher(page);
		Matcher csrf = CSRF.matcher(page);
		long start = System.nanoTime();
		if (!version.find() || !revision.find() || !csrf.find()) {
			record("autosave", start, false);
			return;
		}
		String form = "version=" + version.group(1) + "&baseRevision=" + revision.group(1) + "&body="
				+ URLEncoder.encode(line, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/followup/contributions/" + id + "/autosave"))
					.timeout(Duration.ofSeconds(30))
					.header("Cookie", session)
					.header("HX-Request", "true")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
			record("autosave", start, response.statusCode() == 200 && !response.body().contains("field-error"));
		}
		catch (Exception ex) {
			record("autosave", start, false);
		}
	}

	/** When the load began (0 while costs are measured). */
	private volatile long began;

	/** Pages' latencies with the minute of the run they started in: {minute, ms}. */
	private final Collection<double[]> timeline = new ConcurrentLinkedQueue<>();

	private void record(String kind, long start, boolean ok) {
		double ms = (System.nanoTime() - start) / 1e6;
		this.latencies.get(kind).add(ms);
		if (this.began != 0 && !kind.startsWith("trivial") && !kind.equals("autosave")) {
			this.timeline.add(new double[] { (start - this.began) / 60e9, ms });
		}
		if (!ok) {
			this.errors.get(kind).incrementAndGet();
		}
	}

	private static void think(Random random) throws InterruptedException {
		Thread.sleep(500 + random.nextInt(1000));
	}

	private double[] sorted(String kind) {
		return this.latencies.get(kind).stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

	private static double at(double[] sorted, double quantile) {
		return sorted.length == 0 ? Double.NaN
				: sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

	private String signIn(String base, String username) throws Exception {
		return LiveHttp.signIn(this.http, base, username);
	}

}
