package se.stratlas.strategy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A strategy's levels through the JSON API: named and read back, a type its elements have
 * cannot be left out, a type is named once, and only a strateg of the owning organisation
 * names them (another organisation does not see an unpublished strategy at all).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrategyLevelsApiIT {

	private static final String GOAL_AND_PRIORITY = """
			{"levels": [{"type": "GOAL", "nameSv": "Målområde", "pluralSv": "Målområden", "nameEn": "Goal area"},
			{"type": "PRIORITY", "nameSv": "Prioritering"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private ResultActions putLevels(long id, String body, String username) throws Exception {
		return this.mvc.perform(put("/api/strategies/{id}/levels", id).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(csrf())
			.with(as(username)));
	}

	@Test
	void aStrategistNamesTheLevelsAndALevelWithElementsStays() throws Exception {
		this.mvc
			.perform(post("/strategies").param("code", "LEVAPI")
				.param("nameSv", "Nivåer via API")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from strategy_strategy where code = 'LEVAPI'").query(Long.class).single();
		this.mvc.perform(get("/api/strategies/{id}/levels", id).with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));

		putLevels(id, GOAL_AND_PRIORITY, "lars.lasare").andExpect(status().isForbidden());
		putLevels(id, GOAL_AND_PRIORITY, "nils.strateg").andExpect(status().isNotFound());
		putLevels(id, GOAL_AND_PRIORITY, "sara.strateg").andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)));
		this.mvc.perform(get("/api/strategies/{id}/levels", id).with(as("lars.lasare")))
			.andExpect(jsonPath("$[0].type").value("GOAL"))
			.andExpect(jsonPath("$[0].pluralSv").value("Målområden"))
			.andExpect(jsonPath("$[0].nameEn").value("Goal area"))
			.andExpect(jsonPath("$[1].nameSv").value("Prioritering"));

		this.mvc.perform(put("/api/strategies/{id}/levels", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"levels\": [{\"type\": \"GOAL\", \"nameSv\": \"A\"}, {\"type\": \"GOAL\", \"nameSv\": \"B\"}]}")
			.with(csrf())
			.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("strategy.level.twice"));

		long version = this.jdbc.sql("select max(id) from strategy_version where strategy_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/strategies/versions/{v}/elements", version).param("type", "GOAL")
				.param("code", "1")
				.param("nameSv", "Attraktiva livsmiljöer")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().is3xxRedirection());
		putLevels(id, "{\"levels\": [{\"type\": \"PRIORITY\", \"nameSv\": \"Prioritering\"}]}", "sara.strateg")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("level-GOAL"))
			.andExpect(jsonPath("$.errors[0].code").value("strategy.level.inUse"));
		this.mvc.perform(get("/api/strategies/{id}/levels", id).with(as("lars.lasare")))
			.andExpect(jsonPath("$", hasSize(2)));
	}

}
