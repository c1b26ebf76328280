package se.stratlas.reports;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Products;
import se.stratlas.testing.DemoReports;
import se.stratlas.testing.LiveHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frozen report's page over real HTTP (Tomcat): a client that takes gzip gets the page
 * gzipped with the report compressed once and spliced in (not compressed twice); the page
 * decodes to the same HTML a client without gzip gets, for an edition and for the
 * published page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrozenReportPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Editions editions;

	@Autowired
	PublishedEditions publishedEditions;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	UserDetailsService users;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aFrozenReportIsSplicedIntoTheGzippedPageAndReadsTheSameAsWithoutGzip() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Edition edition = DemoReports.frozen(this.editions, strategist,
				DemoReports.product(this.cycles, this.products, strategist.organisationId(),
						"Resultat Västerbotten 2023", "Regionala utvecklingsnämndens årsredovisning 2023"));
		String report = this.editions.html(strategist.organisationId(), edition.id());
		assertThat(report).contains("<h2");

		String base = "http://127.0.0.1:" + this.port;
		String reader = LiveHttp.signIn(this.http, base, "lars.lasare");
		String path = "/reports/editions/" + edition.id();
		HttpResponse<byte[]> gzipped = get(base + path, reader, "gzip, deflate, br");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
		String unzipped = gunzip(gzipped.body());
		assertThat(unzipped).contains(report).contains("Lars");
		assertThat(unzipped.strip()).startsWith("<!DOCTYPE html>").endsWith("</html>");
		assertThat(gzipped.body().length).isLessThan(unzipped.getBytes(StandardCharsets.UTF_8).length / 3);

		HttpResponse<byte[]> plain = get(base + path, reader, null);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(withoutTokens(new String(plain.body(), StandardCharsets.UTF_8))).isEqualTo(withoutTokens(unzipped));

		// A client that refuses gzip is not sent it.
		assertThat(get(base + path, reader, "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();

		Edition published = this.publishedEditions.publish(strategist, edition.id(), true);
		HttpResponse<byte[]> publicPage = get(base + "/public/reports/" + published.slug(), null, "gzip");
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(publicPage.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(publicPage.body())).contains(report);
	}

	/** The page without its per-request CSRF tokens. */
	private static String withoutTokens(String html) {
		return html.replaceAll("(name=\"_csrf\" (?:value|content)=\")[^\"]+\"", "$1\"");
	}

	private HttpResponse<byte[]> get(String url, String session, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (session != null) {
			request.header("Cookie", session);
		}
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws Exception {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
