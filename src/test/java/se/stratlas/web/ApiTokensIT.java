package se.stratlas.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens from outside: an integration with a token reads and writes the JSON
 * API without a session or a CSRF token, only within the token's scopes and the user's
 * roles; an unknown, revoked or expired token is refused; a token never opens the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTokensIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	StratlasPrincipal reporter;

	StratlasPrincipal reader;

	long contribution;

	@BeforeEach
	void setUp() {
		this.reporter = (StratlasPrincipal) this.users.loadUserByUsername("rasmus.rapportor");
		this.reader = (StratlasPrincipal) this.users.loadUserByUsername("lars.lasare");
		this.contribution = DemoIds.of(this.jdbc).contribution();
	}

	private static String bearer(String secret) {
		return "Bearer " + secret;
	}

	@Test
	void aReadTokenReadsItsPartOfTheApiWithoutASessionAndNothingElse() throws Exception {
		String secret = this.tokens.create(this.reporter, "Power BI", List.of("followup:read"), 30).secret();
		MvcResult read = this.mvc.perform(get("/api/followup/tasks").header("Authorization", bearer(secret)))
			.andExpect(status().isOk())
			.andReturn();
		// No session is made for a token: no cookie comes back.
		assertThat(read.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(read.getRequest().getSession(false)).isNull();
		// Another part of the API, a write, and a page are each refused with a reason.
		this.mvc.perform(get("/api/indicators").header("Authorization", bearer(secret)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("indicators:read")));
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution + "/comments")
				.header("Authorization", bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Via API\"}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")));
		this.mvc.perform(get("/followup/tasks").header("Authorization", bearer(secret)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("/api only")));
		// Who the token is: always allowed.
		this.mvc.perform(get("/api/me").header("Authorization", bearer(secret)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("rasmus.rapportor")));
		// The last use is recorded; only a hash of the token is stored.
		assertThat(this.tokens.mine(this.reporter)).anySatisfy(t -> {
			assertThat(t.name()).isEqualTo("Power BI");
			assertThat(t.lastUsedAt()).isNotNull();
			assertThat(secret).startsWith(t.prefix());
		});
		assertThat(this.jdbc.sql("select count(*) from accounts_api_token where token_hash = :s or prefix = :s")
			.param("s", secret)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aWriteTokenWritesWithoutACsrfTokenButNeverMoreThanItsUserMay() throws Exception {
		String secret = this.tokens
			.create(this.reporter, "Kommunens system", List.of("followup:read", "followup:write"), null)
			.secret();
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution + "/comments")
				.header("Authorization", bearer(secret))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Skrivet via API-nyckel\"}"))
			.andExpect(status().isCreated());
		// With a session cookie it is a browser's request: the CSRF token is required.
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution + "/comments")
				.header("Authorization", bearer(secret))
				.cookie(new Cookie("STRATLAS_SESSION", "stolen"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Från en sida\"}"))
			.andExpect(status().isForbidden());
		// A reader's token with the write scope still cannot do what a reader cannot.
		String reader = this.tokens.create(this.reader, "Läsare", List.of("followup:write"), null).secret();
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution + "/comments")
				.header("Authorization", bearer(reader))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Får inte\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownRevokedOrExpiredTokenIsRefusedAndOnlyItsOwnerRevokesIt() throws Exception {
		this.mvc.perform(get("/api/followup/tasks").header("Authorization", bearer("stl_finnsinte")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
		ApiTokens.Created created = this.tokens.create(this.reporter, "Skript", List.of("followup:read"), null);
		assertThatThrownBy(() -> this.tokens.revoke(this.reader, created.token().id()))
			.isInstanceOf(NotFoundException.class);
		this.tokens.revoke(this.reporter, created.token().id());
		this.mvc.perform(get("/api/followup/tasks").header("Authorization", bearer(created.secret())))
			.andExpect(status().isUnauthorized());
		ApiTokens.Created old = this.tokens.create(this.reporter, "Gammal", List.of("followup:read"), 1);
		this.jdbc.sql("update accounts_api_token set expires_at = now() - interval '1 minute' where id = :id")
			.param("id", old.token().id())
			.update();
		this.mvc.perform(get("/api/followup/tasks").header("Authorization", bearer(old.secret())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theTokenPageShowsANewTokenOnceAndNamesWhatIsWrong() throws Exception {
		this.mvc
			.perform(post("/account/tokens")
				.with(user((org.springframework.security.core.userdetails.UserDetails) this.reporter))
				.with(csrf())
				.param("name", "Power BI"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Välj minst en behörighet.")));
		MvcResult created = this.mvc
			.perform(post("/account/tokens")
				.with(user((org.springframework.security.core.userdetails.UserDetails) this.reporter))
				.with(csrf())
				.param("name", "Power BI <test>")
				.param("scopes", "indicators:read"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("Power BI &lt;test&gt;")))
			.andReturn();
		assertThat(created.getResponse().getContentAsString()).containsPattern("value=\"stl_[A-Za-z0-9_-]{43}\"");
		// Listed afterwards by its beginning only.
		String page = this.mvc
			.perform(get("/account/tokens")
				.with(user((org.springframework.security.core.userdetails.UserDetails) this.reporter)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("indicators:read").doesNotContainPattern("value=\"stl_");
	}

	@Test
	void everyPartOfTheApiHasAScope() {
		Set<String> uncovered = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			if (pattern.startsWith("/api/") && !pattern.equals("/api/me")
					&& ApiTokens.Area.of(pattern.replaceAll("\\{[^}]+}", "1")).isEmpty()) {
				uncovered.add(pattern);
			}
		}));
		assertThat(uncovered).isEmpty();
	}

}
