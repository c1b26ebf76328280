package se.stratlas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Section;
import se.stratlas.indicators.IndicatorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test of issue 8: {@code load.users} (200) concurrent users, each signed in
 * with a session of their own, for {@code load.seconds} (600) on the national indicator
 * dataset. 80 % read (the indicator dashboard of a priority, an indicator page, the
 * annual report, the strategy), 20 % edit a contribution each (open it, autosave a
 * change). Each user pauses 0.5–1.5 s between pages, as people do. In the same run, probe
 * clients call a trivial endpoint ({@code /actuator/health/liveness}) on the same server:
 * the ceiling the pages are compared with.
 * <p>
 * Run: {@code ./mvnw verify -Dtest=none -Dit.test=LoadBenchmarkIT -Dload=true
 * -DargLine=-Xmx512m}; the figures land in {@code target/benchmark-load.md} and in
 * docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "load", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoadBenchmarkIT {

	static final int USERS = Integer.getInteger("load.users", 200);

	static final int SECONDS = Integer.getInteger("load.seconds", 600);

	static final int PROBES = 4;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	Cycles cycles;

	@Autowired
	UserDetailsService users;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Map<String, Collection<Double>> latencies = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> errors = new LinkedHashMap<>();

	@Test
	void twoHundredUsersForTenMinutes() throws Exception {
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
				where c.name = 'Resultat Västerbotten 2023' order by p.id limit 1""").query().singleRow();
		int editorCount = USERS / 5;
		List<Long> texts = contributionsToEdit(editorCount);

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
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long end = System.nanoTime() + SECONDS * 1_000_000_000L;
		try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
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
							case 2 -> get(base + "/followup/" + report.get("cycle_id") + "/products/" + report.get("id")
									+ "/report", session, "annual report page");
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
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

		StringBuilder out = new StringBuilder();
		int total = this.latencies.values().stream().mapToInt(Collection::size).sum();
		int failed = this.errors.values().stream().mapToInt(AtomicInteger::get).sum();
		out.append(String.format(Locale.ROOT,
				"Dataset: %,d values (1 000 indicators × 312 areas × 20 years × 3), generated in %.0f s.%n%n", values,
				generation));
		out.append(String.format(Locale.ROOT,
				"%d users (%d reading, %d editing) + %d probes for %d s, think time 0.5–1.5 s: %,d requests "
						+ "(%,.0f/s), %d errors; heap limit %,d MB, peak heap use %,d MB (server and load generator "
						+ "share the JVM).%n%n",
				USERS, readerSessions.size(), editorSessions.size(), PROBES, SECONDS, total, total / (double) SECONDS,
				failed, Runtime.getRuntime().maxMemory() / 1024 / 1024, peak / 1024 / 1024));
		out.append(
				"| Request | requests | errors | p50 | p95 | p99 | p95 / ceiling p95 |\n|---|---|---|---|---|---|---|\n");
		double[] ceiling = sorted("trivial endpoint (ceiling)");
		double ceilingP95 = at(ceiling, 0.95);
		List<Double> pages = new ArrayList<>();
		for (String kind : this.latencies.keySet()) {
			double[] sorted = sorted(kind);
			if (!kind.startsWith("trivial") && !kind.equals("autosave")) {
				this.latencies.get(kind).forEach(pages::add);
			}
			out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n", kind,
					sorted.length, this.errors.get(kind).get(), at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99),
					at(sorted, 0.95) / ceilingP95));
		}
		double[] allPages = pages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		out.append(String.format(Locale.ROOT, "| all pages | %,d | | %.1f ms | %.1f ms | %.1f ms | %.1f× |%n",
				allPages.length, at(allPages, 0.5), at(allPages, 0.95), at(allPages, 0.99),
				at(allPages, 0.95) / ceilingP95));
		Files.writeString(Path.of("target/benchmark-load.md"), out.toString());
		System.out.println(out);
		assertThat(total).isPositive();
	}

	/** One cycle with a section per editor, each assigned and open for writing. */
	private List<Long> contributionsToEdit(int count) {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Cycle cycle = this.cycles.create(strategist, new Cycle.Draft("Lasttest", CycleKind.CUSTOM, "2025", null,
				LocalDate.now(), LocalDate.now().plusDays(30), null, null), Cycles.Template.EMPTY, null, null);
		List<Long> sections = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Section section = this.cycles.addSection(strategist, cycle.id(),
					new Section.Draft("Lasttest", "Avsnitt " + i, null, SectionKind.TEXT, null, null, List.of()));
			sections.add(section.id());
		}
		long unit = this.jdbc.sql("select min(id) from accounts_unit where organisation_id = :org")
			.param("org", strategist.organisationId())
			.query(Long.class)
			.single();
		this.cycles.assign(strategist, cycle.id(), sections, unit, null, null);
		Cycle current = this.cycles.get(strategist.organisationId(), cycle.id());
		this.cycles.transition(strategist, cycle.id(), current.version(), CycleState.OPEN);
		return this.cycles.contributions(strategist.organisationId(), cycle.id()).stream().map(c -> c.id()).toList();
	}

	private String get(String url, String session, String kind) {
		long start = System.nanoTime();
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html");
			if (session != null) {
				request.header("Cookie", session);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			record(kind, start, response.statusCode() == 200);
			return response.statusCode() == 200 ? response.body() : null;
		}
		catch (Exception ex) {
			record(kind, start, false);
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

	private void record(String kind, long start, boolean ok) {
		this.latencies.get(kind).add((System.nanoTime() - start) / 1e6);
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
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Cookie", cookie(page))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=stratlas-demo&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return cookie(login);
	}

	private static String cookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("STRATLAS_SESSION="))
			.map(c -> c.split(";", 2)[0])
			.findFirst()
			.orElseThrow();
	}

}
