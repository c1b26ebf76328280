package se.stratlas.start;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.OrganisationSetup;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The start page leads: a strateg sees the cycles' progress per unit and the indicators
 * off target, a visitor what Stratlas is; a new organisation's administrator the steps of
 * getting started, each ticked when done. Nothing says a part is "built in the next
 * step".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StartPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	Organisations organisations;

	@Test
	void aVisitorSeesWhatStratlasIsAndNothingComing() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/public/reports")))
			.andExpect(content().string(not(containsString("nästa steg"))));
	}

	@Test
	void aStrategistSeesTheCyclesProgressPerUnitAndIndicatorsOffTarget() throws Exception {
		this.mvc.perform(get("/").with(user(this.users.loadUserByUsername("sara.strateg"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Resultat Västerbotten 2023")))
			.andExpect(content().string(containsString("Folkhälsoenheten")))
			.andExpect(content().string(containsString("Indikatorer som inte är på väg mot målet")));
	}

	@Test
	void aNewOrganisationsAdministratorIsLedThroughGettingStarted() throws Exception {
		StratlasPrincipal platform = (StratlasPrincipal) this.users.loadUserByUsername("admin");
		Organisation created = this.setup
			.create(platform, "start-region",
					new Organisation.Profile("Region Start", Organisation.Kind.REGION, null, null, null, null),
					new OrganisationSetup.FirstAdministrator("start.admin", "Start Admin", null,
							"ett-langt-losenord-2026"))
			.organisation();
		this.mvc.perform(get("/").with(user(this.users.loadUserByUsername("start.admin"))))
			.andExpect(content().string(containsString("Kom igång")))
			.andExpect(content().string(containsString("0 av 7 steg klara")))
			.andExpect(content().string(containsString("/admin/organisation")));
		this.organisations.update(created.id(), created.version(),
				new Organisation.Profile("Region Start", Organisation.Kind.REGION, "20", null, null, null),
				"start.admin");
		this.mvc.perform(get("/").with(user(this.users.loadUserByUsername("start.admin"))))
			.andExpect(content().string(containsString("1 av 7 steg klara")));
	}

}
