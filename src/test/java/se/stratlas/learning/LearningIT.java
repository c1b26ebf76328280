package se.stratlas.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.Target;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyDraft;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.strategy.VersionComparison.ChangeKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning loop on the real database: assessments with locking and history, lessons
 * that cite only the organisation's own evidence, and proposals that a second person
 * decides and that land in a draft version, where the comparison names them. Each test
 * works on its own adopted strategy, so the demo's RUS keeps its versions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearningIT {

	@Autowired
	LearningJournal journal;

	@Autowired
	RevisionProposals proposals;

	@Autowired
	StrategyOverview overview;

	@Autowired
	LearningPages pages;

	@Autowired
	StrategyManagement management;

	@Autowired
	StrategyCatalog strategies;

	@Autowired
	IndicatorRegistry indicators;

	@Autowired
	IndicatorLinks links;

	@Autowired
	IndicatorTargets targets;

	@Autowired
	ElementManagement elements;

	@Autowired
	Cycles cycles;

	@Autowired
	AuditTrail audit;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	StratlasPrincipal strategist;

	StratlasPrincipal administrator;

	StratlasPrincipal reader;

	StratlasPrincipal norrbotten;

	Strategy strategy;

	StrategyElement priority;

	Cycle cycle;

	@BeforeEach
	void setUp() {
		this.strategist = principal("sara.strateg");
		this.administrator = principal("anna.admin");
		this.reader = principal("lars.lasare");
		this.norrbotten = principal("nils.strateg");
		long org = this.strategist.organisationId();
		String code = "L" + UUID.randomUUID().toString().substring(0, 6);
		this.strategy = this.management.createStrategy(org,
				new StrategyDraft(code, "Lärande " + code, null, null, null, 2020, 2030, null, false), "2020",
				StrategyStatus.UTKAST, "test");
		StrategyVersion version = this.strategies.latestVersion(org, this.strategy.id());
		this.priority = this.elements.addElement(org, version.id(), null, new ElementDraft(ElementType.PRIORITY, "1",
				"Kompetensförsörjning", null, "Gammal lydelse", null, List.of()), "test");
		this.elements.addElement(org, version.id(), this.priority.id(),
				new ElementDraft(ElementType.SUB_PRIORITY, "1.1", "Vuxenutbildning", null, null, null, List.of()),
				"test");
		this.management.decide(org, version.id(), version.version(), "2020", StrategyStatus.ANTAGEN,
				"Regionfullmäktige", LocalDate.of(2020, 6, 1), null, "test");
		this.cycle = this.cycles.list(org).getFirst();
	}

	private StratlasPrincipal principal(String name) {
		return (StratlasPrincipal) this.users.loadUserByUsername(name);
	}

	@Test
	void anAssessmentIsLockedAgainstStaleEditsAndKeptInTheHistoryInWords() {
		Assessment first = this.journal.assess(this.strategist, this.priority.key(), this.cycle.id(), Judgement.PARTLY,
				"Sysselsättningen ökar men inte bland utrikes födda kvinnor.", null);
		Assessment second = this.journal.assess(this.strategist, this.priority.key(), this.cycle.id(),
				Judgement.OFF_TRACK, "Målet nås inte i tid.", first.version());
		assertThat(second.judgement()).isEqualTo(Judgement.OFF_TRACK);
		assertThatThrownBy(() -> this.journal.assess(this.administrator, this.priority.key(), this.cycle.id(),
				Judgement.ON_TRACK, "Gammal bild.", first.version()))
			.isInstanceOf(EditConflictException.class);
		assertThatThrownBy(() -> this.journal.assess(this.strategist, this.priority.key(), this.cycle.id(),
				Judgement.ON_TRACK, "  ", second.version()))
			.isInstanceOf(ValidationException.class)
			.satisfies(ex -> assertThat(((ValidationException) ex).violations().getFirst().field())
				.isEqualTo("motivation"));
		assertThat(this.audit.history(LearningJournal.ASSESSMENT, second.id()))
			.anySatisfy(event -> assertThat(event.changes().toString()).contains("delvis", "inte på väg"))
			.noneSatisfy(event -> assertThat(event.changes().toString()).contains("OFF_TRACK"));
		assertThatThrownBy(() -> this.journal.assess(this.reader, this.priority.key(), this.cycle.id(),
				Judgement.ON_TRACK, "x", null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aLessonCitesOnlyTheOrganisationsOwnEvidence() {
		IndicatorDefinition own = indicator(this.strategist, "LRN" + UUID.randomUUID().toString().substring(0, 5));
		Lesson lesson = this.journal.addLesson(this.strategist, this.priority.key(), this.cycle.id(),
				"Kompetensinsatser med arbetsgivare i styrgruppen når fler.", List.of("INDICATOR:" + own.id()));
		assertThat(lesson.evidence()).singleElement()
			.satisfies(e -> assertThat(e.label()).contains(own.code()))
			.satisfies(e -> assertThat(e.href()).isEqualTo("/indicators/" + own.id()));
		IndicatorDefinition theirs = indicator(this.norrbotten, "NB" + UUID.randomUUID().toString().substring(0, 5));
		assertThatThrownBy(() -> this.journal.updateLesson(this.strategist, lesson.id(), lesson.version(), "Ny text",
				List.of("INDICATOR:" + theirs.id())))
			.isInstanceOf(ValidationException.class)
			.satisfies(
					ex -> assertThat(((ValidationException) ex).violations().getFirst().field()).isEqualTo("evidence"));
		assertThatThrownBy(
				() -> this.journal.addLesson(this.strategist, this.priority.key(), null, "x", List.of("NONSENSE")))
			.isInstanceOf(ValidationException.class);
		assertThat(this.journal.lesson(this.strategist.organisationId(), lesson.id()).body())
			.startsWith("Kompetensinsatser");
	}

	@Test
	void aSecondPersonDecidesAndTheDraftsComparisonNamesTheProposal() {
		long org = this.strategist.organisationId();
		Proposal wording = this.proposals.propose(this.strategist,
				new Proposal.Draft(this.priority.key(), this.cycle.id(), Proposal.Kind.WORDING, "Skärp lydelsen", null,
						"Ny lydelse om kompetens i hela länet", null, null, null, null, null,
						"Uppföljningen visar att insatserna når städerna men inte inlandet.", List.of()));
		Proposal child = this.proposals.propose(this.strategist,
				new Proposal.Draft(this.priority.key(), null, Proposal.Kind.ADD_CHILD, "Ny delprioritering",
						"Validering", null, ElementType.SUB_PRIORITY, null, null, null, null, "Validering saknas.",
						List.of()));
		assertThatThrownBy(() -> this.proposals.decide(this.strategist, wording.id(), wording.version(), "ok"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("learning.proposal.ownDecision");
		Proposal prepared = this.proposals.prepare(this.strategist, wording.id(), wording.version());
		assertThat(prepared.state()).isEqualTo(Proposal.State.PREPARED);
		assertThatThrownBy(() -> this.proposals.decide(this.administrator, wording.id(), wording.version(), "ok"))
			.isInstanceOf(EditConflictException.class);

		Proposal decided = this.proposals.decide(this.administrator, wording.id(), prepared.version(),
				"Beslutat i ledningsgruppen.");
		Proposal added = this.proposals.decide(this.administrator, child.id(), child.version(), null);
		assertThat(decided.state()).isEqualTo(Proposal.State.DECIDED);
		assertThat(added.appliedVersionId()).isEqualTo(decided.appliedVersionId());

		StrategyVersion draft = this.strategies.latestVersion(org, this.strategy.id());
		assertThat(draft.status()).isEqualTo(StrategyStatus.UTKAST);
		assertThat(draft.id()).isEqualTo(decided.appliedVersionId());
		assertThat(this.strategies.elements(org, draft.id()))
			.anySatisfy(e -> assertThat(e.descriptionSv()).isEqualTo("Ny lydelse om kompetens i hela länet"))
			.anySatisfy(e -> assertThat(e.nameSv()).isEqualTo("Validering"));
		assertThat(this.strategies.element(org, this.priority.id()).descriptionSv())
			.as("the adopted version is untouched")
			.isEqualTo("Gammal lydelse");

		StrategyOverview.Revision revision = this.overview.revision(this.strategist, this.strategy.id(), null);
		assertThat(revision.changes()).anySatisfy(change -> {
			assertThat(change.difference().is(ChangeKind.CHANGED)).isTrue();
			assertThat(change.proposals()).extracting(Proposal::title).containsExactly("Skärp lydelsen");
		}).anySatisfy(change -> {
			assertThat(change.difference().is(ChangeKind.ADDED)).isTrue();
			assertThat(change.proposals()).extracting(Proposal::title).containsExactly("Ny delprioritering");
		});
		assertThatThrownBy(() -> this.proposals.reject(this.administrator, decided.id(), decided.version(), "nej"))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void aTargetProposalNeedsOneOfTheElementsIndicatorsAndSetsTheTargetWhenDecided() {
		long org = this.strategist.organisationId();
		IndicatorDefinition indicator = indicator(this.strategist,
				"TGT" + UUID.randomUUID().toString().substring(0, 5));
		Proposal.Draft draft = new Proposal.Draft(this.priority.key(), null, Proposal.Kind.TARGET, "Högre mål", null,
				null, null, indicator.id(), "AT_LEAST", 80.0, "2030", "Målet är redan nått.", List.of());
		assertThatThrownBy(() -> this.proposals.propose(this.strategist, draft)).isInstanceOf(ValidationException.class)
			.satisfies(ex -> assertThat(((ValidationException) ex).violations()).extracting(v -> v.field())
				.containsExactly("indicatorId"));
		this.links.linkElement(org, indicator.id(), this.priority.key(), "test");
		this.targets.addTarget(org, indicator.id(), null, null, Target.Comparator.AT_LEAST, 60.0, false, "2030", null,
				null, "test");
		Proposal proposal = this.proposals.propose(this.strategist, draft);
		this.proposals.decide(this.administrator, proposal.id(), proposal.version(), null);
		assertThat(this.targets.targets(indicator.id())).as("the decided target replaces the earlier one")
			.singleElement()
			.satisfies(t -> assertThat(t.value()).isEqualTo(80.0));
		assertThat(this.audit.history(RevisionProposals.PROPOSAL, proposal.id()))
			.anySatisfy(event -> assertThat(event.changes().toString()).contains("minst 60.0 senast 2030",
					"minst 80.0 senast 2030"));
		assertThat(this.strategies.latestVersion(org, this.strategy.id()).status())
			.as("a target is not a change of the strategy's text")
			.isEqualTo(StrategyStatus.ANTAGEN);
	}

	@Test
	void everyRoleReadsThePageAndOnlyStrategersWrite() throws Exception {
		this.mvc.perform(get("/learning/elements/{id}", this.priority.id()).with(user((UserDetails) this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Läget i korthet")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Spara bedömningen"))));
		this.mvc
			.perform(post("/learning/elements/{id}/lessons", this.priority.id()).param("body", "x")
				.with(user((UserDetails) this.reader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/learning/elements/{id}/lessons", this.priority.id()).param("body", "")
				.with(user((UserDetails) this.strategist))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorsFor", "lesson"));
		this.mvc.perform(get("/learning/elements/{id}", this.priority.id()).with(user((UserDetails) this.norrbotten)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/learning/strategies/{id}", this.strategy.id()).with(user((UserDetails) this.reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Kompetensförsörjning")));
	}

	private IndicatorDefinition indicator(StratlasPrincipal owner, String code) {
		return this.indicators
			.define(owner.organisationId(),
					new IndicatorDefinition.Draft(code, "Andel " + code, null, null, "procent", 1,
							Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, Source.OWN, null, false, null, null, null),
					"test");
	}

}
