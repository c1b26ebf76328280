package se.stratlas.foresight;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.Section;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.web.ApiCalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Foresight on the real database: concurrent SWOT editing, links into follow-up, exports,
 * access.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ForesightIT {

	@Autowired
	Scanning scanning;

	@Autowired
	Workshops workshops;

	@Autowired
	SwotBoard board;

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	Scenarios scenarios;

	@Autowired
	Dialogues dialogues;

	@Autowired
	StrategyCatalog strategies;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	StratlasPrincipal strategist;

	StratlasPrincipal reporter;

	StratlasPrincipal reviewer;

	StratlasPrincipal reader;

	StratlasPrincipal norrbotten;

	StrategyElement priority1;

	long rusVersion;

	@BeforeEach
	void setUp() {
		this.strategist = principal("sara.strateg");
		this.reporter = principal("rasmus.rapportor");
		this.reviewer = principal("greta.granskare");
		this.reader = principal("lars.lasare");
		this.norrbotten = principal("nils.strateg");
		Strategy rus = this.strategies.strategies(this.strategist.organisationId())
			.stream()
			.filter(s -> "RUS".equals(s.code()) && s.organisationId() != null)
			.findFirst()
			.orElseThrow();
		this.rusVersion = this.strategies.latestVersion(this.strategist.organisationId(), rus.id()).id();
		this.priority1 = this.strategies.elements(this.strategist.organisationId(), this.rusVersion)
			.stream()
			.filter(e -> e.type() == ElementType.PRIORITY && "1".equals(e.code()))
			.findFirst()
			.orElseThrow();
	}

	private static RequestPostProcessor as(StratlasPrincipal principal) {
		return user((UserDetails) principal);
	}

	private StratlasPrincipal principal(String name) {
		return (StratlasPrincipal) this.users.loadUserByUsername(name);
	}

	private Workshop workshop(String name) {
		return this.workshops.create(this.reporter, new Workshop.Draft("Test", name, LocalDate.of(2026, 11, 1), "2480",
				"Region Västerbotten", 12, "SWOT", List.of(this.priority1.key())));
	}

	@Test
	void twoFacilitatorsAddingAtTheSameTimeLoseNothing() throws Exception {
		Workshop workshop = workshop("Samtidigt");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (StratlasPrincipal facilitator : List.of(this.reporter, this.strategist)) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < 20; i++) {
					this.board.add(facilitator, workshop.id(), Quadrant.STRENGTH, facilitator.username() + " " + i);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		List<SwotItem> strengths = this.workshops.swot(this.reporter.organisationId(), workshop.id())
			.get(Quadrant.STRENGTH);
		assertThat(strengths).hasSize(40);
		assertThat(strengths.stream().map(SwotItem::position).distinct()).hasSize(40);
		assertThat(strengths.stream().map(SwotItem::text)).contains("rasmus.rapportor 19", "sara.strateg 19");
	}

	@Test
	void twoEditsOfTheSameItemKeepBothTexts() {
		Workshop workshop = workshop("Samma punkt");
		SwotItem item = this.board.add(this.reporter, workshop.id(), Quadrant.WEAKNESS, "Bostadsbrist");
		SwotItem after = this.board.add(this.reporter, workshop.id(), Quadrant.WEAKNESS, "Demografi");
		SwotBoard.EditResult first = this.board.edit(this.reporter, workshop.id(), item.id(), item.version(),
				"Bostadsbrist i inlandet");
		assertThat(first.conflicted()).isFalse();
		SwotBoard.EditResult second = this.board.edit(this.strategist, workshop.id(), item.id(), item.version(),
				"Bostadsbrist för unga");
		assertThat(second.conflicted()).isTrue();
		assertThat(second.theirs().text()).isEqualTo("Bostadsbrist i inlandet");
		assertThat(this.workshops.swot(this.reporter.organisationId(), workshop.id()).get(Quadrant.WEAKNESS))
			.extracting(SwotItem::text)
			.containsExactly("Bostadsbrist i inlandet", "Bostadsbrist för unga", "Demografi");
		// A stale delete does not remove someone else's change.
		assertThatThrownBy(() -> this.board.remove(this.strategist, workshop.id(), item.id(), item.version()))
			.isInstanceOf(EditConflictException.class);
		SwotItem moved = this.board.move(this.reporter, workshop.id(), after.id(), "up", null);
		assertThat(
				this.workshops.swot(this.reporter.organisationId(), workshop.id()).get(Quadrant.WEAKNESS).get(1).id())
			.isEqualTo(moved.id());
		this.board.move(this.reporter, workshop.id(), after.id(), null, Quadrant.THREAT);
		assertThat(this.workshops.swot(this.reporter.organisationId(), workshop.id()).get(Quadrant.THREAT))
			.extracting(SwotItem::text)
			.containsExactly("Demografi");
	}

	@Test
	void eachRoleGetsItsAccess() {
		assertThatThrownBy(() -> workshopAs(this.reader)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workshopAs(this.reviewer)).isInstanceOf(AccessDeniedException.class);
		Workshop workshop = workshop("Roller");
		assertThatThrownBy(() -> this.board.add(this.reader, workshop.id(), Quadrant.THREAT, "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.scanning.create(this.reviewer, draft("x", null)))
			.isInstanceOf(AccessDeniedException.class);
		// Another organisation sees nothing of it.
		assertThatThrownBy(() -> this.workshops.get(this.norrbotten.organisationId(), workshop.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.board.add(this.norrbotten, workshop.id(), Quadrant.THREAT, "x"))
			.isInstanceOf(NotFoundException.class);
	}

	private Workshop workshopAs(StratlasPrincipal user) {
		return this.workshops.create(user, new Workshop.Draft(null, "x", null, null, null, null, null, List.of()));
	}

	private ScanItem.Draft draft(String title, String url) {
		return new ScanItem.Draft(ScanItem.Kind.TREND, title, "Beskrivning.", ScanItem.Scope.REGIONAL,
				LocalDate.of(2026, 10, 1), url, ScanItem.Effect.OPPORTUNITY, 4, ScanItem.Horizon.KORT, List.of("test"),
				List.of(this.priority1.key()));
	}

	@Test
	void itemsAreValidatedAndFilteredByTheirLinks() {
		assertThatThrownBy(() -> this.scanning.create(this.reporter,
				new ScanItem.Draft(ScanItem.Kind.TREND, " ", null, ScanItem.Scope.EU, null, "ftp://x",
						ScanItem.Effect.THREAT, 9, null, List.of(), List.of(UUID.randomUUID()))))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().stream().map(ValidationException.Violation::field))
						.containsExactlyInAnyOrder("title", "sourceUrl", "strength", "elementKeys"));
		ScanItem item = this.scanning.create(this.reporter, draft("Fler distansarbetar", "https://example.se/x"));
		assertThat(this.scanning.list(this.reader.organisationId(),
				new Scanning.Filter("distans", null, null, ScanItem.Effect.OPPORTUNITY, this.priority1.key())))
			.extracting(ScanItem::id)
			.contains(item.id());
		assertThat(this.scanning.list(this.reader.organisationId(),
				new Scanning.Filter("distans", ScanItem.Kind.DOM, null, null, null)))
			.isEmpty();
		assertThatThrownBy(
				() -> this.scanning.update(this.strategist, item.id(), item.version() + 5, draft("Ändrad", null)))
			.isInstanceOf(EditConflictException.class);
	}

	@Test
	void theNextCyclesOmvarldsbevakningForThePriorityShowsTheLinkedSignalsAndTheSwot() throws Exception {
		Workshop workshop = workshop("Framtidsverkstad Umeå");
		this.board.add(this.reporter, workshop.id(), Quadrant.OPPORTUNITY, "Fler företag i datacenterbranschen");
		this.board.add(this.reporter, workshop.id(), Quadrant.THREAT, "Brist på elnätskapacitet");
		Cycle cycle = this.cycles.create(this.strategist,
				new Cycle.Draft("Omvärld nästa år", CycleKind.ANNUAL, "2026", this.rusVersion, null, null, null, null),
				Cycles.Template.STRATEGY, null, null);
		Section omvarld = this.cycles.sections(this.strategist.organisationId(), cycle.id())
			.stream()
			.filter(s -> this.priority1.key().equals(s.elementKey()) && s.title().equals("Omvärldsbevakning"))
			.findFirst()
			.orElseThrow();
		assertThat(omvarld.topic()).isEqualTo(SectionTopic.OUTSIDE_WORLD);
		this.cycleSections.assign(this.strategist, cycle.id(), List.of(omvarld.id()), this.reporter.unitId(), null,
				null);
		Contribution contribution = this.cycles.contributions(this.strategist.organisationId(), cycle.id()).getFirst();
		this.mvc.perform(get("/followup/contributions/" + contribution.id()).with(as(this.strategist)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Omvärldsbevakning för prioriteringen")))
			.andExpect(content().string(Matchers.containsString("Nis2-direktivet")))
			.andExpect(content().string(Matchers.containsString("Brist på elnätskapacitet")));
	}

	@Test
	void theSectionsTopicNotItsTitleDecidesWhetherItOffersTheScannedSignals() throws Exception {
		Cycle cycle = this.cycles.create(this.strategist,
				new Cycle.Draft("Ämnesprov", CycleKind.ANNUAL, "2027", this.rusVersion, null, null, null, null),
				Cycles.Template.EMPTY, null, null);
		String sections = "/api/followup/cycles/" + cycle.id() + "/sections";
		String english = this.mvc
			.perform(ApiCalls.json(MockMvcRequestBuilders.post(sections), (UserDetails) this.strategist,
					"{\"chapter\": \"Priority 1\", \"title\": \"Outside world\", \"elementKey\": \""
							+ this.priority1.key() + "\", \"topic\": \"OUTSIDE_WORLD\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.topic").value("OUTSIDE_WORLD"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc
			.perform(ApiCalls.json(MockMvcRequestBuilders.post(sections), (UserDetails) this.strategist,
					"{\"chapter\": \"Prioritering 1\", \"title\": \"Omvärld\", \"elementKey\": \""
							+ this.priority1.key() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.topic").value("GENERAL"));
		long englishId = ((Number) JsonPath.read(english, "$.id")).longValue();
		List<Long> ids = this.cycles.sections(this.strategist.organisationId(), cycle.id())
			.stream()
			.map(Section::id)
			.toList();
		this.cycleSections.assign(this.strategist, cycle.id(), ids, this.reporter.unitId(), null, null);
		for (Contribution contribution : this.cycles.contributions(this.strategist.organisationId(), cycle.id())) {
			Matcher<String> scanning = Matchers.containsString("Omvärldsbevakning för prioriteringen");
			this.mvc.perform(get("/followup/contributions/" + contribution.id()).with(as(this.strategist)))
				.andExpect(status().isOk())
				.andExpect(content().string(contribution.sectionId() == englishId ? scanning : Matchers.not(scanning)));
		}
	}

	@Test
	void theDemoSwotsShareThemesAndExportAsExcelAndWord() throws Exception {
		List<Workshops.Theme> themes = this.workshops.themes(this.norrbotten.organisationId());
		assertThat(themes).anySatisfy(t -> {
			assertThat(t.text()).isEqualTo("Bostadsbrist");
			assertThat(t.quadrant()).isEqualTo(Quadrant.WEAKNESS);
			assertThat(t.workshops()).containsExactlyInAnyOrder("Gällivare", "Piteå");
		});
		Workshop gallivare = this.workshops.list(this.norrbotten.organisationId())
			.stream()
			.filter(w -> w.name().contains("Gällivare"))
			.findFirst()
			.orElseThrow();
		Map<Quadrant, List<SwotItem>> swot = this.workshops.swot(this.norrbotten.organisationId(), gallivare.id());
		assertThat(swot.get(Quadrant.STRENGTH)).hasSize(5);
		byte[] xlsx = this.mvc
			.perform(get("/foresight/workshops/" + gallivare.id() + "/swot.xlsx").with(as(this.norrbotten)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Attraktiv natur");
		}
		byte[] docx = this.mvc
			.perform(get("/foresight/workshops/" + gallivare.id() + "/swot.docx").with(as(this.norrbotten)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(document.getTables().getFirst().getText()).contains("Osäkerhet om malmfälten");
		}
		this.mvc.perform(get("/foresight/export").with(as(this.reader))).andExpect(status().isOk());
		this.mvc.perform(get("/foresight/scenarios/export").with(as(this.norrbotten))).andExpect(status().isOk());
		this.mvc.perform(get("/foresight").param("view", "radar").with(as(this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Omvärldsradar")));
	}

	@Test
	void scenariosAreValidatedComparedAndTheDemoHasSeed004s() {
		assertThatThrownBy(() -> this.scenarios.create(this.reporter,
				new Scenario.Draft(null, " ", 1900, null, List.of(), List.of(), 0.5, null, List.of())))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().stream().map(ValidationException.Violation::field))
						.containsExactlyInAnyOrder("name", "horizonYear", "axisY"));
		Scenario smart = this.scenarios.create(this.reporter,
				new Scenario.Draft("Test", "Smart inland", 2045, "Berättelse.", List.of("Fiber överallt", " "),
						List.of("Fler distansarbetar"), 0.5, -0.5, List.of(this.priority1.key())));
		assertThat(smart.preconditions()).containsExactly("Fiber överallt");
		assertThatThrownBy(() -> this.scenarios.create(this.reviewer,
				new Scenario.Draft(null, "x", null, null, List.of(), List.of(), null, null, List.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.scenarios.update(this.strategist, smart.id(), smart.version() + 1,
				new Scenario.Draft(null, "y", null, null, List.of(), List.of(), null, null, List.of())))
			.isInstanceOf(EditConflictException.class);
		List<Scenario> norrbotten = this.scenarios.list(this.norrbotten.organisationId());
		assertThat(norrbotten).extracting(Scenario::name)
			.contains("Basindustriregionen", "Diversifiering efter en nationell genomsnittsmodell");
		assertThat(this.scenarios.compare(this.norrbotten.organisationId(),
				List.of(norrbotten.get(0).id(), norrbotten.get(2).id())))
			.hasSize(2);
		assertThatThrownBy(() -> this.scenarios.compare(this.norrbotten.organisationId(), List.of(smart.id())))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.scenarios.dimensions(this.norrbotten.organisationId())).anySatisfy(d -> {
			assertThat(d.name()).isEqualTo("Kompetensbehov");
			assertThat(d.factors()).contains("Pensionsavgångar");
		});
	}

	@Test
	void aDialogueTrackReportsItsOutcomeLinkedToTheStrategyWithoutOverwritingAnother() throws Exception {
		Dialogue day = this.dialogues.list(this.strategist.organisationId())
			.stream()
			.filter(d -> d.name().contains("Partnerskapsdag"))
			.findFirst()
			.orElseThrow();
		assertThat(day.agenda()).hasSize(8);
		assertThat(day.tracks()).extracting(Dialogue.Track::facilitator)
			.containsExactly("Jan Midlert", "Maud Ericson", "Thomas Kvist", "Per Hallberg");
		Dialogue.Track skills = day.tracks().getFirst();
		ScanItem signal = this.scanning.list(this.strategist.organisationId(), Scanning.Filter.none()).getFirst();
		this.dialogues.report(this.reporter, day.id(), skills.id(), skills.version(), "Bostäder och utbildning först.",
				"Regionen samlar kommunerna.", List.of(this.priority1.key()), List.of(signal.id()));
		assertThatThrownBy(() -> this.dialogues.report(this.strategist, day.id(), skills.id(), skills.version(),
				"Annat", null, List.of(), List.of()))
			.isInstanceOf(EditConflictException.class);
		assertThatThrownBy(() -> this.dialogues.report(this.reviewer, day.id(), skills.id(), skills.version() + 1, "x",
				null, List.of(), List.of()))
			.isInstanceOf(AccessDeniedException.class);
		Dialogue.Track reported = this.dialogues.get(this.strategist.organisationId(), day.id()).tracks().getFirst();
		assertThat(reported.outcome()).isEqualTo("Bostäder och utbildning först.");
		assertThat(reported.elementKeys()).containsExactly(this.priority1.key());
		assertThat(reported.itemIds()).containsExactly(signal.id());
		assertThatThrownBy(() -> this.dialogues.addAgendaItem(this.reporter, day.id(), LocalTime.of(10, 0),
				LocalTime.of(9, 0), "Baklänges", null))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> this.dialogues.get(this.norrbotten.organisationId(), day.id()))
			.isInstanceOf(NotFoundException.class);
		byte[] xlsx = this.mvc.perform(get("/foresight/dialogues/" + day.id() + "/export").with(as(this.reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("Jan Midlert");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(3).getStringCellValue())
				.isEqualTo("Bostäder och utbildning först.");
		}
	}

	@Test
	void everythingIsSearchableAndWorkshopsAndScenariosCanBeChangedAndLinkedLater() throws Exception {
		Workshop workshop = workshop("Sökbar verkstad");
		this.board.add(this.reporter, workshop.id(), Quadrant.WEAKNESS, "Glesbygdens avstånd");
		Workshop changed = this.workshops.update(this.strategist, workshop.id(), workshop.version(), new Workshop.Draft(
				"Test", "Sökbar verkstad i Vindeln", null, "2404", null, 20, "Hybrid", List.of(this.priority1.key())));
		assertThat(changed.name()).isEqualTo("Sökbar verkstad i Vindeln");
		assertThatThrownBy(() -> this.workshops.update(this.reporter, workshop.id(), workshop.version(),
				new Workshop.Draft(null, "Gammal", null, null, null, null, null, List.of())))
			.isInstanceOf(EditConflictException.class);
		assertThat(this.workshops.search(this.reader.organisationId(), "glesbygd")).singleElement()
			.satisfies(e -> assertThat(e.getKey().name()).isEqualTo("Sökbar verkstad i Vindeln"));
		assertThat(this.dialogues.search(this.reader.organisationId(), "målkonflikter")).isNotEmpty();
		assertThat(this.scenarios.search(this.norrbotten.organisationId(), "rennäringen")).extracting(Scenario::name)
			.containsExactly("Förändrat globalt klimat med nya möjligheter");
		this.mvc.perform(get("/foresight/search").param("q", "glesbygd").with(as(this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Glesbygdens avstånd")));
		byte[] docx = this.mvc.perform(get("/foresight/export").param("format", "docx").with(as(this.reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(document.getTables().getFirst().getText()).contains("Nis2-direktivet");
		}
		this.mvc.perform(get("/foresight/scenarios/export").param("format", "docx").with(as(this.norrbotten)))
			.andExpect(status().isOk());
	}

	@Test
	void twoFacilitatorsPostingToTheBoardAtOnceOverHttpLoseNothing() throws Exception {
		Workshop workshop = workshop("Samtidigt över HTTP");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (StratlasPrincipal facilitator : List.of(this.reporter, this.strategist)) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < 10; i++) {
					this.mvc
						.perform(MockMvcRequestBuilders.post("/foresight/workshops/" + workshop.id() + "/items")
							.param("quadrant", "OPPORTUNITY")
							.param("text", facilitator.username() + " möjlighet " + i)
							.with(as(facilitator))
							.with(SecurityMockMvcRequestPostProcessors.csrf()))
						.andExpect(status().is3xxRedirection());
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		assertThat(this.workshops.swot(this.reader.organisationId(), workshop.id()).get(Quadrant.OPPORTUNITY))
			.hasSize(20)
			.extracting(SwotItem::text)
			.contains("rasmus.rapportor möjlighet 9", "sara.strateg möjlighet 9");
	}

}
