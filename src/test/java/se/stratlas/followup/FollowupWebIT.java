package se.stratlas.followup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The follow-up screens and API: field errors, conflicts, escaping, problem details. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FollowupWebIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	Contributions contributions;

	@Autowired
	Products products;

	@Autowired
	ReportLayouts layouts;

	@Autowired
	UserDetailsService users;

	UserDetails strategist;

	UserDetails reporter;

	UserDetails reviewer;

	Contribution contribution;

	@BeforeEach
	void setUp() {
		this.strategist = this.users.loadUserByUsername("sara.strateg");
		this.reporter = this.users.loadUserByUsername("rasmus.rapportor");
		this.reviewer = this.users.loadUserByUsername("greta.granskare");
		StratlasPrincipal sara = (StratlasPrincipal) this.strategist;
		Cycle cycle = this.cycles.create(sara, new Cycle.Draft("Webbprov", CycleKind.CUSTOM, "2024", null, null,
				LocalDate.now().plusDays(10), null, null), Cycles.Template.EMPTY, null, null);
		Section section = this.cycleSections.addSection(sara, cycle.id(),
				new Section.Draft("Kapitel", "Bidrag", null, SectionKind.TEXT, null, null, List.of(), null));
		this.cycleSections.assign(sara, cycle.id(), List.of(section.id()), ((StratlasPrincipal) this.reporter).unitId(),
				null, null);
		Cycle planned = this.cycles.get(sara.organisationId(), cycle.id());
		this.cycles.transition(sara, cycle.id(), planned.version(), CycleState.OPEN);
		this.contribution = this.cycles.contributions(sara.organisationId(), cycle.id()).getFirst();
	}

	private String page() {
		return "/followup/contributions/" + this.contribution.id();
	}

	@Test
	void userTextIsEscapedEverywhereItIsShown() throws Exception {
		this.mvc
			.perform(post(page()).with(user(this.reporter))
				.with(csrf())
				.param("version", "0")
				.param("baseRevision", "0")
				.param("body", "<script>alert('x')</script>\n\n[klick](javascript:alert(1)) **fet**"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page()).with(user(this.reporter)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("href=\"javascript"))))
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(containsString("<strong>fet</strong>")));
		this.mvc
			.perform(post(page() + "/comments").with(user(this.reviewer))
				.with(csrf())
				.param("comment", "<img src=x onerror=alert(1)>"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page()).with(user(this.reviewer)))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
	}

	@Test
	void theLaterSaveSeesBothVersionsAndAProposedMerge() throws Exception {
		this.mvc
			.perform(post(page()).with(user(this.reporter))
				.with(csrf())
				.param("version", "0")
				.param("baseRevision", "0")
				.param("body", "Gemensam början.\n\nRasmus stycke."))
			.andExpect(status().is3xxRedirection());
		Contribution saved = this.contributions.get(this.contribution.organisationId(), this.contribution.id());
		// Sara saves on top of revision 1; Rasmus then saves his own edit of revision 1.
		this.mvc
			.perform(post(page()).with(user(this.strategist))
				.with(csrf())
				.param("version", String.valueOf(saved.version()))
				.param("baseRevision", "1")
				.param("body", "Gemensam början, skärpt av Sara.\n\nRasmus stycke."))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(page()).with(user(this.reporter))
				.with(csrf())
				.param("version", String.valueOf(saved.version()))
				.param("baseRevision", "1")
				.param("body", "Gemensam början.\n\nRasmus stycke, utökat."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Någon annan hann spara före dig")))
			.andExpect(content().string(containsString("skärpt av Sara")))
			.andExpect(content().string(containsString("Rasmus stycke, utökat.")))
			.andExpect(content()
				.string(containsString("Gemensam början, skärpt av Sara.\n\nRasmus stycke, utökat.</textarea>")));
	}

	@Test
	void theApiAnswersAConflictWith409AndTheMerge() throws Exception {
		String json = "{\"version\": 0, \"baseRevision\": 0, \"body\": \"Första.\"}";
		this.mvc
			.perform(put("/api/followup/contributions/" + this.contribution.id()).with(user(this.reporter))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.state").value("DRAFT"));
		this.mvc
			.perform(put("/api/followup/contributions/" + this.contribution.id()).with(user(this.strategist))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 0, \"baseRevision\": 0, \"body\": \"Annan.\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://stratlas.se/problems/edit-conflict"))
			.andExpect(jsonPath("$.theirs.body").value("Första."))
			.andExpect(jsonPath("$.mine").value("Annan."))
			.andExpect(jsonPath("$.mergeHasConflicts").value(true));
		Contribution current = this.contributions.get(this.contribution.organisationId(), this.contribution.id());
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution.id() + "/transitions")
				.with(user(this.reporter))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\": \"ready\", \"version\": " + current.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("READY"));
		current = this.contributions.get(this.contribution.organisationId(), this.contribution.id());
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution.id() + "/transitions")
				.with(user(this.reviewer))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\": \"return\", \"version\": " + current.version() + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		this.mvc
			.perform(post("/api/followup/contributions/" + this.contribution.id() + "/transitions")
				.with(user(this.reviewer))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\": \"approve\", \"version\": " + current.version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
		assertThat(this.contributions.get(this.contribution.organisationId(), this.contribution.id()).state())
			.isEqualTo(ContributionState.APPROVED);
	}

	@Test
	void aReportsPartsAreChangedInAFormThatKeepsWhatWasWrittenAndNamesEachProblem() throws Exception {
		StratlasPrincipal sara = (StratlasPrincipal) this.strategist;
		long cycleId = this.contribution.cycleId();
		Product report = this.products.create(sara, cycleId, "Återrapportering webb", ProductKind.GOVERNMENT_REPORT,
				List.of());
		String url = "/followup/" + cycleId + "/products/" + report.id() + "/layout";
		this.mvc.perform(get(url).with(user(this.strategist)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Uppföljning och lärande")))
			.andExpect(content().string(containsString("Efterfrågade uppgifter")));
		// Adding a part shows it to be filled in; nothing is saved yet.
		this.mvc
			.perform(post(url).with(user(this.strategist))
				.with(csrf())
				.param("version", String.valueOf(report.version()))
				.param("blocks[0].kind", "ABOUT")
				.param("blocks[0].position", "1")
				.param("add", "QUESTION")
				.param("action", "add"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delen är tillagd sist")))
			.andExpect(content().string(containsString("name=\"blocks[1].question\"")));
		assertThat(this.layouts.layout(sara.organisationId(), cycleId, report.id()).custom()).isFalse();
		// A question without its text comes back with the error at its field and the
		// heading as written (escaped).
		this.mvc
			.perform(post(url).with(user(this.strategist))
				.with(csrf())
				.param("version", String.valueOf(report.version()))
				.param("blocks[0].kind", "ABOUT")
				.param("blocks[0].position", "2")
				.param("blocks[1].kind", "QUESTION")
				.param("blocks[1].position", "1")
				.param("blocks[1].title", "<b>Fråga ett</b>")
				.param("blocks[1].question", "")
				.param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fyll i det här fältet.")))
			.andExpect(content().string(containsString("&lt;b&gt;Fråga ett&lt;/b&gt;")));
		// Saved, in the order of the places given, without the removed part.
		this.mvc
			.perform(post(url).with(user(this.strategist))
				.with(csrf())
				.param("version", String.valueOf(report.version()))
				.param("blocks[0].kind", "ABOUT")
				.param("blocks[0].position", "2")
				.param("blocks[1].kind", "QUESTION")
				.param("blocks[1].position", "1")
				.param("blocks[1].title", "Fråga ett")
				.param("blocks[1].question", "Vad hände?")
				.param("blocks[2].kind", "CONTACTS")
				.param("blocks[2].position", "3")
				.param("blocks[2].remove", "true")
				.param("add", "STAFFING")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.layouts.layout(sara.organisationId(), cycleId, report.id()).blocks())
			.extracting(ReportBlock::kind)
			.containsExactly(ReportBlock.Kind.QUESTION, ReportBlock.Kind.ABOUT);
	}

	@Test
	void aCycleFormShowsErrorsAtTheField() throws Exception {
		this.mvc
			.perform(post("/followup").with(user(this.strategist))
				.with(csrf())
				.param("name", "")
				.param("kind", "ANNUAL")
				.param("periodCode", "tjugotjugotre")
				.param("template", "EMPTY"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fyll i det här fältet.")))
			.andExpect(content().string(containsString("tjugotjugotre&quot; är ingen period")));
	}

	@Test
	void aSectionChangedOnItsScreenNamesWhatIsWrongAndKeepsItsElement() throws Exception {
		StratlasPrincipal sara = (StratlasPrincipal) this.strategist;
		long cycleId = this.contribution.cycleId();
		UUID element = UUID.randomUUID();
		Section section = this.cycleSections.addSection(sara, cycleId,
				new Section.Draft("Kapitel", "Om ett mål", null, SectionKind.TEXT, null, element, List.of(), null));
		String url = "/followup/" + cycleId + "/sections/" + section.id();
		this.mvc
			.perform(post(url).with(user(this.strategist))
				.with(csrf())
				.param("chapter", "Kapitel")
				.param("title", " ")
				.param("kind", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(view().name("followup/section-form"))
			.andExpect(content().string(containsString("Fyll i det här fältet.")));
		assertThat(this.cycleSections.section(sara.organisationId(), cycleId, section.id()).title())
			.isEqualTo("Om ett mål");
		this.mvc
			.perform(post(url).with(user(this.strategist))
				.with(csrf())
				.param("chapter", "Kapitel 2")
				.param("title", "Om målet, omskrivet")
				.param("kind", "TEXT"))
			.andExpect(status().is3xxRedirection());
		Section changed = this.cycleSections.section(sara.organisationId(), cycleId, section.id());
		assertThat(changed.title()).isEqualTo("Om målet, omskrivet");
		assertThat(changed.chapter()).isEqualTo("Kapitel 2");
		assertThat(changed.elementKey()).as("the screen does not show the element; the section keeps it")
			.isEqualTo(element);
	}

	@Test
	void theGridTakesSwedishNumbersAndRefusesWords() throws Exception {
		long unit = ((StratlasPrincipal) this.reporter).unitId();
		this.mvc
			.perform(post("/followup/figures").with(user(this.reporter))
				.with(csrf())
				.param("period", "2017T3")
				.param("rows[0].unitId", String.valueOf(unit))
				.param("rows[0].budget", "tio")
				.param("rows[0].outcome", "9,5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv ett tal")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc
			.perform(post("/followup/figures").with(user(this.reporter))
				.with(csrf())
				.param("period", "2017T3")
				.param("rows[0].unitId", String.valueOf(unit))
				.param("rows[0].budget", "−1 000,5")
				.param("rows[0].outcome", "9,5"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/followup/figures").param("period", "2017T3").with(user(this.reporter)))
			.andExpect(content().string(containsString("1\u00a0010,0")));
	}

	@Test
	void aBrokenFinanceFileIsRefusedWithRowAndColumnOnScreenAndInTheApi() throws Exception {
		byte[] broken = "enhet;period;budget_mnkr;utfall_mnkr\nIngen sådan;2016T1;x;1\n"
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/followup/figures/import")
				.file(new MockMultipartFile("file", "ekonomi.csv", "text/csv", broken))
				.with(user(this.reporter))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enheten &quot;Ingen sådan&quot; finns inte")))
			.andExpect(content().string(containsString("&quot;x&quot; är inget tal.")));
		this.mvc
			.perform(multipart("/api/followup/figures/import")
				.file(new MockMultipartFile("file", "ekonomi.csv", "text/csv", broken))
				.with(user(this.reporter))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[*].column", Matchers.hasItems("enhet*", "budget_mnkr*")));
	}

	@Test
	void aPreviewRendersLiveReferencesAndAutosaveAnswersWithTheNewVersion() throws Exception {
		this.mvc
			.perform(post("/followup/preview").with(user(this.reporter))
				.with(csrf())
				.param("body", "Se [[indikator:DEMO_GHG]] och [[indikator:FINNS_INTE]]."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("figure class=\"live-ref indicator-ref\"")))
			.andExpect(content().string(containsString("Fiktiva demovärden")))
			.andExpect(content().string(containsString("Okänd indikator FINNS_INTE")));
		this.mvc
			.perform(post(page() + "/autosave").with(user(this.reporter))
				.with(csrf())
				.param("version", "0")
				.param("baseRevision", "0")
				.param("body", "utkast"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sparades automatiskt")))
			.andExpect(content().string(containsString("id=\"version\" name=\"version\" value=\"1\"")));
	}

}
