package se.stratlas.foresight;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.web.ApiCalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The foresight API's writes: dialogues with agenda, tracks and outcomes; dimensions. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ForesightApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Dialogues dialogues;

	@Autowired
	Scenarios scenarios;

	@Test
	void aDialogueGetsItsAgendaTracksAndOutcomesThroughTheApiAndAStaleOutcomeIsA409() throws Exception {
		String created = send(post("/api/foresight/dialogues"), "rasmus.rapportor",
				"{\"name\": \"Framtidsdag API\", \"heldOn\": \"2026-05-20\", \"place\": \"Skellefteå\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Framtidsdag API"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		send(post("/api/foresight/dialogues/" + id + "/agenda"), "rasmus.rapportor",
				"{\"startsAt\": \"09:00\", \"endsAt\": \"10:00\", \"title\": \"Välkommen\", \"speakers\": \"Sara\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Välkommen"));
		send(post("/api/foresight/dialogues/" + id + "/agenda"), "rasmus.rapportor",
				"{\"startsAt\": \"10:00\", \"endsAt\": \"09:00\", \"title\": \"Baklänges\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("endsAt"));
		String track = send(post("/api/foresight/dialogues/" + id + "/tracks"), "rasmus.rapportor",
				"{\"question\": \"Hur når vi unga?\", \"facilitator\": \"Greta\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long trackId = ((Number) JsonPath.read(track, "$.id")).longValue();
		int version = JsonPath.read(track, "$.version");
		String outcome = "/api/foresight/dialogues/" + id + "/tracks/" + trackId + "/outcome";
		send(put(outcome), "rasmus.rapportor",
				"{\"version\": " + version + ", \"outcome\": \"Skolbesök\", \"nextSteps\": \"Kontakta skolorna\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("Skolbesök"))
			.andExpect(jsonPath("$.version").value(version + 1));
		send(put(outcome), "sara.strateg", "{\"version\": " + version + ", \"outcome\": \"Annat\"}")
			.andExpect(status().isConflict());
		send(put(outcome), "lars.lasare", "{\"version\": " + (version + 1) + ", \"outcome\": \"Läsarens\"}")
			.andExpect(status().isForbidden());
		Dialogue dialogue = this.dialogues.get(principal("rasmus.rapportor").organisationId(), id);
		assertThat(dialogue.agenda()).extracting(Dialogue.AgendaItem::title).containsExactly("Välkommen");
		assertThat(dialogue.tracks()).singleElement().satisfies(t -> {
			assertThat(t.outcome()).isEqualTo("Skolbesök");
			assertThat(t.nextSteps()).isEqualTo("Kontakta skolorna");
		});
		this.mvc
			.perform(get("/api/foresight/dialogues/" + id).with(user(this.users.loadUserByUsername("nils.strateg"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aDimensionIsAddedWithItsFactorsAndListedAndAReaderMayNotAddOne() throws Exception {
		send(post("/api/foresight/dimensions"), "rasmus.rapportor",
				"{\"project\": \"Norr 2040\", \"name\": \"Energi\", \"factors\": [\"Elpris\", \" \", \"Elnät\"]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Energi"))
			.andExpect(jsonPath("$.factors.length()").value(2));
		send(post("/api/foresight/dimensions"), "rasmus.rapportor", "{\"name\": \" \"}")
			.andExpect(status().isUnprocessableContent());
		send(post("/api/foresight/dimensions"), "lars.lasare", "{\"name\": \"Läsarens\"}")
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/foresight/dimensions").with(user(this.users.loadUserByUsername("lars.lasare"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'Energi')].project").value("Norr 2040"));
		assertThat(this.scenarios.dimensions(principal("lars.lasare").organisationId()))
			.noneMatch(d -> d.name().equals("Läsarens"));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String username, String json) throws Exception {
		return this.mvc.perform(ApiCalls.json(request, this.users.loadUserByUsername(username), json));
	}

	private StratlasPrincipal principal(String username) {
		return (StratlasPrincipal) this.users.loadUserByUsername(username);
	}

}
