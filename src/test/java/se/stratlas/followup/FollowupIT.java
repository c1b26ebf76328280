package se.stratlas.followup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.ContributionReviews;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.UnitFigureImports;
import se.stratlas.followup.internal.Notice;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Follow-up cycles on the real database, each rule and each role. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FollowupIT {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	Contributions contributions;

	@Autowired
	ContributionReviews reviews;

	@Autowired
	Products products;

	@Autowired
	ReportLayouts layouts;

	@Autowired
	AuditTrail audit;

	@Autowired
	Notices notices;

	@Autowired
	UnitFigureBook figures;

	@Autowired
	UnitFigureImports figureImports;

	@Autowired
	OrganisationUnits units;

	@Autowired
	StrategyCatalog strategies;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	StratlasPrincipal strategist;

	StratlasPrincipal reporter;

	StratlasPrincipal reviewer;

	StratlasPrincipal reader;

	StratlasPrincipal otherOrganisation;

	long reporterUnit;

	long otherUnit;

	@BeforeEach
	void setUp() {
		this.strategist = user("sara.strateg");
		this.reporter = user("rasmus.rapportor");
		this.reviewer = user("greta.granskare");
		this.reader = user("lars.lasare");
		this.otherOrganisation = user("nils.strateg");
		this.reporterUnit = this.reporter.unitId();
		this.otherUnit = this.units.list(this.strategist.organisationId())
			.stream()
			.filter(u -> u.name().equals("Folkhälsoenheten"))
			.map(OrganisationUnit::id)
			.findFirst()
			.orElseThrow();
	}

	private StratlasPrincipal user(String name) {
		return (StratlasPrincipal) this.users.loadUserByUsername(name);
	}

	private Cycle cycle(String name) {
		Cycle cycle = this.cycles.create(this.strategist, new Cycle.Draft(name, CycleKind.CUSTOM, "2024", null,
				LocalDate.now().minusDays(5), LocalDate.now().plusDays(2), null, null), Cycles.Template.EMPTY, null,
				null);
		return cycle;
	}

	private Section section(Cycle cycle, String title) {
		return this.cycleSections.addSection(this.strategist, cycle.id(), new Section.Draft("Kapitel", title,
				"Skriv om " + title, SectionKind.TEXT, null, null, List.of(), null));
	}

	private Contribution assigned(Cycle cycle, Section section, long unitId) {
		this.cycleSections.assign(this.strategist, cycle.id(), List.of(section.id()), unitId, null, null);
		return this.cycles.contributions(this.strategist.organisationId(), cycle.id())
			.stream()
			.filter(c -> c.sectionId() == section.id() && c.unitId() == unitId)
			.findFirst()
			.orElseThrow();
	}

	private Cycle open(Cycle cycle) {
		Cycle current = this.cycles.get(this.strategist.organisationId(), cycle.id());
		return this.cycles.transition(this.strategist, cycle.id(), current.version(), CycleState.OPEN);
	}

	private Contribution save(StratlasPrincipal user, Contribution c, String text) {
		return this.contributions.save(user, c.id(), c.version(), c.revision(), text, c.fulfilment(), false);
	}

	@Test
	void theStrategyTemplateAsksEachPriorityForTheSectionsOfResultatVasterbotten() {
		Strategy rus = this.strategies.strategies(this.strategist.organisationId())
			.stream()
			.filter(s -> "RUS".equals(s.code()) && s.organisationId() != null)
			.findFirst()
			.orElseThrow();
		long version = this.strategies.latestVersion(this.strategist.organisationId(), rus.id()).id();
		Cycle cycle = this.cycles.create(this.strategist,
				new Cycle.Draft("Mallprov", CycleKind.ANNUAL, "2025", version, null, null, null, null),
				Cycles.Template.STRATEGY, null, null);
		List<Section> sections = this.cycles.sections(this.strategist.organisationId(), cycle.id());
		// Two overall sections, then per priority: omvärld, bidrag, samverkan,
		// framgångsfaktorer, urval,
		// three directions and Agenda 2030.
		assertThat(sections).hasSize(2 + 6 * 9);
		assertThat(sections.stream().filter(s -> s.chapter().startsWith("Prioritering 5")).map(Section::title))
			.containsExactly("Omvärldsbevakning", "Regionens bidrag", "Samverkan", "Framgångsfaktorer och utmaningar",
					"Ett urval av insatser i länet", "Sammanhållen region", "Jämlik och jämställd inkludering",
					"Föregångare i omställning", "Agenda 2030");
		assertThatThrownBy(() -> this.cycles.create(this.strategist,
				new Cycle.Draft("Utan strategi", CycleKind.ANNUAL, "2025", null, null, null, null, null),
				Cycles.Template.STRATEGY, null, null))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void aCycleIsValidatedAtTheField() {
		assertThatThrownBy(() -> this.cycles.create(this.strategist,
				new Cycle.Draft(" ", CycleKind.ANNUAL, "2023X", null, LocalDate.of(2024, 2, 1),
						LocalDate.of(2024, 1, 1), null, null),
				Cycles.Template.EMPTY, null, null))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().stream().map(ValidationException.Violation::field))
						.containsExactlyInAnyOrder("name", "periodCode", "dueOn"));
		assertThatThrownBy(() -> this.cycles.create(this.reporter,
				new Cycle.Draft("x", CycleKind.ANNUAL, "2023", null, null, null, null, null), Cycles.Template.EMPTY,
				null, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theWholeReviewLoop() {
		Cycle cycle = cycle("Granskningsloop");
		Section section = section(cycle, "Regionens bidrag");
		Contribution c = assigned(cycle, section, this.reporterUnit);
		assertThat(c.state()).isEqualTo(ContributionState.NOT_STARTED);
		// Nobody writes before the cycle opens.
		assertThatThrownBy(() -> save(this.reporter, c, "för tidigt")).isInstanceOf(ValidationException.class);
		open(cycle);
		Contribution draft = save(this.reporter, c, "Vi har [[indikator:DEMO_NYFTG]] och [[insats:1]].");
		assertThat(draft.state()).isEqualTo(ContributionState.DRAFT);
		assertThat(draft.revision()).isEqualTo(1);
		Contribution ready = this.reviews.markReady(this.reporter, draft.id(), draft.version());
		assertThat(ready.state()).isEqualTo(ContributionState.READY);
		// A ready text is locked for its writer.
		assertThatThrownBy(() -> save(this.reporter, ready, "ändring")).isInstanceOf(ValidationException.class);
		// Returning needs a comment that says what to fix.
		assertThatThrownBy(() -> this.reviews.returnForRework(this.reviewer, ready.id(), ready.version(), " "))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> this.reviews.returnForRework(this.reporter, ready.id(), ready.version(), "x"))
			.isInstanceOf(AccessDeniedException.class);
		Contribution returned = this.reviews.returnForRework(this.reviewer, ready.id(), ready.version(),
				"Lägg till siffror för 2023.");
		assertThat(returned.state()).isEqualTo(ContributionState.RETURNED);
		assertThat(this.contributions.comments(this.reviewer.organisationId(), c.id()))
			.anySatisfy(comment -> assertThat(comment.kind()).isEqualTo(Comment.Kind.RETURN));
		assertThat(this.notices.list(this.reporter))
			.anySatisfy(n -> assertThat(n.kind()).isEqualTo(Notice.Kind.RETURNED));
		Contribution fixed = save(this.reporter, returned, returned.body() + "\n\nSiffror för 2023 finns ovan.");
		Contribution readyAgain = this.reviews.markReady(this.reporter, fixed.id(), fixed.version());
		Contribution approved = this.reviews.approve(this.reviewer, readyAgain.id(), readyAgain.version(), "");
		assertThat(approved.state()).isEqualTo(ContributionState.APPROVED);
		assertThat(approved.approvedRevision()).isEqualTo(2);
		// Every text and state change is in the history.
		List<Revision> history = this.contributions.revisions(this.reader.organisationId(), c.id());
		assertThat(history.stream().filter(r -> r.revision() != null)).hasSize(2);
		assertThat(history.stream().filter(r -> r.kind() == Revision.Kind.STATE)).hasSize(4);
		// An edit of an approved text needs a new approval.
		Contribution edited = save(this.reporter, approved, approved.body() + " Mer.");
		assertThat(edited.state()).isEqualTo(ContributionState.DRAFT);
		assertThat(edited.approvedRevision()).isEqualTo(2);
	}

	@Test
	void aGranskareCannotApproveTheirOwnLastEdit() {
		Cycle cycle = cycle("Fyra ögon");
		Contribution c = assigned(cycle, section(cycle, "Samverkan"), this.reporterUnit);
		open(cycle);
		Contribution draft = save(this.strategist, c, "Strategen skrev.");
		Contribution ready = this.reviews.markReady(this.strategist, draft.id(), draft.version());
		assertThatThrownBy(() -> this.reviews.approve(this.strategist, ready.id(), ready.version(), ""))
			.isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.violations().getFirst().messageKey())
				.isEqualTo("contribution.approve.ownText"));
		assertThat(this.reviews.approve(this.reviewer, ready.id(), ready.version(), "Bra.").state())
			.isEqualTo(ContributionState.APPROVED);
	}

	@Test
	void writersOnlyWriteForTheirUnitAndReadersNotAtAll() {
		Cycle cycle = cycle("Enheter");
		Section section = section(cycle, "Omvärldsbevakning");
		Contribution theirs = assigned(cycle, section, this.otherUnit);
		open(cycle);
		assertThatThrownBy(() -> save(this.reporter, theirs, "inte min")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> save(this.reader, theirs, "läsare")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> save(this.reviewer, theirs, "granskare")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.reviews.comment(this.reader, theirs.id(), null, "hej"))
			.isInstanceOf(AccessDeniedException.class);
		// Named responsible, the rapportör may write for the other unit too.
		this.cycleSections.assign(this.strategist, cycle.id(), List.of(section.id()), this.otherUnit,
				this.reporter.userId(), null);
		Contribution now = this.contributions.get(this.reporter.organisationId(), theirs.id());
		assertThat(save(this.reporter, now, "som ansvarig").body()).isEqualTo("som ansvarig");
		// Another organisation sees nothing.
		assertThatThrownBy(() -> this.contributions.get(this.otherOrganisation.organisationId(), theirs.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.cycles.get(this.otherOrganisation.organisationId(), cycle.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void twoSimultaneousEditorsLoseNothing() {
		Cycle cycle = cycle("Samtidigt");
		Contribution c = assigned(cycle, section(cycle, "Urval"), this.reporterUnit);
		open(cycle);
		Contribution base = save(this.reporter, c, "Första stycket.\n\nAndra stycket.\n\nTredje stycket.");
		// Both open revision 1; the strateg saves first.
		Contribution first = this.contributions.save(this.strategist, base.id(), base.version(), base.revision(),
				"Första stycket, skärpt.\n\nAndra stycket.\n\nTredje stycket.", null, false);
		assertThat(first.revision()).isEqualTo(2);
		String mine = "Första stycket.\n\nAndra stycket.\n\nTredje stycket, med siffror.";
		assertThatThrownBy(() -> this.contributions.save(this.reporter, base.id(), base.version(), base.revision(),
				mine, null, false))
			.isInstanceOfSatisfying(ContributionConflictException.class, ex -> {
				assertThat(ex.theirs().body()).startsWith("Första stycket, skärpt.");
				assertThat(ex.mine()).isEqualTo(mine);
				assertThat(ex.merge().conflicting()).isFalse();
				assertThat(ex.merge().text())
					.isEqualTo("Första stycket, skärpt.\n\nAndra stycket.\n\nTredje stycket, med siffror.");
			});
		// The saved text was not overwritten, and the losing text is kept as a conflict
		// copy.
		assertThat(this.contributions.get(c.organisationId(), c.id()).body()).startsWith("Första stycket, skärpt.");
		assertThat(this.contributions.revisions(c.organisationId(), c.id()))
			.anySatisfy(r -> assertThat(r.kind() == Revision.Kind.CONFLICT_COPY && r.body().equals(mine)).isTrue());
		// Saving the merge against the current version succeeds.
		Contribution current = this.contributions.get(c.organisationId(), c.id());
		Contribution merged = this.contributions.save(this.reporter, c.id(), current.version(), current.revision(),
				"Första stycket, skärpt.\n\nAndra stycket.\n\nTredje stycket, med siffror.", null, false);
		assertThat(merged.revision()).isEqualTo(3);
		// The same paragraph changed on both sides keeps both between markers.
		Contribution latest = merged;
		this.contributions.save(this.strategist, latest.id(), latest.version(), latest.revision(),
				latest.body().replace("Andra stycket.", "Andra stycket (strateg)."), null, false);
		assertThatThrownBy(() -> this.contributions.save(this.reporter, latest.id(), latest.version(),
				latest.revision(), latest.body().replace("Andra stycket.", "Andra stycket (rapportör)."), null, false))
			.isInstanceOfSatisfying(ContributionConflictException.class, ex -> {
				assertThat(ex.merge().conflicting()).isTrue();
				assertThat(ex.merge().text()).contains("Andra stycket (strateg).", "Andra stycket (rapportör).",
						"<<<<<<<", ">>>>>>>");
			});
	}

	@Test
	void autosavesOfOneWriterMakeOneRevision() {
		Cycle cycle = cycle("Autospar");
		Contribution c = assigned(cycle, section(cycle, "Agenda 2030"), this.reporterUnit);
		open(cycle);
		Contribution a = this.contributions.save(this.reporter, c.id(), c.version(), c.revision(), "A", null, true);
		Contribution b = this.contributions.save(this.reporter, a.id(), a.version(), a.revision(), "AB", null, true);
		Contribution d = this.contributions.save(this.reporter, b.id(), b.version(), b.revision(), "ABC", null, true);
		assertThat(d.revision()).isEqualTo(1);
		assertThat(this.contributions.textAt(c.organisationId(), c.id(), 1)).isEqualTo("ABC");
		Contribution saved = this.contributions.save(this.reporter, d.id(), d.version(), d.revision(), "ABCD", null,
				false);
		assertThat(saved.revision()).isEqualTo(2);
		// A stale autosave reports the conflict without keeping a copy each few seconds.
		assertThatThrownBy(() -> this.contributions.save(this.reporter, c.id(), d.version(), 0, "stale", null, true))
			.isInstanceOf(ContributionConflictException.class);
		assertThat(this.contributions.revisions(c.organisationId(), c.id()))
			.noneMatch(r -> r.kind() == Revision.Kind.CONFLICT_COPY);
	}

	@Test
	void aScorecardGoalNeedsItsFulfilment() {
		Cycle cycle = cycle("Styrkort");
		Section goal = this.cycleSections.addSection(this.strategist, cycle.id(), new Section.Draft("Styrkort",
				"Nöjda medborgare", null, SectionKind.GOAL, Perspective.MEDBORGARE, null, List.of("DEMO_HALSA"), null));
		assertThatThrownBy(() -> this.cycleSections.addSection(this.strategist, cycle.id(),
				new Section.Draft("Styrkort", "Utan perspektiv", null, SectionKind.GOAL, null, null, List.of(), null)))
			.isInstanceOf(ValidationException.class);
		Contribution c = assigned(cycle, goal, this.reporterUnit);
		open(cycle);
		Contribution draft = save(this.reporter, c, "Motivering.");
		assertThatThrownBy(() -> this.reviews.markReady(this.reporter, draft.id(), draft.version()))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("fulfilment"));
		Contribution assessed = this.contributions.save(this.reporter, draft.id(), draft.version(), draft.revision(),
				draft.body(), Fulfilment.PARTLY, false);
		assertThat(this.reviews.markReady(this.reporter, assessed.id(), assessed.version()).fulfilment())
			.isEqualTo(Fulfilment.PARTLY);
	}

	@Test
	void theResponsiblePersonOfAnAssignmentIsOneOfTheOrganisationsUsers() {
		Cycle cycle = cycle("Ansvarig");
		Section section = section(cycle, "Bidrag");
		assertThatThrownBy(() -> this.cycleSections.assign(this.strategist, cycle.id(), List.of(section.id()),
				this.reporterUnit, this.otherOrganisation.userId(), null))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().field()).isEqualTo("responsibleUserId"));
		assertThat(this.cycleSections.assign(this.strategist, cycle.id(), List.of(section.id()), this.reporterUnit,
				this.reporter.userId(), null))
			.isEqualTo(1);
	}

	@Test
	void aReportsStructureIsDataAStrategChangesWithFieldErrorsLockingAndHistory() {
		Cycle cycle = cycle("Struktur");
		Section answer = section(cycle, "Samverkan");
		Product report = this.products.create(this.strategist, cycle.id(), "Till regeringen",
				ProductKind.GOVERNMENT_REPORT, List.of());
		// Until changed, a report has its kind's parts: the government's questions.
		ReportLayouts.Layout initial = this.layouts.layout(this.reader.organisationId(), cycle.id(), report.id());
		assertThat(initial.custom()).isFalse();
		assertThat(initial.blocks().stream().filter(b -> b.kind() == ReportBlock.Kind.QUESTION)).hasSize(4);
		assertThat(this.layouts.layout(this.strategist.organisationId(), cycle.id(),
				this.products.create(this.strategist, cycle.id(), "Nämnden", ProductKind.ANNUAL_REPORT, List.of()).id())
			.blocks()
			.stream()
			.map(ReportBlock::kind)).containsExactly(ReportBlock.Kind.ABOUT, ReportBlock.Kind.GOAL_FULFILMENT,
					ReportBlock.Kind.TEXTS, ReportBlock.Kind.FINANCE, ReportBlock.Kind.STAFFING);
		// Each problem is named at its part; nothing is saved.
		List<ReportBlock> bad = List.of(ReportBlock.of(ReportBlock.Kind.ABOUT),
				new ReportBlock(ReportBlock.Kind.QUESTION, "Samverkan", " ", List.of(answer.id()), List.of("FINNS_EJ")),
				ReportBlock.of(ReportBlock.Kind.ABOUT));
		assertThatThrownBy(() -> this.layouts.save(this.strategist, cycle.id(), report.id(), report.version(), bad))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().stream().map(ValidationException.Violation::field))
						.containsExactly("blocks[1].question", "blocks[1].indicatorCodes", "blocks[2].kind"));
		assertThat(this.layouts.layout(this.strategist.organisationId(), cycle.id(), report.id()).custom()).isFalse();
		// Saved: the question's section joins the product so that freezing keeps its
		// text.
		List<ReportBlock> good = List.of(ReportBlock.of(ReportBlock.Kind.ABOUT), new ReportBlock(
				ReportBlock.Kind.QUESTION, "  Samverkan ", "Hur har ni samverkat?", List.of(answer.id()), List.of()));
		ReportLayouts.Layout saved = this.layouts.save(this.strategist, cycle.id(), report.id(), report.version(),
				good);
		assertThat(saved.custom()).isTrue();
		assertThat(saved.blocks().get(1).title()).isEqualTo("Samverkan");
		assertThat(saved.product().sectionIds()).containsExactly(answer.id());
		// Someone who opened the old version cannot overwrite it; a reporter cannot
		// change it; another organisation does not see it.
		assertThatThrownBy(() -> this.layouts.save(this.strategist, cycle.id(), report.id(), report.version(), good))
			.isInstanceOf(EditConflictException.class);
		assertThatThrownBy(
				() -> this.layouts.save(this.reporter, cycle.id(), report.id(), saved.product().version(), good))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.layouts.layout(this.otherOrganisation.organisationId(), cycle.id(), report.id()))
			.isInstanceOf(NotFoundException.class);
		// The history keeps what the structure was and became.
		assertThat(this.audit.history(Products.ENTITY, report.id())).anySatisfy(event -> {
			assertThat(event.action()).isEqualTo("LAYOUT");
			assertThat(String.valueOf(event.changes().get("structure").after()))
				.contains("Fråga: Samverkan – Hur har ni samverkat?");
		});
		// A frozen report keeps its structure; back to the default when lifted.
		Product frozen = this.products.freeze(this.strategist, cycle.id(), report.id(), saved.product().version());
		assertThatThrownBy(() -> this.layouts.reset(this.strategist, cycle.id(), report.id(), frozen.version()))
			.isInstanceOf(ValidationException.class);
		Product lifted = this.products.unfreeze(this.strategist, cycle.id(), report.id(), frozen.version());
		assertThat(this.layouts.reset(this.strategist, cycle.id(), report.id(), lifted.version()).custom()).isFalse();
	}

	@Test
	void oneApprovedTextAppearsInTwoProductsAndALaterEditIsFlaggedWhereFrozen() {
		Cycle cycle = cycle("Produkter");
		Section section = section(cycle, "Regionens bidrag");
		Contribution c = assigned(cycle, section, this.reporterUnit);
		open(cycle);
		Contribution draft = save(this.reporter, c, "Skrivet en gång.");
		Contribution ready = this.reviews.markReady(this.reporter, draft.id(), draft.version());
		this.reviews.approve(this.reviewer, ready.id(), ready.version(), "");
		Product annual = this.products.create(this.strategist, cycle.id(), "Årsredovisning", ProductKind.ANNUAL_REPORT,
				List.of(section.id()));
		Product government = this.products.create(this.strategist, cycle.id(), "Återrapportering",
				ProductKind.GOVERNMENT_REPORT, List.of(section.id()));
		assertThatThrownBy(
				() -> this.products.create(this.strategist, cycle.id(), "årsredovisning", ProductKind.OTHER, List.of()))
			.isInstanceOf(ValidationException.class);
		for (Product p : List.of(annual, government)) {
			Products.Entry entry = this.products.content(this.reader.organisationId(), cycle.id(), p.id())
				.getFirst()
				.entries()
				.getFirst();
			assertThat(entry.text()).isEqualTo("Skrivet en gång.");
			assertThat(entry.status()).isEqualTo(Products.Status.CURRENT);
		}
		Product frozen = this.products.freeze(this.strategist, cycle.id(), government.id(), government.version());
		assertThatThrownBy(
				() -> this.products.configure(this.strategist, cycle.id(), frozen.id(), frozen.version(), List.of()))
			.isInstanceOf(ValidationException.class);
		Contribution approved = this.contributions.get(c.organisationId(), c.id());
		save(this.reporter, approved, "Ändrat efter frysningen.");
		Products.Entry inFrozen = this.products.content(this.reader.organisationId(), cycle.id(), government.id())
			.getFirst()
			.entries()
			.getFirst();
		assertThat(inFrozen.text()).isEqualTo("Skrivet en gång.");
		assertThat(inFrozen.status()).isEqualTo(Products.Status.CHANGED_AFTER_FREEZE);
		Products.Entry inLive = this.products.content(this.reader.organisationId(), cycle.id(), annual.id())
			.getFirst()
			.entries()
			.getFirst();
		assertThat(inLive.text()).isEqualTo("Skrivet en gång.");
		assertThat(inLive.status()).isEqualTo(Products.Status.CHANGED_SINCE_APPROVAL);
		assertThat(this.contributions.usage(this.contributions.get(c.organisationId(), c.id())))
			.extracting(Contributions.Usage::changedAfterFreeze)
			.containsExactly(false, true);
		assertThatThrownBy(() -> this.products.freeze(this.reporter, cycle.id(), annual.id(), annual.version()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theNextCycleCopiesTheStructureAndOffersLastYearsTextExplicitly() {
		Cycle cycle = cycle("Cykel 2024");
		Section section = section(cycle, "Samverkan");
		Contribution c = assigned(cycle, section, this.reporterUnit);
		this.products.create(this.strategist, cycle.id(), "Rapport", ProductKind.FOLLOW_UP, List.of(section.id()));
		open(cycle);
		save(this.reporter, c, "Förra årets text.");
		Cycle next = this.cycles.createNext(this.strategist, cycle.id());
		assertThat(next.name()).isEqualTo("Cykel 2025");
		assertThat(next.periodCode()).isEqualTo("2025");
		assertThat(next.dueOn()).isEqualTo(cycle.dueOn().plusYears(1));
		assertThat(next.state()).isEqualTo(CycleState.PLANNED);
		List<Contribution> copied = this.cycles.contributions(this.strategist.organisationId(), next.id());
		assertThat(copied).singleElement().satisfies(n -> {
			assertThat(n.body()).isEmpty();
			assertThat(n.unitId()).isEqualTo(this.reporterUnit);
			assertThat(n.previousId()).isEqualTo(c.id());
		});
		assertThat(this.products.list(this.strategist.organisationId(), next.id())).singleElement()
			.satisfies(p -> assertThat(p.sectionIds()).hasSize(1));
		open(next);
		Contribution fresh = copied.getFirst();
		fresh = this.contributions.get(fresh.organisationId(), fresh.id());
		Contribution started = this.contributions.copyPrevious(this.reporter, fresh.id(), fresh.version());
		assertThat(started.body()).isEqualTo("Förra årets text.");
		assertThat(this.contributions.revisions(started.organisationId(), started.id()).getFirst().kind())
			.isEqualTo(Revision.Kind.COPY);
		// Never over a text that is already there.
		assertThatThrownBy(() -> this.contributions.copyPrevious(this.reporter, started.id(), started.version()))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void aClosedCycleTakesNoMoreTexts() {
		Cycle cycle = cycle("Stängd");
		Contribution c = assigned(cycle, section(cycle, "Text"), this.reporterUnit);
		Cycle open = open(cycle);
		Contribution draft = save(this.reporter, c, "text");
		Cycle review = this.cycles.transition(this.strategist, cycle.id(), open.version(), CycleState.REVIEW);
		this.cycles.transition(this.strategist, cycle.id(), review.version(), CycleState.CLOSED);
		assertThatThrownBy(() -> save(this.reporter, draft, "för sent")).isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> section(cycle, "nytt")).isInstanceOf(ValidationException.class);
		Cycle closed = this.cycles.get(cycle.organisationId(), cycle.id());
		assertThatThrownBy(() -> this.cycles.transition(this.strategist, cycle.id(), closed.version(), CycleState.OPEN))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(
				() -> this.cycles.transition(this.strategist, cycle.id(), closed.version() - 1, CycleState.PUBLISHED))
			.isInstanceOf(EditConflictException.class);
	}

	@Test
	void theOverviewCountsEachUnitsProgressAndLateness() {
		Cycle cycle = this.cycles.create(
				this.strategist, new Cycle.Draft("Översikt", CycleKind.CUSTOM, "2024", null,
						LocalDate.now().minusDays(30), LocalDate.now().minusDays(1), null, null),
				Cycles.Template.EMPTY, null, null);
		Contribution late = assigned(cycle, section(cycle, "A"), this.reporterUnit);
		Contribution done = assigned(cycle, section(cycle, "B"), this.reporterUnit);
		assigned(cycle, section(cycle, "C"), this.otherUnit);
		open(cycle);
		Contribution written = save(this.reporter, done, "klar");
		this.reviews.markReady(this.reporter, written.id(), written.version());
		save(this.reporter, late, "utkast");
		List<Cycles.UnitProgress> progress = this.cycles.progress(this.strategist.organisationId(), cycle.id(),
				LocalDate.now());
		Cycles.UnitProgress mine = progress.stream()
			.filter(p -> p.unitId() == this.reporterUnit)
			.findFirst()
			.orElseThrow();
		assertThat(mine.total()).isEqualTo(2);
		assertThat(mine.count("contribution.progress.late")).isEqualTo(1);
		assertThat(mine.count("contribution.state.ready")).isEqualTo(1);
		assertThat(progress.stream()
			.filter(p -> p.unitId() == this.otherUnit)
			.findFirst()
			.orElseThrow()
			.count("contribution.progress.late")).isEqualTo(1);
		// The rapportör's to-do list has the late text; the granskare's the ready one.
		assertThat(this.contributions.tasks(this.reporter))
			.anySatisfy(t -> assertThat(t.contribution().id()).isEqualTo(late.id()));
		assertThat(this.contributions.tasks(this.reviewer))
			.anySatisfy(t -> assertThat(t.contribution().id() == done.id() && t.review()).isTrue());
	}

	@Test
	void remindersComeOnceBeforeTheDeadlineAndAgainWhenLateAndAreEmailed() throws Exception {
		this.jdbc.sql("update accounts_user set email = 'rasmus@example.se' where username = 'rasmus.rapportor'")
			.update();
		Cycle cycle = this.cycles.create(this.strategist, new Cycle.Draft("Påminnelser", CycleKind.CUSTOM, "2024", null,
				null, LocalDate.of(2031, 3, 10), null, null), Cycles.Template.EMPTY, null, null);
		Contribution c = assigned(cycle, section(cycle, "Påminn mig " + UUID.randomUUID()), this.reporterUnit);
		open(cycle);
		// Texts of other cycles are long overdue by 2031; their reminders come once, now.
		this.notices.remind(LocalDate.of(2031, 3, 1));
		int before = this.notices.list(this.reporter).size();
		assertThat(this.notices.remind(LocalDate.of(2031, 3, 1))).isZero();
		assertThat(this.notices.remind(LocalDate.of(2031, 3, 8))).isPositive();
		assertThat(this.notices.remind(LocalDate.of(2031, 3, 9))).isZero();
		assertThat(this.notices.list(this.reporter)).hasSize(before + 1)
			.anySatisfy(n -> assertThat(n.kind() == Notice.Kind.DUE_SOON && n.contributionId() == c.id()).isTrue());
		assertThat(this.notices.remind(LocalDate.of(2031, 3, 11))).isPositive();
		assertThat(this.notices.list(this.reporter))
			.anySatisfy(n -> assertThat(n.kind() == Notice.Kind.OVERDUE && n.contributionId() == c.id()).isTrue());
		assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).anySatisfy(m -> {
			assertThat(m.getAllRecipients()[0].toString()).isEqualTo("rasmus@example.se");
			assertThat(m.getSubject()).contains("försenad");
		});
		this.notices.markRead(this.reporter);
		assertThat(this.notices.unread(this.reporter)).isZero();
	}

	@Test
	void figuresAreValidatedAndSavedAllOrNothing() {
		String period = "2019T2";
		assertThatThrownBy(() -> this.figures.saveGrid(this.strategist, period,
				List.of(new UnitFigures.Draft(this.reporterUnit, new BigDecimal("10"), new BigDecimal("9"), null, null,
						null, 10, null, 4, null, null, null),
						new UnitFigures.Draft(this.otherUnit, null, new BigDecimal("3"), null, null, null, 5, null, 6,
								new BigDecimal("120"), null, null))))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().stream().map(ValidationException.Violation::field))
						.containsExactlyInAnyOrder("rows[1].budget", "rows[1].permanentEmployees",
								"rows[1].sickLeavePct"));
		assertThat(this.figures.rows(this.strategist.organisationId(), period, false)).isEmpty();
		assertThatThrownBy(
				() -> this.figures
					.saveGrid(this.reporter, period,
							List.of(new UnitFigures.Draft(this.otherUnit, BigDecimal.ONE, BigDecimal.ONE, null, null,
									null, null, null, null, null, null, null))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.figures.saveGrid(this.reporter, period,
				List.of(new UnitFigures.Draft(this.reporterUnit, new BigDecimal("10"), new BigDecimal("8.5"),
						new BigDecimal("-2"), null, null, 12, -1, 10, new BigDecimal("4.5"), null, null))))
			.isEqualTo(1);
		UnitFigureBook.Row row = this.figures.rows(this.strategist.organisationId(), period, false).getFirst();
		assertThat(row.figures().deviation()).isEqualByComparingTo("-1.5");
	}

	@Test
	void aFinanceExportIsImportedWithItsTotalCheckedAndEveryProblemLocated() {
		String unit = this.units.get(this.strategist.organisationId(), this.reporterUnit).name();
		String other = this.units.get(this.strategist.organisationId(), this.otherUnit).name();
		String header = "enhet;period;budget_mnkr;utfall_mnkr;helårsprognos_mnkr;antal_anställda;varav_tillsvidare;sjukfrånvaro_procent\n";
		String broken = header + unit + ";2018T1;10;9,5;x;10;11;4\n" + "Okänd enhet;2018T1;1;1;;;;\n" + other
				+ ";2018;;2;;;;\n" + "Totalt;2018T1;99;10;;;;\n";
		assertThatThrownBy(() -> this.figureImports.importFile(this.strategist, "ekonomi.csv",
				broken.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ImportRefusedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.row() + ":" + p.column())
						.contains("2:helårsprognos_mnkr", "2:varav_tillsvidare", "3:enhet*", "4:budget_mnkr*",
								"5:budget_mnkr*"));
		assertThat(this.figures.rows(this.strategist.organisationId(), "2018T1", false)).isEmpty();
		String good = header + unit + ";2018T1;10;9,5;-1;10;8;4\n" + other + ";2018T1;5;6;0;;;\n"
				+ "Totalt;2018T1;15;15,5;-1;;;\n";
		UnitFigureImports.ImportResult result = this.figureImports.importFile(this.strategist, "ekonomi.csv",
				good.getBytes(StandardCharsets.UTF_8));
		assertThat(result.inserted()).isEqualTo(2);
		UnitFigureImports.ImportResult again = this.figureImports.importFile(this.strategist, "ekonomi.csv",
				good.getBytes(StandardCharsets.UTF_8));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(UnitFigureBook.totals(this.figures.rows(this.strategist.organisationId(), "2018T1", false))
			.get("outcome")).isEqualByComparingTo("15.5");
	}

	@Test
	void theDemoHasTheSeedTextsApprovedAndNorrbottensDivisions() {
		Cycle resultat = this.cycles.list(this.strategist.organisationId())
			.stream()
			.filter(c -> c.name().equals("Resultat Västerbotten 2023"))
			.findFirst()
			.orElseThrow();
		List<Contribution> written = this.cycles.contributions(this.strategist.organisationId(), resultat.id())
			.stream()
			.filter(c -> c.approvedRevision() != null)
			.toList();
		// Priority 2 has all eight sections of the seed, priority 5 seven (its
		// Föregångare is empty there).
		assertThat(written).hasSizeGreaterThanOrEqualTo(15);
		assertThat(written).allSatisfy(c -> assertThat(c.demoNote()).contains("Resultat Västerbotten 2023"));
		assertThat(written).anySatisfy(c -> assertThat(c.body()).contains("[[indikator:").contains("[[insats:"));
		assertThat(this.products.list(this.strategist.organisationId(), resultat.id())).hasSize(3);
		Cycle tertial = this.cycles.list(this.otherOrganisation.organisationId())
			.stream()
			.filter(c -> c.periodCode().equals("2021T1"))
			.findFirst()
			.orElseThrow();
		// Six divisions, and the regiondirektör's staff with the report's own three
		// sections.
		assertThat(this.cycles.progress(this.otherOrganisation.organisationId(), tertial.id(), LocalDate.now()))
			.hasSize(7)
			.anySatisfy(p -> {
				assertThat(p.unitName()).isEqualTo("Regiondirektörens stab");
				assertThat(p.total()).isEqualTo(3);
			});
		assertThat(this.figures.rows(this.otherOrganisation.organisationId(), "2021T1", false)).hasSize(6)
			.anySatisfy(r -> {
				assertThat(r.unit().name()).isEqualTo("Division Länsteknik");
				assertThat(r.figures().employees()).isEqualTo(131);
				assertThat(r.figures().deviation()).isEqualByComparingTo("3");
			});
	}

	@Test
	void aProductPutsItsSectionsInAnOrderOfItsOwnThatTheNextCycleKeeps() {
		Cycle cycle = cycle("Ordning 2024");
		Section first = section(cycle, "Först i mallen");
		Section second = section(cycle, "Sedan i mallen");
		Product product = this.products.create(this.strategist, cycle.id(), "Egen ordning", ProductKind.OTHER,
				List.of(first.id(), second.id()));
		assertThat(this.products.orderedSections(this.reader.organisationId(), cycle.id(), product.id()))
			.extracting(Section::title)
			.containsExactly("Först i mallen", "Sedan i mallen");
		Product moved = this.products.move(this.strategist, cycle.id(), product.id(), product.version(), second.id(),
				true);
		assertThat(this.products.orderedSections(this.reader.organisationId(), cycle.id(), product.id()))
			.extracting(Section::title)
			.containsExactly("Sedan i mallen", "Först i mallen");
		assertThat(this.products.content(this.reader.organisationId(), cycle.id(), product.id()))
			.extracting(p -> p.section().title())
			.containsExactly("Sedan i mallen", "Först i mallen");
		assertThatThrownBy(() -> this.products.move(this.strategist, cycle.id(), product.id(), moved.version() - 1,
				first.id(), true))
			.isInstanceOf(EditConflictException.class);
		Cycle next = this.cycles.createNext(this.strategist, cycle.id());
		Product copied = this.products.list(this.reader.organisationId(), next.id()).getFirst();
		assertThat(this.products.orderedSections(this.reader.organisationId(), next.id(), copied.id()))
			.extracting(Section::title)
			.containsExactly("Sedan i mallen", "Först i mallen");
	}

	@Test
	void theTemplatesSectionsCanBeReordered() {
		Cycle cycle = cycle("Mallordning");
		Section a = section(cycle, "A");
		Section b = section(cycle, "B");
		section(cycle, "C");
		this.cycleSections.moveSection(this.strategist, cycle.id(), b.id(), true);
		assertThat(this.cycles.sections(this.reader.organisationId(), cycle.id())).extracting(Section::title)
			.containsExactly("B", "A", "C");
		this.cycleSections.moveSection(this.strategist, cycle.id(), b.id(), true);
		this.cycleSections.moveSection(this.strategist, cycle.id(), a.id(), false);
		assertThat(this.cycles.sections(this.reader.organisationId(), cycle.id())).extracting(Section::title)
			.containsExactly("B", "C", "A");
		assertThatThrownBy(() -> this.cycleSections.moveSection(this.reporter, cycle.id(), a.id(), true))
			.isInstanceOf(AccessDeniedException.class);
	}

}
