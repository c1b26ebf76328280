package se.stratlas.initiatives;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InitiativesIT {

	@Autowired
	InitiativeCatalog catalog;

	@Autowired
	InitiativeManagement management;

	@Autowired
	InitiativeParts parts;

	@Autowired
	Applications applications;

	@Autowired
	Portfolio portfolio;

	@Autowired
	InitiativeImport importer;

	@Autowired
	StrategyCatalog strategies;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	StratlasPrincipal strategist;

	StratlasPrincipal reporter;

	StratlasPrincipal reviewer;

	Strategy rus;

	List<Direction> directions;

	@BeforeEach
	void setUp() {
		this.strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		this.reporter = (StratlasPrincipal) this.users.loadUserByUsername("rasmus.rapportor");
		this.reviewer = (StratlasPrincipal) this.users.loadUserByUsername("greta.granskare");
		this.rus = this.strategies.strategies(this.strategist.organisationId())
			.stream()
			.filter(s -> "RUS".equals(s.code()) && s.organisationId() != null)
			.findFirst()
			.orElseThrow();
		this.directions = this.strategies.directions(this.strategist.organisationId(), this.rus.id());
	}

	private Direction direction(String name) {
		return this.directions.stream().filter(d -> d.element().nameSv().equals(name)).findFirst().orElseThrow();
	}

	private Application newApplication(String title) {
		return this.applications.register(this.reporter, new Application.Draft(this.rus.id(), title, null,
				"Testansökan", BigDecimal.valueOf(500_000), FundingSource.ANSLAG_1_1));
	}

	private void assess(Application application, String direction, String level) {
		this.applications.assess(this.reporter, application.id(),
				new AssessmentDraft(direction(direction).element().key(), level, null, null, null, "motivering"));
	}

	@Test
	void theInclusionDirectionIsAGateForFunding() {
		assertThat(direction("Jämlik och jämställd inkludering").fundingGate()).isTrue();
		assertThat(direction("Sammanhållen region").fundingGate()).isFalse();
	}

	@Test
	void aGrantIsRefusedWhileTheGateAssessmentIsMissingAndSaysWhy() {
		Application application = newApplication("Grind saknas");
		assess(application, "Sammanhållen region", "BIDRAR");
		assertThatThrownBy(() -> this.applications.decide(this.reviewer, application.id(), application.version(),
				Decision.BEVILJAD, BigDecimal.valueOf(400_000), LocalDate.of(2024, 3, 1), null))
			.isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.violations()).anySatisfy(v -> {
				assertThat(v.messageKey()).isEqualTo("application.gate.missing");
				assertThat(v.args()).containsExactly("Jämlik och jämställd inkludering");
			}));
		assertThat(this.applications.get(this.reporter.organisationId(), application.id()).decision())
			.isEqualTo(Decision.INKOMMEN);
	}

	@Test
	void aGrantIsRefusedWhileTheGateAssessmentIsNotPositive() {
		Application application = newApplication("Grind negativ");
		assess(application, "Jämlik och jämställd inkludering", "BIDRAR_INTE");
		assertThatThrownBy(() -> this.applications.decide(this.reviewer, application.id(), application.version(),
				Decision.BEVILJAD, BigDecimal.valueOf(400_000), null, null))
			.isInstanceOfSatisfying(ValidationException.class,
					ex -> assertThat(ex.violations()).extracting(ValidationException.Violation::messageKey)
						.contains("application.gate.negative"));
	}

	@Test
	void aGrantedApplicationBecomesAnInitiativeWithItsMoneyAndAssessments() {
		Application application = newApplication("Beviljas");
		assess(application, "Jämlik och jämställd inkludering", "BIDRAR_VASENTLIGT");
		assess(application, "Föregångare i omställning", "MOTVERKAR");
		Application granted = this.applications.decide(this.reviewer, application.id(), application.version(),
				Decision.BEVILJAD, BigDecimal.valueOf(450_000), LocalDate.of(2024, 5, 2), "beviljas");

		assertThat(granted.decision()).isEqualTo(Decision.BEVILJAD);
		assertThat(granted.initiativeId()).isNotNull();
		InitiativeDetails initiative = this.catalog.details(this.reporter.organisationId(), granted.initiativeId());
		assertThat(initiative.initiative().name()).isEqualTo("Beviljas");
		assertThat(initiative.totalFunding()).isEqualByComparingTo("450000");
		assertThat(initiative.funding().getFirst().year()).isEqualTo(2024);
		assertThat(initiative.assessments()).hasSize(2);
		assertThatThrownBy(() -> this.applications.decide(this.reviewer, application.id(), granted.version(),
				Decision.AVSLAG, null, null, null))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void aReporterChangesOnlyTheInitiativesOfTheirUnit() {
		Initiative own = this.management.create(this.reporter,
				new InitiativeDraft("Egen insats", null, InitiativeType.PROJEKT, Status.PLANERAD, null, null, null,
						null, null, null, null, null, this.reporter.unitId(), null, List.of("2480"), List.of()));
		this.parts.addFunding(this.reporter, own.id(), FundingSource.ANSLAG_1_1, 2024, BigDecimal.valueOf(100_000),
				null);
		long otherUnit = this.jdbc.sql("select id from accounts_unit where name = 'Folkhälsoenheten'")
			.query(Long.class)
			.single();
		Initiative theirs = this.management.create(this.strategist,
				new InitiativeDraft("Annans insats", null, InitiativeType.PROJEKT, Status.PLANERAD, null, null, null,
						null, null, null, null, null, otherUnit, null, List.of(), List.of()));

		assertThatThrownBy(() -> this.parts.addFunding(this.reporter, theirs.id(), FundingSource.ANSLAG_1_1, 2024,
				BigDecimal.ONE, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.management.create(this.reporter,
				new InitiativeDraft("Fel enhet", null, InitiativeType.PROJEKT, Status.PLANERAD, null, null, null, null,
						null, null, null, null, otherUnit, null, List.of(), List.of())))
			.isInstanceOf(ValidationException.class);
		assertThat(this.management.mayEdit(this.strategist, theirs)).isTrue();
	}

	@Test
	void aStaleSaveGetsAConflict() {
		Initiative initiative = this.management.create(this.strategist,
				new InitiativeDraft("Konflikt", null, InitiativeType.PROJEKT, Status.PLANERAD, null, null, null, null,
						null, null, null, null, null, null, List.of(), List.of()));
		this.management.update(this.strategist, initiative.id(), initiative.version(), initiative.draft());
		assertThatThrownBy(() -> this.management.update(this.strategist, initiative.id(), initiative.version(),
				initiative.draft()))
			.isInstanceOf(EditConflictException.class);
	}

	@Test
	void swedishSearchFindsInflectedForms() {
		List<Initiative> found = this.catalog.find(this.strategist.organisationId(),
				new InitiativeFilter("kommunen", null, null, null, null, null, null));
		assertThat(found).extracting(Initiative::name).anyMatch(n -> n.contains("kommunernas samverkan"));
		assertThat(this.catalog.find(this.strategist.organisationId(),
				new InitiativeFilter("nätverken", null, null, null, null, null, null)))
			.extracting(Initiative::name)
			.anyMatch(n -> n.startsWith("Nätverk för utbildningspolitiker"));
		assertThat(this.catalog.find(this.strategist.organisationId(),
				new InitiativeFilter("DVIS", null, null, null, null, null, null)))
			.extracting(Initiative::acronym)
			.contains("DVIS");
	}

	@Test
	void filteringOnAPriorityIncludesItsSubPriorities() {
		UUID priority3 = this.strategies
			.elements(this.strategist.organisationId(),
					this.strategies.latestVersion(this.strategist.organisationId(), this.rus.id()).id())
			.stream()
			.filter(e -> "3".equals(e.code()))
			.findFirst()
			.orElseThrow()
			.key();
		List<Initiative> inPriority3 = this.catalog.find(this.strategist.organisationId(),
				new InitiativeFilter(null, null, null, priority3, null, null, null));
		assertThat(inPriority3).extracting(Initiative::name)
			.contains("Samverkansprojekt Bredband Västerbotten 2023", "Botniska korridoren");
	}

	@Test
	void theDemoPortfolioHasTheSeedInitiativesAndItsViewsAddUp() {
		Portfolio.View view = this.portfolio.view(this.strategist.organisationId(), this.rus.id(),
				InitiativeFilter.none());
		assertThat(view.initiatives()).isGreaterThanOrEqualTo(133);
		BigDecimal byYear = view.moneyByYear().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(byYear).isEqualByComparingTo(view.totalFunding());
		assertThat(view.money().stream().map(Portfolio.MoneyRow::total).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(view.totalFunding());
		Portfolio.SdgRow goal9 = view.sdgs().stream().filter(r -> r.goal().equals("9")).findFirst().orElseThrow();
		assertThat(goal9.positiveDirect()).isGreaterThanOrEqualTo(8);
		assertThat(view.conflicts()).extracting(Portfolio.GoalConflict::sdgCode).contains("13", "15");
		assertThat(view.priorities()).hasSize(6);
		Portfolio.PriorityRow p1 = view.priorities().getFirst();
		Portfolio.Cell cell = p1.byDirection().get(this.directions.getFirst().element().key());
		assertThat(cell.positive() + cell.neutral() + cell.negative() + cell.unassessed()).isEqualTo(p1.initiatives());
	}

	@Test
	void anImportWithBadRowsSavesNothingAndNamesRowAndColumn() {
		int before = count();
		String csv = String.join("\n",
				"namn*;typ*;status*;startdatum;kommunkoder;bidrar till;finansieringskälla;år;belopp_sek",
				"Import ett;PROJEKT;PAGAENDE;2024-01-01;2480;RUS 1.2;ERUF;2024;100000",
				"Import två;RAKET;PAGAENDE;2024-13-01;9999;RUS 9.9;ERUF;tjugo;mycket");
		assertThatThrownBy(
				() -> this.importer.importFile(this.strategist, "insatser.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ImportRefusedException.class, ex -> {
				assertThat(ex.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(3));
				assertThat(ex.problems()).extracting(ImportProblem::column)
					.contains("typ*", "startdatum", "kommunkoder", "bidrar till", "år", "belopp_sek");
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theTemplateImportsAsItIs() {
		int before = count();
		assertThat(this.importer.importFile(this.strategist, "mall.xlsx",
				this.importer.template(this.strategist.organisationId())))
			.isEqualTo(1);
		assertThat(count()).isEqualTo(before + 1);
		Initiative imported = this.catalog
			.find(this.strategist.organisationId(), new InitiativeFilter("DIGSAM", null, null, null, null, null, null))
			.stream()
			.filter(i -> i.name().equals("Exempel: digital samverkan"))
			.findFirst()
			.orElseThrow();
		// The example names two of the home county's municipalities and an element of the
		// organisation's own strategy.
		assertThat(imported.areaCodes()).hasSize(2).allSatisfy(code -> assertThat(code).startsWith("24"));
		InitiativeDetails details = this.catalog.details(this.strategist.organisationId(), imported.id());
		assertThat(details.primaryContribution()).isNotNull();
		assertThat(details.totalFunding()).isEqualByComparingTo("1500000");
	}

	@Test
	void exportsAreSafeFromFormulaInjectionAndOpenInExcel() throws Exception {
		var table = new Table("t", List.of("namn"), List.of(List.of("=HYPERLINK(\"http://x\")"), List.of("+46 90")));
		String csv = new String(TableFiles.csv(table), StandardCharsets.UTF_8);
		assertThat(csv).contains("'=HYPERLINK").contains("'+46 90");
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(TableFiles.xlsx(List.of(table))))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	private int count() {
		return this.jdbc.sql("select count(*) from initiatives_initiative").query(Integer.class).single();
	}

}
