package se.stratlas.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real (embedded) OIDC provider, with claims mapped to role and
 * organisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginIT {

	static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

	static {
		PROVIDER.start();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		String prefix = "spring.security.oauth2.client.";
		registry.add(prefix + "registration.oidc.client-id", () -> "stratlas");
		registry.add(prefix + "registration.oidc.client-secret", () -> "secret");
		registry.add(prefix + "registration.oidc.scope", () -> "openid,profile,email");
		registry.add(prefix + "provider.oidc.issuer-uri", () -> PROVIDER.issuerUrl("region").toString());
		registry.add("stratlas.oidc.role-mapping.rus-strateger", () -> "STRATEGIST");
		registry.add("server.servlet.session.cookie.secure", () -> "false");
	}

	@AfterAll
	static void stop() {
		PROVIDER.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void signIn(HttpClient client, Map<String, Object> claims, String subject) throws Exception {
		PROVIDER.enqueueCallback(
				new DefaultOAuth2TokenCallback("region", subject, "JWT", List.of("stratlas"), claims, 3600));
		get(client, "/oauth2/authorization/oidc");
	}

	@Test
	void aUserSignsInThroughTheProviderWithMappedRoleAndOrganisation() throws Exception {
		HttpClient client = browser();
		signIn(client, Map.of("roles", List.of("rus-strateger"), "organisation", "norrbotten", "preferred_username",
				"olle.oidc", "name", "Olle Oidc"), "olle-subject");

		HttpResponse<String> me = get(client, "/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"organisationCode\":\"norrbotten\"")
			.contains("\"roles\":[\"STRATEGIST\"]")
			.contains("olle.oidc");
		assertThat(this.jdbc.sql("select count(*) from accounts_user where external_subject like '%|olle-subject'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(get(client, "/strategies/new").statusCode()).isEqualTo(200);
	}

	@Test
	void aUserWithoutAnyStratlasRoleIsNotLetIn() throws Exception {
		HttpClient client = browser();
		signIn(client, Map.of("roles", List.of("something-else"), "organisation", "norrbotten"), "nobody");
		HttpResponse<String> me = get(client, "/api/me");
		assertThat(me.statusCode()).isEqualTo(401);
	}

	@Test
	void theLoginPageOffersSingleSignOn() throws Exception {
		assertThat(get(browser(), "/login").body()).contains("/oauth2/authorization/oidc");
	}

}
