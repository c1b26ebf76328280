package se.stratlas.initiatives;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.web.ApiCalls;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An initiative's parts through the API: each write answers with the initiative as it is
 * now; another organisation's strateg gets 404; the portfolio is read for the region's
 * own strategy and is 404 for a strategy that does not exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InitiativePartsApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	InitiativeCatalog catalog;

	@Autowired
	ActorRegistry actors;

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username, String json) {
		return ApiCalls.json(request, this.users.loadUserByUsername(username), json);
	}

	@Test
	void eachWriteAnswersWithTheInitiativeAsItIsNow() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		long org = strategist.organisationId();
		Initiative initiative = this.catalog.find(org, InitiativeFilter.none()).getFirst();
		long actor = this.actors.actors(org).getFirst().id();
		String path = "/api/initiatives/" + initiative.id();

		this.mvc
			.perform(as(post(path + "/funding"), "sara.strateg",
					"{\"source\": \"KOMMUNER\", \"year\": 2026, \"amountSek\": 123457, \"note\": \"API-prov\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.funding[?(@.note == 'API-prov')]").isNotEmpty());
		this.mvc
			.perform(as(post(path + "/participants"), "sara.strateg",
					"{\"actorId\": " + actor + ", \"role\": \"MEDLEM\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.participants[?(@.actorId == " + actor + ")]").isNotEmpty());
		this.mvc
			.perform(as(post(path + "/sdg-effects"), "sara.strateg",
					"{\"sdgCode\": \"8.5\", \"direct\": true, \"positive\": true, \"note\": \"Fler i arbete\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(as(post(path + "/funding"), "nils.strateg",
					"{\"source\": \"KOMMUNER\", \"year\": 2026, \"amountSek\": 1}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(post(path + "/assessments"), "sara.strateg", "{\"strategyId\": 1}"))
			.andExpect(status().isUnprocessableContent());

		this.mvc.perform(as(get("/api/portfolio"), "lars.lasare", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy").exists());
		this.mvc.perform(as(get("/api/portfolio?strategy=999999"), "lars.lasare", "")).andExpect(status().isNotFound());
	}

}
