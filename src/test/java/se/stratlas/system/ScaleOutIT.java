package se.stratlas.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
import static se.stratlas.testing.LiveHttp.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Stratlas instances on loopback behind nginx (Debian's package), sharing one
 * PostgreSQL: a user signs in through the balancer, is served by both instances in turn
 * with the same session, and keeps the session (and its CSRF token) when one instance
 * stops.
 */
class ScaleOutIT {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	@TempDir
	Path directory;

	@Test
	void aSessionSurvivesASwitchOfInstanceBehindNginx() throws Exception {
		assumeTrue(Files.isExecutable(NGINX), "nginx is installed by .ci/run (apt-get install nginx)");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true)) {
			ConfigurableApplicationContext first = instance(database);
			ConfigurableApplicationContext second = instance(database);
			Organisation organisation = first.getBean(Organisations.class).ensure("skala", "Region Skala");
			first.getBean(UserAccounts.class)
				.create(organisation.id(), new UserAccounts.NewUser("lena.lasare", "Lena Läsare", null,
						EnumSet.of(Role.READER), "ett-langt-losenord-2026"), "test");
			// An account an administrator created asks for a new password first; Lena has
			// chosen hers.
			first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("update accounts_user set must_change_password = false where username = 'lena.lasare'")
				.update();
			int balancer = freePort();
			Process nginx = nginx(balancer, port(first), port(second));
			try {
				String base = "http://127.0.0.1:" + balancer;
				HttpClient http = HttpClient.newBuilder()
					.followRedirects(HttpClient.Redirect.NEVER)
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				awaitUp(http, base);

				HttpResponse<String> loginPage = http.send(get(base + "/login", null),
						HttpResponse.BodyHandlers.ofString());
				String anonymous = sessionCookie(loginPage);
				String csrf = csrf(loginPage.body());
				HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Cookie", anonymous)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("username=lena.lasare&password=ett-langt-losenord-2026&_csrf="
								+ URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(signedIn.statusCode()).isEqualTo(302);
				assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
				String session = sessionCookie(signedIn);

				// Round robin: every request lands on the other instance, and each knows
				// the user.
				for (int i = 0; i < 6; i++) {
					HttpResponse<String> account = http.send(get(base + "/account", session),
							HttpResponse.BodyHandlers.ofString());
					assertThat(account.statusCode()).as(account.headers().map() + " after " + signedIn.headers().map())
						.isEqualTo(200);
					assertThat(account.body()).contains("Lena Läsare");
				}
				Set<String> upstreams = new HashSet<>(Files.readAllLines(this.directory.resolve("nginx/upstream.log"))
					.stream()
					.filter(line -> line.contains("/account"))
					.map(line -> line.split(" ")[0])
					.toList());
				assertThat(upstreams).containsExactlyInAnyOrder("127.0.0.1:" + port(first),
						"127.0.0.1:" + port(second));

				// One instance goes away: the other serves the same session and accepts
				// a form posted with the CSRF token of the session.
				String form = http.send(get(base + "/account/password", session), HttpResponse.BodyHandlers.ofString())
					.body();
				String token = csrf(form);
				first.close();
				for (int i = 0; i < 4; i++) {
					HttpResponse<String> account = http.send(get(base + "/account", session),
							HttpResponse.BodyHandlers.ofString());
					assertThat(account.statusCode()).isEqualTo(200);
					assertThat(account.body()).contains("Lena Läsare");
				}
				HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/account/password"))
					.header("Cookie", session)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("currentPassword=fel&newPassword=x&confirmation=y&_csrf="
							+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(posted.statusCode()).as("the form is checked, not refused as forged").isEqualTo(200);
			}
			finally {
				nginx.destroy();
				nginx.waitFor(10, TimeUnit.SECONDS);
				first.close();
				second.close();
			}
		}
	}

	private static ConfigurableApplicationContext instance(EmbeddedDatabase database) {
		return new SpringApplication(StratlasApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
				"--stratlas.bootstrap.admin-password=", "--logging.level.root=WARN",
				"--stratlas.indicators.refresh-cron=-", "--stratlas.followup.reminder-cron=-");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private Process nginx(int listen, int first, int second) throws IOException {
		Path home = this.directory.resolve("nginx");
		Files.createDirectories(home.resolve("temp"));
		home.toFile().setWritable(true, false);
		home.resolve("temp").toFile().setWritable(true, false);
		String config = """
				worker_processes 1;
				error_log %1$s/error.log warn;
				pid %1$s/nginx.pid;
				events { worker_connections 256; }
				http {
				  client_body_temp_path %1$s/temp/body;
				  proxy_temp_path %1$s/temp/proxy;
				  fastcgi_temp_path %1$s/temp/fastcgi;
				  uwsgi_temp_path %1$s/temp/uwsgi;
				  scgi_temp_path %1$s/temp/scgi;
				  log_format upstream '$upstream_addr $request_uri $status';
				  access_log %1$s/upstream.log upstream;
				  upstream stratlas {
				    server 127.0.0.1:%2$d max_fails=1 fail_timeout=30s;
				    server 127.0.0.1:%3$d max_fails=1 fail_timeout=30s;
				  }
				  server {
				    listen 127.0.0.1:%4$d;
				    location / {
				      proxy_pass http://stratlas;
				      proxy_set_header Host $host:$server_port;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_set_header X-Forwarded-Host $host;
				      proxy_set_header X-Forwarded-Port $server_port;
				      proxy_next_upstream error timeout http_502 http_503;
				    }
				  }
				}
				""".formatted(home, first, second, listen);
		Path file = home.resolve("nginx.conf");
		Files.writeString(file, config);
		return new ProcessBuilder(NGINX.toString(), "-p", home.toString(), "-c", file.toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("stdout.log").toFile())
			.start();
	}

	private static void awaitUp(HttpClient http, String base) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			try {
				if (http.send(get(base + "/login", null), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			Thread.sleep(200);
		}
	}

	private static HttpRequest get(String url, String cookie) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		return builder.build();
	}

}
