package se.stratlas.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Section;
import se.stratlas.testing.LiveHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside test's attacks that went through real HTTP, repeated over real HTTP: an
 * autosave between opening and saving a text, a session with a bearer header and no CSRF
 * token, an expired form, browsers that got JSON for their errors, and a JSON body far
 * over the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutsideAttacksIT {

	private static final Pattern HIDDEN = Pattern
		.compile("id=\"(version|baseRevision)\" name=\"\\1\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String base;

	@BeforeEach
	void base() {
		this.base = "http://127.0.0.1:" + this.port;
	}

	@Test
	void aSaveAfterSomeoneElsesAutosaveIsAConflictNotALostText() throws Exception {
		long id = openContributionOfRasmussUnit("Autospar och spara");
		String rasmus = LiveHttp.signIn(this.http, this.base, "rasmus.rapportor");
		String sara = LiveHttp.signIn(this.http, this.base, "sara.strateg");

		String rasmusPage = get("/followup/contributions/" + id, rasmus).body();
		Map<String, String> rasmusForm = hidden(rasmusPage);
		HttpResponse<String> first = post("/followup/contributions/" + id + "/autosave", rasmus, rasmusPage, Map
			.of("version", rasmusForm.get("version"), "baseRevision", rasmusForm.get("baseRevision"), "body", "R1"));
		assertThat(first.statusCode()).isEqualTo(200);
		Map<String, String> afterFirst = hidden(first.body());

		String saraPage = get("/followup/contributions/" + id, sara).body();
		Map<String, String> saraForm = hidden(saraPage);

		HttpResponse<String> second = post("/followup/contributions/" + id + "/autosave", rasmus, rasmusPage,
				Map.of("version", afterFirst.get("version"), "baseRevision", afterFirst.get("baseRevision"), "body",
						"R1\n\nR2"));
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).doesNotContain("field-error");

		HttpResponse<String> saved = post("/followup/contributions/" + id, sara, saraPage, Map.of("version",
				saraForm.get("version"), "baseRevision", saraForm.get("baseRevision"), "body", "R1\n\nSara"));
		assertThat(saved.statusCode()).as("Sara is shown the conflict, not redirected as saved").isEqualTo(200);
		assertThat(saved.body()).contains("R2").contains("Sara");
		String current = this.jdbc.sql("select body from followup_contribution where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(current).as("Rasmus's autosaved R2 is still the current text").contains("R2");
		assertThat(conflictCopies(id)).as("Sara's text is kept as a conflict copy").contains("R1\n\nSara");
	}

	@Test
	void theApiComparesASaveWithWhatTheWriterLastReadEvenAfterAnAutosave() throws Exception {
		long id = openContributionOfRasmussUnit("Autospar och API");
		String rasmus = LiveHttp.signIn(this.http, this.base, "rasmus.rapportor");
		String rasmusPage = get("/followup/contributions/" + id, rasmus).body();
		Map<String, String> form = hidden(rasmusPage);
		Map<String, String> after = hidden(post("/followup/contributions/" + id + "/autosave", rasmus, rasmusPage,
				Map.of("version", form.get("version"), "baseRevision", form.get("baseRevision"), "body", "R1"))
			.body());

		String sara = basic("sara.strateg");
		String read = send(HttpRequest.newBuilder(uri("/api/followup/contributions/" + id))
			.header("Authorization", sara)
			.header("Accept", "application/json")).body();
		int version = Integer.parseInt(jsonNumber(read, "version"));
		int revision = Integer.parseInt(jsonNumber(read, "revision"));

		post("/followup/contributions/" + id + "/autosave", rasmus, rasmusPage,
				Map.of("version", after.get("version"), "baseRevision", after.get("baseRevision"), "body", "R1\n\nR2"));

		HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/followup/contributions/" + id))
			.header("Authorization", sara)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(
					"{\"version\": " + version + ", \"baseRevision\": " + revision + ", \"body\": \"R1\\n\\nSara\"}")));
		assertThat(put.statusCode()).isEqualTo(409);
		assertThat(put.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(this.jdbc.sql("select body from followup_contribution where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).contains("R2");
	}

	@Test
	void aBearerHeaderBesideTheSessionDoesNotTurnCsrfOff() throws Exception {
		String sara = LiveHttp.signIn(this.http, this.base, "sara.strateg");
		int before = count("foresight_item");
		HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/foresight/items"))
			.header("Cookie", sara)
			.header("Authorization", "Bearer anything")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("title=Utan+token&kind=TREND&scope=EU")));
		assertThat(posted.statusCode()).isEqualTo(403);
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/initiatives"))
			.header("Cookie", sara)
			.header("Authorization", "Bearer anything")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Utan token\"}")));
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(count("foresight_item")).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from initiatives_initiative where name = 'Utan token'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anExpiredFormSaysSoAndAsksForAReload() throws Exception {
		String sara = LiveHttp.signIn(this.http, this.base, "sara.strateg");
		HttpResponse<String> screen = send(HttpRequest.newBuilder(uri("/foresight/items"))
			.header("Cookie", sara)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("title=Gammalt&kind=TREND&scope=EU&_csrf=expired-token")));
		assertThat(screen.statusCode()).isEqualTo(403);
		assertThat(screen.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
		assertThat(screen.body()).contains("Formuläret har gått ut").doesNotContain("roller");
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/initiatives"))
			.header("Cookie", sara)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")));
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(api.body()).contains("CSRF").doesNotContain("roles do not allow");
	}

	@Test
	void browsersGetPagesForTheirErrors() throws Exception {
		String reader = LiveHttp.signIn(this.http, this.base, "lars.lasare");
		for (String path : List.of("/indicators/999999", "/no/such/page", "/admin/units", "/indicators/1/nothing")) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path))
				.header("Cookie", reader)
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
			assertThat(page.statusCode()).as(path).isIn(403, 404);
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).as(path).contains("text/html");
			assertThat(page.body()).as(path).contains("<html").contains("</main>");
		}
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/indicators/999999/series"))
			.header("Cookie", reader)
			.header("Accept", "text/html"));
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
	}

	@Test
	void aJsonBodyOverTheLimitGets413() throws Exception {
		byte[] huge = ("{\"name\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/initiatives"))
			.header("Authorization", basic("sara.strateg"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/initiatives"))
			.header("Authorization", basic("sara.strateg"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))));
		assertThat(chunked.statusCode()).as("without a declared length too").isEqualTo(413);
	}

	private long openContributionOfRasmussUnit(String name) {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Cycle cycle = this.cycles.create(strategist, new Cycle.Draft(name, CycleKind.CUSTOM, "2025", null,
				LocalDate.now(), LocalDate.now().plusDays(5), null, null), Cycles.Template.EMPTY, null, null);
		Section section = this.cycleSections.addSection(strategist, cycle.id(),
				new Section.Draft("Kapitel", name, null, SectionKind.TEXT, null, null, List.of(), null));
		long unit = this.jdbc.sql("select unit_id from accounts_user where username = 'rasmus.rapportor'")
			.query(Long.class)
			.single();
		this.cycleSections.assign(strategist, cycle.id(), List.of(section.id()), unit, null, null);
		this.cycles.transition(strategist, cycle.id(),
				this.cycles.get(strategist.organisationId(), cycle.id()).version(), CycleState.OPEN);
		return this.cycles.contributions(strategist.organisationId(), cycle.id()).getFirst().id();
	}

	private List<String> conflictCopies(long id) {
		return this.jdbc
			.sql("select body from followup_revision where contribution_id = :id and kind = 'CONFLICT_COPY'")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private static Map<String, String> hidden(String html) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = HIDDEN.matcher(html);
		while (matcher.find()) {
			values.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		assertThat(values).containsKeys("version", "baseRevision");
		return values;
	}

	private static String jsonNumber(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
		assertThat(matcher.find()).as(field + " in " + json).isTrue();
		return matcher.group(1);
	}

	private static String basic(String username) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":stratlas-demo").getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie));
	}

	private HttpResponse<String> post(String path, String cookie, String page, Map<String, String> fields)
			throws Exception {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", LiveHttp.csrf(page));
		String body = all.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (path.endsWith("/autosave")) {
			request.header("HX-Request", "true");
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
