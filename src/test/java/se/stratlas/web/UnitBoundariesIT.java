package se.stratlas.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionReviews;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A rapportör of one unit against another unit's work, over HTTP: the other unit's
 * drafts, history and comments stay hidden, its texts, initiatives and figures cannot be
 * written, and what it has approved is readable by all.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UnitBoundariesIT {

	private static final String DRAFT = "Hemligt utkast från projektfinansieringen";

	private static final String APPROVED = "Godkänd text om företagsstöd";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrganisationUnits units;

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	Contributions contributions;

	@Autowired
	ContributionReviews reviews;

	@Autowired
	JdbcClient jdbc;

	StratlasPrincipal strategist;

	StratlasPrincipal reporter;

	StratlasPrincipal reviewer;

	UserDetails otherUnitReporter;

	@BeforeEach
	void setUp() {
		this.strategist = principal("sara.strateg");
		this.reporter = principal("rasmus.rapportor");
		this.reviewer = principal("greta.granskare");
		long organisation = this.strategist.organisationId();
		long health = this.units.list(organisation)
			.stream()
			.filter(u -> u.name().equals("Folkhälsoenheten"))
			.map(OrganisationUnit::id)
			.findFirst()
			.orElseThrow();
		if (this.jdbc.sql("select count(*) from accounts_user where username = 'olga.rapportor'")
			.query(Integer.class)
			.single() == 0) {
			var created = this.accounts.create(organisation, new UserAccounts.NewUser("olga.rapportor",
					"Olga Rapportör", null, EnumSet.of(Role.REPORTER), "ett-langt-losenord-2026"), "test");
			this.units.assign(organisation, created.id(), health, "test");
		}
		this.otherUnitReporter = this.users.loadUserByUsername("olga.rapportor");
	}

	private StratlasPrincipal principal(String username) {
		return (StratlasPrincipal) this.users.loadUserByUsername(username);
	}

	/** A cycle with one section, assigned to the rapportör's unit and opened. */
	private Contribution contributionOfTheReportersUnit(String name) {
		Cycle cycle = this.cycles.create(this.strategist, new Cycle.Draft(name, CycleKind.CUSTOM, "2024", null,
				LocalDate.now().minusDays(5), LocalDate.now().plusDays(2), null, null), Cycles.Template.EMPTY, null,
				null);
		Section section = this.cycleSections.addSection(this.strategist, cycle.id(),
				new Section.Draft("Kapitel", "Företagsstöd", null, SectionKind.TEXT, null, null, List.of(), null));
		this.cycleSections.assign(this.strategist, cycle.id(), List.of(section.id()), this.reporter.unitId(), null,
				null);
		Cycle current = this.cycles.get(this.strategist.organisationId(), cycle.id());
		this.cycles.transition(this.strategist, cycle.id(), current.version(), CycleState.OPEN);
		return this.cycles.contributions(this.strategist.organisationId(), cycle.id()).getFirst();
	}

	private String read(String url, UserDetails who) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	@Test
	void aReporterOfAnotherUnitSeesNeitherDraftsNorHistoryNorComments() throws Exception {
		Contribution c = contributionOfTheReportersUnit("Gränser: utkast");
		c = this.contributions.save(this.reporter, c.id(), c.version(), c.revision(), DRAFT, null, false);
		this.reviews.comment(this.reporter, c.id(), null, "Intern fråga till granskaren");
		String[] pages = { "/followup/contributions/" + c.id(), "/followup/contributions/" + c.id() + "/history",
				"/api/followup/contributions/" + c.id(), "/api/followup/contributions/" + c.id() + "/revisions",
				"/api/followup/contributions/" + c.id() + "/comments" };
		for (String page : pages) {
			assertThat(read(page, this.otherUnitReporter)).as(page)
				.doesNotContain(DRAFT)
				.doesNotContain("Intern fråga");
			assertThat(read(page, this.users.loadUserByUsername("lars.lasare"))).as(page).doesNotContain(DRAFT);
		}
		// The unit's own writer and the granskare see the work in progress.
		assertThat(read(pages[0], (UserDetails) this.reporter)).contains(DRAFT).contains("Intern fråga");
		assertThat(read(pages[2], (UserDetails) this.reviewer)).contains(DRAFT);
		assertThat(read(pages[0], this.otherUnitReporter)).contains("Den visas här när den är godkänd");
	}

	@Test
	void aReporterOfAnotherUnitCannotWriteTheTextNorMoveItNorCommentOnIt() throws Exception {
		Contribution c = contributionOfTheReportersUnit("Gränser: skriva");
		c = this.contributions.save(this.reporter, c.id(), c.version(), c.revision(), DRAFT, null, false);
		String id = String.valueOf(c.id());
		int[] statuses = {
				status(post("/followup/contributions/" + id).param("version", String.valueOf(c.version()))
					.param("baseRevision", String.valueOf(c.revision()))
					.param("body", "Överskrivet")),
				status(post("/followup/contributions/" + id + "/autosave").param("version", String.valueOf(c.version()))
					.param("baseRevision", String.valueOf(c.revision()))
					.param("body", "Överskrivet")),
				status(post("/followup/contributions/" + id + "/ready").param("version", String.valueOf(c.version()))),
				status(post("/followup/contributions/" + id + "/comments").param("comment", "Hej")),
				status(put("/api/followup/contributions/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\": " + c.version() + ", \"baseRevision\": " + c.revision()
							+ ", \"body\": \"Överskrivet\"}")),
				status(post("/api/followup/contributions/" + id + "/transitions")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\": \"ready\", \"version\": " + c.version() + "}")) };
		assertThat(statuses).containsOnly(403);
		Contribution after = this.contributions.get(c.organisationId(), c.id());
		assertThat(after.body()).isEqualTo(DRAFT);
		assertThat(after.version()).isEqualTo(c.version());
		assertThat(this.contributions.comments(c.organisationId(), c.id())).isEmpty();
	}

	@Test
	void whatTheUnitHasApprovedIsReadableByAllWhileItsNextDraftIsNot() throws Exception {
		Contribution c = contributionOfTheReportersUnit("Gränser: godkänt");
		c = this.contributions.save(this.reporter, c.id(), c.version(), c.revision(), APPROVED, null, false);
		c = this.reviews.markReady(this.reporter, c.id(), c.version());
		c = this.reviews.approve(this.reviewer, c.id(), c.version(), null);
		c = this.contributions.save(this.reporter, c.id(), c.version(), c.revision(), APPROVED + " " + DRAFT, null,
				false);
		String page = read("/followup/contributions/" + c.id(), this.otherUnitReporter);
		assertThat(page).contains(APPROVED).doesNotContain(DRAFT).contains("senast godkända versionen");
		assertThat(read("/api/followup/contributions/" + c.id(), this.otherUnitReporter)).contains(APPROVED)
			.doesNotContain(DRAFT);
		assertThat(read("/followup/contributions/" + c.id(), (UserDetails) this.reporter)).contains(DRAFT);
	}

	@Test
	void aReporterOfAnotherUnitCannotChangeTheUnitsInitiativesNorItsFigures() throws Exception {
		long initiative = this.jdbc.sql("""
				select min(id) from initiatives_initiative where owner_unit_id = :unit""")
			.param("unit", this.reporter.unitId())
			.query(Long.class)
			.single();
		String before = this.jdbc.sql("select name || version from initiatives_initiative where id = :id")
			.param("id", initiative)
			.query(String.class)
			.single();
		assertThat(status(put("/api/initiatives/" + initiative).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"name\": \"Kapat\"}"))).isEqualTo(403);
		assertThat(this.jdbc.sql("select name || version from initiatives_initiative where id = :id")
			.param("id", initiative)
			.query(String.class)
			.single()).isEqualTo(before);
		int figures = this.jdbc.sql("select count(*) from followup_unit_figures where unit_id = :unit")
			.param("unit", this.reporter.unitId())
			.query(Integer.class)
			.single();
		assertThat(status(post("/followup/figures").param("period", "2031T1")
			.param("rows[0].unitId", String.valueOf(this.reporter.unitId()))
			.param("rows[0].budget", "100"))).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from followup_unit_figures where unit_id = :unit")
			.param("unit", this.reporter.unitId())
			.query(Integer.class)
			.single()).isEqualTo(figures);
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.with(user(this.otherUnitReporter)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
