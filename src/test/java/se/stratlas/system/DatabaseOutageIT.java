package se.stratlas.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import se.stratlas.StratlasApplication;
import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.system.internal.EmbeddedDatabase;

import static se.stratlas.testing.LiveHttp.sessionCookie;
import static se.stratlas.testing.LiveHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops while users work: they get a clear 503 (page and problem detail) at
 * once, service resumes by itself within 10 s of the database being back, and nothing
 * committed before the outage is lost, sessions included.
 */
class DatabaseOutageIT {

	@TempDir
	Path directory;

	@Test
	void aStoppedDatabaseGivesA503AndServiceResumesWhenItIsBack() throws Exception {
		Path data = this.directory.resolve("pg");
		int port = freePort();
		EmbeddedDatabase database = EmbeddedDatabase.start(data, port, false);
		try (ConfigurableApplicationContext app = new SpringApplication(StratlasApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=postgres", "--stratlas.bootstrap.admin-password=",
				"--logging.level.root=WARN", "--stratlas.indicators.refresh-cron=-",
				"--stratlas.followup.reminder-cron=-")) {
			Organisation organisation = app.getBean(Organisations.class).ensure("avbrott", "Region Avbrott");
			app.getBean(UserAccounts.class)
				.create(organisation.id(), new UserAccounts.NewUser("sven.strateg", "Sven Strateg", null,
						EnumSet.of(Role.STRATEGIST), "ett-langt-losenord-2026"), "test");
			app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("update accounts_user set must_change_password = false where username = 'sven.strateg'")
				.update();
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString("sven.strateg:ett-langt-losenord-2026".getBytes(StandardCharsets.UTF_8));

			// Work committed before the outage, through the API.
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/strategies"))
				.header("Authorization", basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"strategy\": {\"code\": \"FORE\", \"nameSv\": \"Sparad före avbrottet\", \"published\": false}, "
								+ "\"versionLabel\": \"Utkast\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

			// And a signed-in browser session (kept in PostgreSQL).
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
			HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Cookie", sessionCookie(login))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=sven.strateg&password=ett-langt-losenord-2026&_csrf="
							+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			String session = sessionCookie(signedIn);
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(base + "/account")).header("Cookie", session).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);

			database.close();

			HttpResponse<String> withSession = http.send(HttpRequest.newBuilder(URI.create(base + "/account"))
				.header("Cookie", session)
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(withSession.statusCode()).isEqualTo(503);
			assertThat(withSession.body()).contains("tillfälligt otillgänglig");

			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/strategies"))
				.header("Authorization", basic)
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(page.headers().map() + page.body()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("tillfälligt otillgänglig").contains("Inget av det du har sparat");
			HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/strategies"))
				.header("Authorization", basic)
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
			assertThat(api.body()).contains("\"status\":503");

			database = EmbeddedDatabase.start(data, port, false);
			long back = System.nanoTime();
			int status = 0;
			while (System.nanoTime() - back < Duration.ofSeconds(10).toNanos()) {
				try {
					status = http
						.send(HttpRequest.newBuilder(URI.create(base + "/api/strategies"))
							.header("Authorization", basic)
							.timeout(Duration.ofSeconds(10))
							.build(), HttpResponse.BodyHandlers.ofString())
						.statusCode();
				}
				catch (IOException ex) {
					status = -1;
				}
				if (status == 200) {
					break;
				}
				Thread.sleep(250);
			}
			long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
			System.out.println("DatabaseOutageIT: service back " + recoveredMillis + " ms after PostgreSQL");
			assertThat(status).as("answering again within 10 s of the database").isEqualTo(200);
			String list = http.send(
					HttpRequest.newBuilder(URI.create(base + "/api/strategies")).header("Authorization", basic).build(),
					HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(list).contains("Sparad före avbrottet");
			HttpResponse<String> again = http.send(
					HttpRequest.newBuilder(URI.create(base + "/account")).header("Cookie", session).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).as("the session outlived the outage").isEqualTo(200);
			assertThat(again.body()).contains("Sven Strateg");
		}
		finally {
			database.close();
		}
	}

}
