package se.stratlas.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.Organisations;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrategyManagementIT {

	@Autowired
	StrategyManagement management;

	@Autowired
	ElementManagement elements;

	@Autowired
	StrategyCatalog catalog;

	@Autowired
	StrategyTransfer transfer;

	@Autowired
	AuditTrail audit;

	@Autowired
	Organisations organisations;

	long vasterbotten;

	long norrbotten;

	@BeforeEach
	void organisations() {
		this.vasterbotten = this.organisations.findByCode("vasterbotten").orElseThrow().id();
		this.norrbotten = this.organisations.findByCode("norrbotten").orElseThrow().id();
	}

	private Strategy newStrategy(String code, boolean published) {
		return this.management.createStrategy(this.vasterbotten,
				new StrategyDraft(code, "Teststrategi " + code, null, null, null, 2024, 2030, null, published), null,
				null, "tester");
	}

	private long latest(Strategy strategy) {
		return this.catalog.latestVersion(this.vasterbotten, strategy.id()).id();
	}

	private StrategyElement add(long version, Long parent, ElementType type, String code, String name) {
		return this.elements.addElement(this.vasterbotten, version, parent,
				new ElementDraft(type, code, name, null, null, null, List.of()), "tester");
	}

	@Test
	void secondSaveOfTheSameElementGetsAConflictWithTheOtherChange() {
		Strategy strategy = newStrategy("KONFLIKT", false);
		StrategyElement element = add(latest(strategy), null, ElementType.PRIORITY, "1", "Original");
		this.elements.updateElement(this.vasterbotten, element.id(), element.version(),
				new ElementDraft(ElementType.PRIORITY, "1", "Annas namn", null, null, null, List.of()), "anna");

		assertThatThrownBy(() -> this.elements.updateElement(this.vasterbotten, element.id(), element.version(),
				new ElementDraft(ElementType.PRIORITY, "1", "Bertils namn", null, null, null, List.of()), "bertil"))
			.isInstanceOf(EditConflictException.class)
			.satisfies(ex -> assertThat(((StrategyElement) ((EditConflictException) ex).current()).nameSv())
				.isEqualTo("Annas namn"));
		assertThat(this.catalog.element(this.vasterbotten, element.id()).nameSv()).isEqualTo("Annas namn");
	}

	@Test
	void everyChangeIsInTheElementsHistoryWithWhoAndWhat() {
		Strategy strategy = newStrategy("HISTORIK", false);
		StrategyElement element = add(latest(strategy), null, ElementType.PRIORITY, "1", "Före");
		this.elements.updateElement(this.vasterbotten, element.id(), element.version(),
				new ElementDraft(ElementType.PRIORITY, "1", "Efter", null, "Ny beskrivning", null, List.of("1:0")),
				"sara.strateg");

		List<AuditEvent> history = this.audit.history("strategy-element", element.key());
		assertThat(history).extracting(AuditEvent::action).containsExactly("UPDATED", "CREATED");
		AuditEvent update = history.getFirst();
		assertThat(update.actor()).isEqualTo("sara.strateg");
		assertThat(update.changes()).containsKeys("nameSv", "descriptionSv", "aliases").doesNotContainKey("code");
		assertThat(update.changes().get("nameSv").before()).isEqualTo("Före");
		assertThat(update.changes().get("nameSv").after()).isEqualTo("Efter");
	}

	@Test
	void codesAreUniqueWithinAVersionAndTypesFollowTheRules() {
		Strategy strategy = newStrategy("REGLER", false);
		long version = latest(strategy);
		StrategyElement priority = add(version, null, ElementType.PRIORITY, "1", "Prioritering");
		assertThatThrownBy(() -> add(version, null, ElementType.PRIORITY, "1", "Samma kod")).isInstanceOfSatisfying(
				ValidationException.class,
				ex -> assertThat(ex.violations()).extracting(ValidationException.Violation::messageKey)
					.containsExactly("element.code.taken"));
		assertThatThrownBy(() -> add(version, null, ElementType.SUB_PRIORITY, "1.1", "Delprioritering överst"))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().messageKey()).isEqualTo("element.type.notAllowedHere"));
		StrategyElement sub = add(version, priority.id(), ElementType.SUB_PRIORITY, "1.1", "Delprioritering");
		assertThat(sub.path()).isEqualTo(priority.path() + sub.id() + "/");
	}

	@Test
	void anElementCannotBeMovedUnderItsOwnDescendant() {
		Strategy strategy = newStrategy("CYKEL", false);
		long version = latest(strategy);
		StrategyElement goal = add(version, null, ElementType.GOAL, "M", "Mål");
		StrategyElement inner = add(version, goal.id(), ElementType.GOAL, "M.1", "Delmål");
		assertThatThrownBy(() -> this.elements.moveElement(this.vasterbotten, goal.id(), goal.version(), inner.id(),
				null, "tester"))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().messageKey()).isEqualTo("element.move.cycle"));
	}

	@Test
	void movingAnElementMovesItsSubtreeAndKeepsPathsConsistent() {
		Strategy strategy = newStrategy("FLYTT", false);
		long version = latest(strategy);
		StrategyElement p1 = add(version, null, ElementType.PRIORITY, "1", "Ett");
		StrategyElement p2 = add(version, null, ElementType.PRIORITY, "2", "Två");
		StrategyElement focus = add(version, p1.id(), ElementType.FOCUS_AREA, "F", "Fokus");
		StrategyElement action = add(version, focus.id(), ElementType.ACTION, "F.1", "Åtgärd");

		this.elements.moveElement(this.vasterbotten, focus.id(), focus.version(), p2.id(), 0, "tester");

		StrategyElement movedAction = this.catalog.element(this.vasterbotten, action.id());
		assertThat(movedAction.path()).isEqualTo(p2.path() + focus.id() + "/" + action.id() + "/");
		assertThat(this.catalog.ancestors(movedAction)).extracting(StrategyElement::code).containsExactly("2", "F");
	}

	@Test
	void aNewVersionCopiesTheTreeAndComparisonShowsWhatChanged() {
		Strategy strategy = newStrategy("VERSION", false);
		long v1 = latest(strategy);
		StrategyElement kept = add(v1, null, ElementType.FOCUS_AREA, "1", "Digitala infrastrukturer");
		StrategyElement dropped = add(v1, null, ElementType.FOCUS_AREA, "5", "Digital transformation");
		StrategyVersion v2 = this.management.createVersion(this.vasterbotten, strategy.id(), "Antagen", null, "tester");

		List<StrategyElement> copy = this.catalog.elements(this.vasterbotten, v2.id());
		assertThat(copy).extracting(StrategyElement::key).containsExactlyInAnyOrder(kept.key(), dropped.key());
		StrategyElement keptCopy = copy.stream().filter(e -> e.key().equals(kept.key())).findFirst().orElseThrow();
		StrategyElement droppedCopy = copy.stream()
			.filter(e -> e.key().equals(dropped.key()))
			.findFirst()
			.orElseThrow();
		this.elements.updateElement(this.vasterbotten, keptCopy.id(), keptCopy.version(),
				new ElementDraft(ElementType.FOCUS_AREA, "1", "Digital infrastruktur", null, null, null, List.of()),
				"tester");
		this.elements.deleteElement(this.vasterbotten, droppedCopy.id(), droppedCopy.version(), "tester");

		List<VersionComparison.Difference> differences = this.catalog.compare(this.vasterbotten, v1, v2.id());
		assertThat(differences).extracting(d -> d.kinds().iterator().next())
			.containsExactlyInAnyOrder(VersionComparison.ChangeKind.RENAMED, VersionComparison.ChangeKind.REMOVED);
		assertThat(this.catalog.element(this.vasterbotten, kept.id()).nameSv()).isEqualTo("Digitala infrastrukturer");
	}

	@Test
	void olderVersionsAreReadOnly() {
		Strategy strategy = newStrategy("GAMMAL", false);
		long v1 = latest(strategy);
		StrategyElement element = add(v1, null, ElementType.PRIORITY, "1", "Ett");
		this.management.createVersion(this.vasterbotten, strategy.id(), "Version 2", null, "tester");
		assertThatThrownBy(() -> this.elements.updateElement(this.vasterbotten, element.id(), element.version(),
				ElementDraft.of(element), "tester"))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations().getFirst().messageKey()).isEqualTo("version.notLatest"));
	}

	@Test
	void anAdoptedVersionNeedsItsDecision() {
		Strategy strategy = newStrategy("BESLUT", false);
		StrategyVersion version = this.catalog.latestVersion(this.vasterbotten, strategy.id());
		assertThatThrownBy(() -> this.management.decide(this.vasterbotten, version.id(), version.version(), "Antagen",
				StrategyStatus.ANTAGEN, null, null, null, "tester"))
			.isInstanceOf(ValidationException.class);
		StrategyVersion decided = this.management.decide(this.vasterbotten, version.id(), version.version(), "Antagen",
				StrategyStatus.ANTAGEN, "Regionfullmäktige", LocalDate.of(2024, 6, 12), null, "tester");
		assertThat(decided.status()).isEqualTo(StrategyStatus.ANTAGEN);
		assertThat(decided.decisionBody()).isEqualTo("Regionfullmäktige");
	}

	@Test
	void anotherOrganisationSeesOnlyWhatIsPublishedAndChangesNothing() {
		Strategy internal = newStrategy("INTERN", false);
		Strategy published = newStrategy("PUBLIK", true);
		StrategyElement element = add(latest(published), null, ElementType.PRIORITY, "1", "Ett");

		assertThat(this.catalog.strategies(this.norrbotten)).extracting(Strategy::code)
			.contains("PUBLIK")
			.doesNotContain("INTERN");
		assertThatThrownBy(() -> this.catalog.strategy(this.norrbotten, internal.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.elements.updateElement(this.norrbotten, element.id(), element.version(),
				ElementDraft.of(element), "nils.strateg"))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(this.catalog.strategies(null)).extracting(Strategy::code).doesNotContain("INTERN");
	}

	@Test
	void aStrategyDefinesItsOwnAssessmentScale() {
		Strategy strategy = newStrategy("SKALA", false);
		assertThat(this.catalog.assessmentScale(strategy.id())).isEqualTo(AssessmentLevel.DEFAULT_SCALE);
		List<AssessmentLevel> scale = List.of(new AssessmentLevel("JA", "ja", "yes", 1),
				new AssessmentLevel("NEJ", "nej", "no", 0));
		assertThat(this.management.setAssessmentScale(this.vasterbotten, strategy.id(), scale, "tester"))
			.extracting(AssessmentLevel::code)
			.containsExactly("JA", "NEJ");
		assertThatThrownBy(() -> this.management.setAssessmentScale(this.vasterbotten, strategy.id(),
				List.of(new AssessmentLevel("A", "a", null, 1), new AssessmentLevel("B", "b", null, 2)), "tester"))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void theReferenceFrameworkCannotBeChanged() {
		Strategy agenda = this.catalog.strategies(this.vasterbotten)
			.stream()
			.filter(Strategy::framework)
			.findFirst()
			.orElseThrow();
		StrategyVersion version = this.catalog.latestVersion(this.vasterbotten, agenda.id());
		StrategyElement goal = this.catalog.elements(this.vasterbotten, version.id()).getFirst();
		assertThatThrownBy(() -> this.elements.updateElement(this.vasterbotten, goal.id(), goal.version(),
				ElementDraft.of(goal), "tester"))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void exportAndImportAreLosslessInARoundTrip() {
		Strategy strategy = newStrategy("RUNDA", true);
		long v1 = latest(strategy);
		StrategyElement priority = add(v1, null, ElementType.PRIORITY, "1", "Ett");
		this.elements.addElement(this.vasterbotten, v1, priority.id(), new ElementDraft(ElementType.SUB_PRIORITY, "1.1",
				"Delprioritering", "Sub-priority", "Beskrivning", "Description", List.of("1:1")), "tester");
		StrategyVersion v2 = this.management.createVersion(this.vasterbotten, strategy.id(), "Remiss",
				StrategyStatus.REMISS, "tester");
		StrategyElement copy = this.catalog.elements(this.vasterbotten, v2.id()).getFirst();
		Strategy rus = this.catalog.strategies(this.vasterbotten)
			.stream()
			.filter(s -> "RUS".equals(s.code()))
			.findFirst()
			.orElseThrow();
		StrategyElement rusP1 = this.catalog
			.elements(this.vasterbotten, this.catalog.latestVersion(this.vasterbotten, rus.id()).id())
			.stream()
			.filter(e -> "1".equals(e.code()))
			.findFirst()
			.orElseThrow();
		this.elements.link(this.vasterbotten, copy.id(), rusP1.id(), RelationType.BIDRAR_TILL, "not", "tester");

		StrategyDocument exported = this.transfer.export(this.vasterbotten, strategy.id());
		this.management.deleteStrategy(this.vasterbotten, strategy.id(),
				this.catalog.strategy(this.vasterbotten, strategy.id()).version(), "tester");
		StrategyTransfer.ImportResult result = this.transfer.importDocument(this.vasterbotten, exported, "tester");

		assertThat(result.keysReplaced()).isFalse();
		assertThat(result.versions()).isEqualTo(2);
		assertThat(result.elements()).isEqualTo(4);
		assertThat(result.links()).isEqualTo(1);
		assertThat(this.transfer.export(this.vasterbotten, result.strategy().id())).isEqualTo(exported);
	}

	@Test
	void importingADocumentWhoseKeysExistGetsNewKeysAndIsAllOrNothing() {
		Strategy strategy = newStrategy("KOPIA", false);
		add(latest(strategy), null, ElementType.PRIORITY, "1", "Ett");
		StrategyDocument exported = this.transfer.export(this.vasterbotten, strategy.id());
		StrategyDocument renamed = new StrategyDocument(exported.format(),
				new StrategyDocument.Header("KOPIA2", "Kopia", null, null, null, 2024, 2030, null, false),
				exported.versions(), exported.links());
		StrategyTransfer.ImportResult result = this.transfer.importDocument(this.vasterbotten, renamed, "tester");
		assertThat(result.keysReplaced()).isTrue();

		StrategyDocument broken = new StrategyDocument(exported.format(),
				new StrategyDocument.Header("TRASIG", "Trasig", null, null, null, null, null, null, false),
				List.of(new StrategyDocument.Version(1, "v1", StrategyStatus.UTKAST, null, null, null,
						List.of(new StrategyDocument.Element(UUID.randomUUID(), ElementType.SUB_PRIORITY, "1.1", "Fel",
								null, null, null, List.of(), List.of(), false)))),
				List.of());
		assertThatThrownBy(() -> this.transfer.importDocument(this.vasterbotten, broken, "tester"))
			.isInstanceOf(ValidationException.class);
		assertThat(this.catalog.strategies(this.vasterbotten)).extracting(Strategy::code).doesNotContain("TRASIG");
	}

}
