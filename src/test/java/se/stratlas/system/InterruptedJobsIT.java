package se.stratlas.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import se.stratlas.StratlasApplication;
import se.stratlas.indicators.KoladaImport;
import se.stratlas.system.internal.EmbeddedDatabase;

import static se.stratlas.testing.LiveHttp.freePort;
import static se.stratlas.testing.LiveHttp.csrf;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stratlas killed with {@code kill -9} in the middle of a Kolada import, and in the
 * middle of making a report edition: after a restart nothing of the killed job is
 * visible, the job is marked as interrupted, and it can be run again. The app runs in a
 * child JVM so that it can be killed for real.
 */
class InterruptedJobsIT {

	private static final String PASSWORD = "ett-langt-losenord-2026";

	private static final String DATA = "/v3/data/kpi/N00914/municipality/2480,0024,0000/year/2023,2024";

	@TempDir
	Path directory;

	@Test
	void anImportKilledMidwayLeavesNothingAndCanBeRunAgain() throws Exception {
		WireMockServer kolada = new WireMockServer(options().dynamicPort());
		kolada.start();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true)) {
			String base = "http://127.0.0.1:" + kolada.port() + "/v3";
			// Page 1 at once, page 2 never in time: the import is caught in the middle.
			kolada.stubFor(get(urlPathEqualTo(DATA)).withQueryParam("page", equalTo("2"))
				.willReturn(json(fixture("data-page2.json", base)).withFixedDelay(120_000)));
			kolada.stubFor(get(urlPathEqualTo(DATA)).atPriority(10).willReturn(json(fixture("data-page1.json", base))));
			kolada.stubFor(get(urlPathEqualTo("/v3/kpi/N00914")).willReturn(json(fixture("kpi.json", base))));

			int port = freePort();
			Process app = child(database, port, base);
			long runId;
			long indicatorId;
			try {
				HttpClient http = HttpClient.newHttpClient();
				awaitHealthy(http, port, app);
				String auth = "Basic "
						+ Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
				HttpResponse<String> defined = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/indicators"))
						.header("Authorization", auth)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("""
								{"code": "N00914", "nameSv": "Förvärvsarbetande 20–64 år", "unit": "%", "decimals": 1,
								 "polarity": "HIGHER_IS_BETTER", "kind": "RESULTAT", "source": "KOLADA",
								 "sourceRef": "N00914", "bySex": true}"""))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
				indicatorId = single(database, "select id from indicators_definition where code = 'N00914'");
				http.sendAsync(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/indicators/" + indicatorId + "/kolada"))
					.header("Authorization", auth)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"areas\": [\"2480\", \"0024\", \"0000\"], \"years\": [2023, 2024]}"))
					.build(), HttpResponse.BodyHandlers.discarding());
				// Wait until the first page is read and streamed into the value table.
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (single(database,
						"select count(*) from indicators_import_run where status = 'RUNNING' and values_read > 0") == 0) {
					assertThat(System.nanoTime()).as("the import reaches its second page").isLessThan(deadline);
					Thread.sleep(100);
				}
				runId = single(database, "select id from indicators_import_run where status = 'RUNNING'");
			}
			finally {
				// kill -9
				app.destroyForcibly();
				app.waitFor(30, TimeUnit.SECONDS);
			}

			assertThat(single(database, "select count(*) from indicators_value where indicator_id = " + indicatorId))
				.as("nothing of the killed import is visible")
				.isZero();

			// Restart: the interrupted run is marked as such, and the import runs again.
			kolada.resetAll();
			kolada.stubFor(get(urlPathEqualTo(DATA)).withQueryParam("page", equalTo("2"))
				.willReturn(json(fixture("data-page2.json", base))));
			kolada.stubFor(get(urlPathEqualTo(DATA)).atPriority(10).willReturn(json(fixture("data-page1.json", base))));
			kolada.stubFor(get(urlPathEqualTo("/v3/kpi/N00914")).willReturn(json(fixture("kpi.json", base))));
			try (ConfigurableApplicationContext restarted = new SpringApplication(StratlasApplication.class)
				.run(arguments(database, 0, base).toArray(String[]::new))) {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (single(database,
						"select count(*) from indicators_import_run where status = 'FAILED' and id = " + runId) == 0) {
					assertThat(System.nanoTime()).as("the killed run is marked as interrupted").isLessThan(deadline);
					Thread.sleep(200);
				}
				assertThat(text(database, "select error from indicators_import_run where id = " + runId))
					.startsWith("Avbruten");
				long organisation = single(database,
						"select organisation_id from indicators_definition where id = " + indicatorId);
				KoladaImport.Result again = restarted.getBean(KoladaImport.class)
					.importKpi(organisation, "N00914", List.of("2480", "0024", "0000"), List.of(2023, 2024), "admin");
				assertThat(again.read()).isGreaterThan(0);
				assertThat(
						single(database, "select count(*) from indicators_value where indicator_id = " + indicatorId))
					.isEqualTo(again.read());
			}
		}
		finally {
			kolada.stop();
		}
	}

	@Test
	void aReportGenerationKilledMidwayLeavesNoEditionContentAndCanBeRunAgain() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true)) {
			int port = freePort();
			String base = "http://127.0.0.1:" + port;
			String[] demo = { "--stratlas.demo.enabled=true", "--server.servlet.session.cookie.secure=false" };
			Process app = child(database, port, "http://127.0.0.1:9/v3", demo);
			long editionId;
			long cycleId;
			long productId;
			try {
				HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
				awaitHealthy(http, port, app);
				cycleId = single(database, "select id from followup_cycle where name = 'Resultat Västerbotten 2023'");
				productId = single(database, "select id from followup_product where cycle_id = " + cycleId
						+ " and name = 'Resultat Västerbotten 2023'");
				String login = http
					.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=sara.strateg&password=stratlas-demo&_csrf="
							+ java.net.URLEncoder.encode(csrf(login), StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
				String page = http
					.send(HttpRequest.newBuilder(URI.create(base + "/followup")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				HttpResponse<String> frozen = http.send(HttpRequest
					.newBuilder(URI.create(base + "/followup/" + cycleId + "/products/" + productId + "/editions"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(
							"confirmGaps=true&_csrf=" + java.net.URLEncoder.encode(csrf(page), StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(302);
				editionId = Long.parseLong(frozen.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
				assertThat(text(database, "select status from reports_edition where id = " + editionId))
					.as("the edition is still being made (PDF, Word and Excel of the whole annual report)")
					.isEqualTo("RUNNING");
			}
			finally {
				// kill -9 while the edition is being made
				app.destroyForcibly();
				app.waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(text(database,
					"select status || ' ' || (html is null and pdf is null and docx is null"
							+ " and xlsx is null) from reports_edition where id = " + editionId))
				.as("nothing of the killed edition is there to read or download")
				.isEqualTo("RUNNING true");

			try (ConfigurableApplicationContext restarted = new SpringApplication(StratlasApplication.class)
				.run(arguments(database, 0, "http://127.0.0.1:9/v3", demo).toArray(String[]::new))) {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (!text(database, "select status from reports_edition where id = " + editionId).equals("FAILED")) {
					assertThat(System.nanoTime()).as("the killed edition is marked as interrupted")
						.isLessThan(deadline);
					Thread.sleep(200);
				}
				assertThat(text(database, "select error from reports_edition where id = " + editionId))
					.startsWith("Avbruten");
				se.stratlas.accounts.StratlasPrincipal strategist = (se.stratlas.accounts.StratlasPrincipal) restarted
					.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
					.loadUserByUsername("sara.strateg");
				se.stratlas.reports.Editions editions = restarted.getBean(se.stratlas.reports.Editions.class);
				long again = editions.start(strategist, cycleId, productId, true).id();
				deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
				while (!editions.get(strategist.organisationId(), again).ready()) {
					assertThat(System.nanoTime()).as("the edition is made again").isLessThan(deadline);
					Thread.sleep(300);
				}
				assertThat(single(database, "select count(*) from reports_edition where id = " + again
						+ " and status = 'READY' and pdf is not null and docx is not null and html is not null"))
					.isEqualTo(1);
			}
		}
	}

	private Process child(EmbeddedDatabase database, int port, String koladaBase, String... extra) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path") + File.pathSeparator + "target/classes");
		command.add(StratlasApplication.class.getName());
		command.addAll(arguments(database, port, koladaBase, extra));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("child.log").toFile())
			.start();
	}

	private static List<String> arguments(EmbeddedDatabase database, int port, String koladaBase, String... extra) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
				"--stratlas.bootstrap.admin-password=" + PASSWORD, "--stratlas.kolada.base-url=" + koladaBase,
				"--logging.level.root=WARN", "--stratlas.indicators.refresh-cron=-",
				"--stratlas.followup.reminder-cron=-", "--stratlas.jobs.heartbeat=1s", "--stratlas.jobs.stale-after=3s",
				"--stratlas.jobs.reap-every=1s", "--stratlas.jobs.reap-first=1s"));
		arguments.addAll(List.of(extra));
		return arguments;
	}

	private void awaitHealthy(HttpClient http, int port, Process app) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (true) {
			assertThat(app.isAlive()).as("the child app runs (see child.log)").isTrue();
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				assertThat(System.nanoTime()).as("the child app starts").isLessThan(deadline);
			}
			Thread.sleep(300);
		}
	}

	private static long single(EmbeddedDatabase database, String sql) throws Exception {
		return Long.parseLong(text(database, sql));
	}

	private static String text(EmbeddedDatabase database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getString(1);
		}
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String fixture(String name, String base) throws IOException {
		return new ClassPathResource("fixtures/kolada/" + name).getContentAsString(StandardCharsets.UTF_8)
			.replace("{{BASE}}", base);
	}

}
