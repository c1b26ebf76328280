package se.stratlas.indicators;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.stratlas.accounts.StratlasPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Area groups and SCB subscriptions through the JSON API: a strateg creates a group that
 * readers of the organisation see and no other organisation does; a subscription is
 * listed and ended.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IndicatorSettingsApiIT {

	private static final String GROUP = """
			{"name": "Kustkommuner via API", "areaCodes": ["2480", "2482"]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ScbSubscriptions subscriptions;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	@Test
	void aStrategistCreatesAnAreaGroupThatReadersOfTheOrganisationSee() throws Exception {
		this.mvc
			.perform(post("/api/indicators/area-groups").contentType(MediaType.APPLICATION_JSON)
				.content(GROUP)
				.with(csrf())
				.with(as("lars.lasare")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/indicators/area-groups").contentType(MediaType.APPLICATION_JSON)
				.content(GROUP)
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Kustkommuner via API"))
			.andExpect(jsonPath("$.areaCodes[1]").value("2482"));
		this.mvc.perform(get("/api/indicators/area-groups").with(as("lars.lasare")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("Kustkommuner via API")));
		this.mvc.perform(get("/api/indicators/area-groups").with(as("nils.strateg")))
			.andExpect(jsonPath("$[*].name", not(hasItem("Kustkommuner via API"))));

		this.mvc
			.perform(post("/api/indicators/area-groups").contentType(MediaType.APPLICATION_JSON)
				.content(GROUP)
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("group.name.taken"));
		this.mvc
			.perform(post("/api/indicators/area-groups").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"En enda\", \"areaCodes\": [\"2480\"]}")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("areaCodes"));
	}

	@Test
	void aSubscriptionIsListedAndEnded() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		this.subscriptions.subscribe(strategist.organisationId(), "TAB9999",
				Map.of("Region", List.of("2480"), "Tid", List.of("2023")), "sara.strateg");
		long id = this.subscriptions.list(strategist.organisationId())
			.stream()
			.filter(s -> s.tableId().equals("TAB9999"))
			.findFirst()
			.orElseThrow()
			.id();
		this.mvc.perform(get("/api/indicators/scb-subscriptions").with(as("lars.lasare")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/indicators/scb-subscriptions").with(as("sara.strateg")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].tableId").value("TAB9999"));

		this.mvc.perform(delete("/api/indicators/scb-subscriptions/{id}", id).with(csrf()).with(as("nils.strateg")))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/indicators/scb-subscriptions/{id}", id).with(csrf()).with(as("sara.strateg")))
			.andExpect(status().isNoContent());
		assertThat(this.subscriptions.list(strategist.organisationId())).noneMatch(s -> s.id() == id);
		this.mvc.perform(delete("/api/indicators/scb-subscriptions/{id}", id).with(csrf()).with(as("sara.strateg")))
			.andExpect(status().isNotFound());
	}

}
