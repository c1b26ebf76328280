package se.stratlas.actors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.web.ApiCalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The actors API's writes: contact persons, partnerships and their members. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ActorApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ActorRegistry registry;

	@Test
	void aStrategistAddsAContactAndAReporterMayNot() throws Exception {
		long org = principal("sara.strateg").organisationId();
		long actorId = this.registry.actors(org).getFirst().id();
		send("/api/actors/contacts", "sara.strateg",
				"{\"name\": \"Kim Kontakt\", \"title\": \"Samordnare\", " + "\"actorId\": " + actorId
						+ ", \"email\": \"kim@example.se\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Kim Kontakt"))
			.andExpect(jsonPath("$.actorId").value(actorId));
		send("/api/actors/contacts", "sara.strateg", "{\"name\": \"Utan post\", \"email\": \"inte en adress\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		send("/api/actors/contacts", "rasmus.rapportor", "{\"name\": \"Rapportörens\"}")
			.andExpect(status().isForbidden());
		assertThat(this.registry.contacts(org)).extracting(Contact::name)
			.contains("Kim Kontakt")
			.doesNotContain("Utan post", "Rapportörens");
	}

	@Test
	void aPartnershipIsStartedAndGetsAMemberInARole() throws Exception {
		long org = principal("sara.strateg").organisationId();
		Actor actor = this.registry.actors(org).getFirst();
		String created = send("/api/actors/partnerships", "sara.strateg",
				"{\"name\": \"API-nätverket\", \"description\": \"Prov\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("API-nätverket"))
			.andExpect(jsonPath("$.members.length()").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		send("/api/actors/partnerships", "sara.strateg", "{\"name\": \"api-nätverket\"}")
			.andExpect(status().isUnprocessableContent());
		send("/api/actors/partnerships/" + id + "/members", "sara.strateg",
				"{\"actorId\": " + actor.id() + ", \"role\": \"KOORDINATOR\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members[0].actorName").value(actor.name()))
			.andExpect(jsonPath("$.members[0].role").value("KOORDINATOR"));
		send("/api/actors/partnerships/" + id + "/members", "sara.strateg", "{\"actorId\": " + actor.id() + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		send("/api/actors/partnerships/" + id + "/members", "nils.strateg",
				"{\"actorId\": " + actor.id() + ", \"role\": \"MEDLEM\"}")
			.andExpect(status().isNotFound());
		send("/api/actors/partnerships/" + id + "/members", "rasmus.rapportor",
				"{\"actorId\": " + actor.id() + ", \"role\": \"MEDLEM\"}")
			.andExpect(status().isForbidden());
		assertThat(this.registry.partnerships(org)).filteredOn(p -> p.id() == id)
			.singleElement()
			.satisfies(p -> assertThat(p.members()).extracting(Partnership.Member::role)
				.containsExactly(Partnership.Role.KOORDINATOR));
	}

	private ResultActions send(String path, String username, String json) throws Exception {
		return this.mvc.perform(ApiCalls.json(post(path), this.users.loadUserByUsername(username), json));
	}

	private StratlasPrincipal principal(String username) {
		return (StratlasPrincipal) this.users.loadUserByUsername(username);
	}

}
