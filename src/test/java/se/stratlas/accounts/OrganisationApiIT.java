package se.stratlas.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organisations through the JSON API: the platform administrator creates one with its
 * first administrator, who keeps its profile; a stale version is refused with 409.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OrganisationApiIT {

	private static final String NEW_ORGANISATION = """
			{"code": "profilapi", "profile": {"name": "Profil via API", "kind": "OVRIG"},
			"administrator": {"username": "profil.api.admin", "displayName": "Profil Admin",
			"password": "ett-långt-lösenord-2026"}}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String body, String username) throws Exception {
		return this.mvc
			.perform(request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()).with(as(username)));
	}

	@Test
	void thePlatformAdministratorCreatesAnOrganisationWhoseAdministratorKeepsItsProfile() throws Exception {
		send(post("/api/platform/organisations"), NEW_ORGANISATION, "anna.admin").andExpect(status().isForbidden());
		send(post("/api/platform/organisations"), NEW_ORGANISATION, "admin").andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisation.code").value("profilapi"))
			.andExpect(jsonPath("$.administrator.username").value("profil.api.admin"))
			.andExpect(jsonPath("$.administrator.roles[0]").value("ADMINISTRATOR"));
		this.mvc.perform(get("/api/platform/organisations").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("profilapi")));
		send(post("/api/platform/organisations"),
				"{\"code\": \"utanadmin\", \"profile\": {\"name\": \"Utan admin\", \"kind\": \"OVRIG\"}}", "admin")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("administrator"));

		this.mvc.perform(get("/api/admin/organisation").with(as("profil.api.admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Profil via API"))
			.andExpect(jsonPath("$.version").value(0));
		send(put("/api/admin/organisation"), """
				{"version": 0, "profile": {"name": "Profil via API, ändrad", "kind": "OVRIG",
				"contactEmail": "info@example.se"}}""", "profil.api.admin").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Profil via API, ändrad"))
			.andExpect(jsonPath("$.contactEmail").value("info@example.se"))
			.andExpect(jsonPath("$.version").value(1));
		send(put("/api/admin/organisation"),
				"{\"version\": 0, \"profile\": {\"name\": \"Äldre\", \"kind\": \"OVRIG\"}}", "profil.api.admin")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.name").value("Profil via API, ändrad"));
		send(put("/api/admin/organisation"), "{\"version\": 1, \"profile\": {\"name\": \"\", \"kind\": \"OVRIG\"}}",
				"profil.api.admin")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		this.mvc.perform(get("/api/admin/organisation").with(as("lars.lasare"))).andExpect(status().isForbidden());
	}

}
