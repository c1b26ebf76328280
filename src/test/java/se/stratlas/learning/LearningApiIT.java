package se.stratlas.learning;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycles;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.web.ApiCalls;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning API as an integration uses it: an element named by its id gets an
 * assessment (409 on a stale version), a lesson and a proposal that is always about the
 * element in the path; a reader reads but does not write; a strategy that does not exist
 * has no comparison and no scale.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearningApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	StrategyCatalog strategies;

	@Autowired
	Cycles cycles;

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username, String json) {
		return ApiCalls.json(request, this.users.loadUserByUsername(username), json);
	}

	@Test
	void anElementIsAssessedTaughtAndProposedForThroughTheApi() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		long org = strategist.organisationId();
		Strategy rus = this.strategies.strategies(org)
			.stream()
			.filter(s -> "RUS".equals(s.code()))
			.findFirst()
			.orElseThrow();
		StrategyElement priority = this.strategies.elements(org, this.strategies.latestVersion(org, rus.id()).id())
			.stream()
			.filter(e -> e.type() == ElementType.PRIORITY && "4".equals(e.code()))
			.findFirst()
			.orElseThrow();
		long cycle = this.cycles.list(org).getFirst().id();
		String path = "/api/learning/elements/" + priority.id();

		this.mvc
			.perform(as(put(path + "/assessment"), "sara.strateg",
					"{\"cycleId\": " + cycle
							+ ", \"judgement\": \"PARTLY\", \"motivation\": \"Hälften av målen nås.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.judgement").value("PARTLY"))
			.andExpect(jsonPath("$.version").value(0));
		this.mvc
			.perform(as(put(path + "/assessment"), "sara.strateg",
					"{\"cycleId\": " + cycle
							+ ", \"judgement\": \"ON_TRACK\", \"motivation\": \"Allt går bra.\", \"version\": 7}"))
			.andExpect(status().isConflict());
		this.mvc.perform(as(post(path + "/lessons"), "lars.lasare", "{\"body\": \"En läsares lärdom.\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(as(post(path + "/lessons"), "sara.strateg",
					"{\"cycleId\": " + cycle + ", \"body\": \"Samverkan med kommunerna bär.\"}"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.body").value("Samverkan med kommunerna bär."));
		this.mvc
			.perform(as(post(path + "/proposals"), "sara.strateg",
					"{\"elementKey\": \"00000000-0000-0000-0000-000000000000\", \"cycleId\": " + cycle
							+ ", \"kind\": \"WORDING\", \"title\": \"Skärp lydelsen\", \"nameSv\": \"Ny lydelse\","
							+ " \"motivation\": \"Lärdomen ovan.\"}"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.elementKey").value(priority.key().toString()));
		this.mvc.perform(as(get(path), "lars.lasare", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.elementKey").value(priority.key().toString()))
			.andExpect(jsonPath("$.assessments[0].judgement").value("PARTLY"))
			.andExpect(jsonPath("$.lessons[0].body").value("Samverkan med kommunerna bär."))
			.andExpect(jsonPath("$.proposals[0].title").value("Skärp lydelsen"));

		long version = this.strategies.latestVersion(org, rus.id()).id();
		this.mvc
			.perform(as(get("/api/strategies/" + rus.id() + "/compare?from=" + version + "&to=" + version),
					"lars.lasare", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray());
		this.mvc
			.perform(as(get("/api/strategies/999999/compare?from=" + version + "&to=" + version), "lars.lasare", ""))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(get("/api/strategies/999999/assessment-scale"), "lars.lasare", ""))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(get("/api/strategies/" + rus.id() + "/assessment-scale"), "lars.lasare", ""))
			.andExpect(status().isOk());
		this.mvc.perform(as(get("/api/strategies/" + rus.id()), "lars.lasare", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy.code").value("RUS"))
			.andExpect(jsonPath("$.versions").isArray());
	}

}
