package se.stratlas.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebFlowIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	se.stratlas.strategy.StrategyManagement management;

	DemoIds ids;

	long scratchVersion;

	@BeforeEach
	void ids() {
		this.ids = DemoIds.of(this.jdbc);
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		if (this.jdbc.sql("select count(*) from strategy_strategy where code = 'WEBFLOW'")
			.query(Integer.class)
			.single() == 0) {
			this.management.createStrategy(organisation, new se.stratlas.strategy.StrategyDraft("WEBFLOW", "Webbtester",
					null, null, null, null, null, null, false), null, null, "tester");
		}
		this.scratchVersion = this.jdbc.sql(
				"select v.id from strategy_version v join strategy_strategy s on s.id = v.strategy_id where s.code = 'WEBFLOW'")
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long newElement(String code) throws Exception {
		MvcResult created = this.mvc
			.perform(post("/strategies/versions/{v}/elements", this.scratchVersion).param("type", "DIRECTION")
				.param("code", code)
				.param("nameSv", "Testinriktning " + code)
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private int versionOf(long element) {
		return this.jdbc.sql("select version from strategy_element where id = :id")
			.param("id", element)
			.query(Integer.class)
			.single();
	}

	@Test
	void demoUserSignsInWithTheFormAndLandsOnTheHomePage() throws Exception {
		this.mvc
			.perform(post("/login").param("username", "sara.strateg").param("password", "stratlas-demo").with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(post("/login").param("username", "sara.strateg").param("password", "fel").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theFirstAdministratorMustChooseANewPasswordFirst() throws Exception {
		// Sessions live in PostgreSQL (Spring Session): the session is the cookie.
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(post("/login").param("username", "admin").param("password", "first-admin-password").with(csrf()))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn()
			.getResponse()
			.getCookie("STRATLAS_SESSION");
		this.mvc.perform(get("/strategies").cookie(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc
			.perform(post("/account/password").cookie(session)
				.param("currentPassword", "first-admin-password")
				.param("newPassword", "kort")
				.param("confirmation", "kort")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("minst 12 tecken")));
	}

	@Test
	void aStrategistEditsAnElementAndSeesTheChangeInItsHistory() throws Exception {
		long element = newElement("T1");
		this.mvc
			.perform(post("/strategies/elements/{id}", element).param("version", String.valueOf(versionOf(element)))
				.param("type", "DIRECTION")
				.param("code", "T1")
				.param("nameSv", "Nytt namn på inriktningen")
				.param("aliases", "Gammalt namn; T:1")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(redirectedUrl("/strategies/elements/" + element));
		this.mvc.perform(get("/strategies/elements/{id}", element).with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nytt namn på inriktningen")))
			.andExpect(content().string(containsString("<del>Testinriktning T1</del>")))
			.andExpect(content().string(containsString("<ins>Nytt namn på inriktningen</ins>")))
			.andExpect(content().string(containsString("sara.strateg")));
	}

	@Test
	void theLaterOfTwoSavesSeesBothVersionsAndLosesNothing() throws Exception {
		long element = newElement("T2");
		String version = String.valueOf(versionOf(element));
		this.mvc.perform(post("/strategies/elements/{id}", element).param("version", version)
			.param("type", "DIRECTION")
			.param("code", "T2")
			.param("nameSv", "Annas version")
			.with(csrf())
			.with(as("anna.admin")));
		this.mvc
			.perform(post("/strategies/elements/{id}", element).param("version", version)
				.param("type", "DIRECTION")
				.param("code", "T2")
				.param("nameSv", "Saras version")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Annas version")))
			.andExpect(content().string(containsString("Saras version")))
			.andExpect(content().string(containsString("Någon annan har sparat")));
		assertThat(this.jdbc.sql("select name_sv from strategy_element where id = :id")
			.param("id", element)
			.query(String.class)
			.single()).isEqualTo("Annas version");
	}

	@Test
	void aMissingNameIsShownAtTheField() throws Exception {
		this.mvc
			.perform(post("/strategies/versions/{v}/elements", this.scratchVersion).param("type", "DIRECTION")
				.param("nameSv", " ")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nameSv-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	@Test
	void userTextIsEscapedWhereverItIsShown() throws Exception {
		long element = newElement("XSS");
		this.mvc.perform(post("/strategies/elements/{id}", element).param("version", String.valueOf(versionOf(element)))
			.param("type", "DIRECTION")
			.param("code", "XSS")
			.param("nameSv", "<script>alert('x')</script>")
			.with(csrf())
			.with(as("sara.strateg")));
		this.mvc.perform(get("/strategies/elements/{id}", element).with(as("sara.strateg")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert")));
		this.mvc.perform(get("/strategies/{id}", this.ids.rus()).with(as("sara.strateg")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/strategies").param("code", "X").with(as("sara.strateg")))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryTheSecurityHeadersAndNoInlineScript() throws Exception {
		this.mvc.perform(get("/strategies/{id}", this.ids.rus()).with(as("lars.lasare")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString(" style="))));
	}

	@Test
	void theTreeSearchFindsCodesWrittenWithAColonAndHtmxGetsOnlyTheTree() throws Exception {
		this.mvc.perform(get("/strategies/{id}", this.ids.rus()).param("q", "1:1").with(as("lars.lasare")))
			.andExpect(content().string(containsString("<mark>")))
			.andExpect(content().string(containsString("1 träff")));
		this.mvc
			.perform(get("/strategies/{id}", this.ids.rus()).param("q", "1:1")
				.header("HX-Request", "true")
				.with(as("lars.lasare")))
			.andExpect(content().string(containsString("id=\"tree-region\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void englishIsOneClickAway() throws Exception {
		this.mvc.perform(get("/strategies").param("lang", "en").with(as("lars.lasare")))
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString("Strategies")));
		this.mvc.perform(get("/strategies").with(as("lars.lasare")))
			.andExpect(content().string(containsString("<html lang=\"sv\"")));
	}

	@Test
	void theApiAnswersConflictsAndBadInputWithProblemDetails() throws Exception {
		// The adopted RUS is locked: a change goes into a new version.
		this.mvc
			.perform(put("/api/elements/{id}", this.ids.priority1()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 0, \"element\": {\"type\": \"PRIORITY\", \"code\": \"1\", \"nameSv\": \"x\"}}")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("version.adopted"));
		long element = newElement("KONFLIKT");
		this.mvc.perform(put("/api/elements/{id}", element).contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"version\": -1, \"element\": {\"type\": \"DIRECTION\", \"code\": \"KONFLIKT\", \"nameSv\": \"x\"}}")
			.with(csrf())
			.with(as("sara.strateg")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.current.nameSv").value("Testinriktning KONFLIKT"));
		this.mvc.perform(put("/api/elements/{id}", element).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"element\": {\"type\": \"SUB_PRIORITY\", \"code\": \"1\", \"nameSv\": \"\"}}")
			.with(csrf())
			.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("type", "nameSv")));
		this.mvc.perform(get("/api/elements/{id}", 987654321).with(as("sara.strateg")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void anIndicatorChartDownloadsAsSvgAndPng() throws Exception {
		long indicator = this.jdbc.sql("select id from indicators_definition where code = 'DEMO_GHG'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/indicators/{id}/chart.svg", indicator).with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title id=\"chart-title\">")));
		byte[] png = this.mvc.perform(get("/indicators/{id}/chart.png", indicator).with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth())
			.isEqualTo(se.stratlas.indicators.PngCharts.WIDTH * se.stratlas.indicators.PngCharts.SCALE);
	}

	@Test
	void theAreaSelectsShowWhatWasChosen() throws Exception {
		long indicator = this.jdbc.sql("select id from indicators_definition where code = 'DEMO_GHG'")
			.query(Long.class)
			.single();
		String page = this.mvc
			.perform(get("/indicators/{id}", indicator).param("area", "2480")
				.param("compare", "2482", "0000")
				.with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<option value=\"2480\" selected>Umeå</option>")
			.containsPattern("name=\"compare\" value=\"2482\" checked><label for=\"[^\"]+\">Skellefteå</label>")
			.containsPattern("name=\"compare\" value=\"0000\" checked><label for=\"[^\"]+\">Sverige</label>")
			.containsPattern("name=\"compare\" value=\"24\"><label for=\"[^\"]+\">Västerbottens län</label>");
		java.util.UUID element = this.jdbc.sql("select element_key from strategy_element limit 1")
			.query(java.util.UUID.class)
			.single();
		this.mvc
			.perform(get("/indicators/dashboard").param("element", element.toString())
				.param("area", "2482")
				.with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"2482\" selected>Skellefteå</option>")));
	}

	@Test
	void theApiIsDocumentedWithOpenApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/strategies']").exists())
			.andExpect(jsonPath("$.paths['/api/elements/{id}']").exists())
			.andExpect(jsonPath("$.info.title").value("Stratlas API"))
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.securitySchemes.session.in").value("cookie"))
			// Refusals are documented as problem details on every operation.
			.andExpect(
					jsonPath("$.paths['/api/elements/{id}'].get.responses['404'].content['application/problem+json']")
						.exists())
			.andExpect(jsonPath("$.paths['/api/strategies'].post.responses['422']").exists())
			.andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
	}

}
