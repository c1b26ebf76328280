package se.stratlas.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kolada client and import against recorded-shape fixtures served by WireMock. */
@SpringBootTest
@ActiveProfiles("test")
class KoladaImportIT {

	static final WireMockServer KOLADA = new WireMockServer(options().dynamicPort());

	static {
		KOLADA.start();
	}

	@DynamicPropertySource
	static void kolada(DynamicPropertyRegistry registry) {
		registry.add("stratlas.kolada.base-url", () -> KOLADA.baseUrl() + "/v3");
		registry.add("stratlas.scb.base-url", () -> KOLADA.baseUrl() + "/scb/v2");
	}

	@AfterAll
	static void stop() {
		KOLADA.stop();
	}

	@Autowired
	KoladaImport importer;

	@Autowired
	KoladaClient client;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	ImportRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndicatorFileImport files;

	@Autowired
	KoladaRefresh refresh;

	@Autowired
	ScbSubscriptions scbSubscriptions;

	long organisation;

	@BeforeEach
	void setUp() throws IOException {
		KOLADA.resetAll();
		this.organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		String dataPath = "/v3/data/kpi/N00914/municipality/2480,0024,0000/year/2023,2024";
		KOLADA.stubFor(get(urlPathEqualTo(dataPath)).withQueryParam("page", equalTo("2"))
			.willReturn(json(fixture("data-page2.json"))));
		KOLADA.stubFor(get(urlPathEqualTo(dataPath)).atPriority(10).willReturn(json(fixture("data-page1.json"))));
		KOLADA.stubFor(get(urlPathEqualTo("/v3/kpi/N00914")).willReturn(json(fixture("kpi.json"))));
		if (this.registry.findByCode(this.organisation, "N00914").isEmpty()) {
			this.registry.define(this.organisation,
					new IndicatorDefinition.Draft("N00914", "Förvärvsarbetande invånare 20–64 år, andel (%)", null,
							null, "%", 1, Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, Source.KOLADA, "N00914", true, null,
							null, null),
					"tester");
		}
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String fixture(String name) throws IOException {
		return new ClassPathResource("fixtures/kolada/" + name).getContentAsString(StandardCharsets.UTF_8)
			.replace("{{BASE}}", KOLADA.baseUrl() + "/v3");
	}

	private KoladaImport.Result importIt() {
		return this.importer.importKpi(this.organisation, "N00914", List.of("2480", "24", "0000"), List.of(2023, 2024),
				"tester");
	}

	@Test
	void aStartedImportRunsInTheBackgroundAndItsRunShowsProgressToTheEnd() {
		KoladaImport.Started started = this.importer.start(this.organisation, "N00914", List.of("2480", "24", "0000"),
				List.of(2023, 2024), "tester");
		KoladaImport.Result result = started.result().join();
		ImportRuns.Run run = this.runs.run(this.organisation, started.runId());
		assertThat(run.status()).isEqualTo("SUCCEEDED");
		assertThat(run.valuesRead()).isEqualTo(result.read()).isEqualTo(6);
		assertThat(run.percent()).isEqualTo(100);
		assertThat(run.stepsDone()).isPositive();
	}

	@Test
	void aSubscribedIndicatorIsRefreshedForTheAreasItHasAndEachRefreshIsLogged() {
		importIt();
		IndicatorDefinition indicator = this.registry.findByCode(this.organisation, "N00914").orElseThrow();
		this.refresh.subscribe(this.organisation, indicator.id(), true);
		assertThat(this.refresh.subscribed(indicator.id())).isTrue();
		int before = this.runs.runs(this.organisation).size();
		this.refresh.refreshAll();
		assertThat(this.runs.runs(this.organisation)).hasSize(before + 1);
		assertThat(this.runs.runs(this.organisation).getFirst().startedBy()).isEqualTo("schemalagd uppdatering");
		this.refresh.subscribe(this.organisation, indicator.id(), false);
	}

	@Test
	void metadataIsReadInEitherShape() {
		KoladaClient.Kpi kpi = this.client.kpis(List.of("N00914")).getFirst();
		assertThat(kpi.title()).startsWith("Förvärvsarbetande");
		assertThat(kpi.dividedByGender()).isTrue();
	}

	@Test
	void anImportFollowsThePagesSplitsBySexMapsRegionsAndMarksMissingValues() {
		KoladaImport.Result result = importIt();
		assertThat(result.read()).isEqualTo(6);
		IndicatorDefinition indicator = this.registry.findByCode(this.organisation, "N00914").orElseThrow();
		assertThat(this.values.series(indicator.id(), List.of("2480"), Sex.K)).singleElement()
			.satisfies(v -> assertThat(v.value()).isEqualTo(78.4));
		assertThat(this.values.series(indicator.id(), List.of("24"), Sex.T)).singleElement()
			.satisfies(v -> assertThat(v.value()).isEqualTo(77.5));
		assertThat(this.values.series(indicator.id(), List.of("0000"), Sex.T)).singleElement().satisfies(v -> {
			assertThat(v.value()).isNull();
			assertThat(v.missing()).isEqualTo(Missing.SAKNAS);
			assertThat(v.period()).isEqualTo(Period.year(2024));
			assertThat(v.importRunId()).isNotNull().isLessThanOrEqualTo(result.runId());
		});
		assertThat(this.values.series(indicator.id(), List.of("0000"), Sex.K).getFirst().missing())
			.isEqualTo(Missing.SEKRETESS);
	}

	@Test
	void importingTheSameDataAgainChangesNothingAndARevisionKeepsThePreviousValue() throws IOException {
		importIt();
		KoladaImport.Result again = importIt();
		assertThat(again.stored().inserted()).isZero();
		assertThat(again.stored().revised()).isZero();
		assertThat(again.stored().unchanged()).isEqualTo(6);

		String dataPath = "/v3/data/kpi/N00914/municipality/2480,0024,0000/year/2023,2024";
		KOLADA.stubFor(get(urlPathEqualTo(dataPath)).atPriority(5)
			.withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
			.willReturn(json(fixture("data-page1.json").replace("78.4", "78.9"))));
		KoladaImport.Result revised = importIt();
		assertThat(revised.stored().revised()).isEqualTo(1);
		IndicatorDefinition indicator = this.registry.findByCode(this.organisation, "N00914").orElseThrow();
		assertThat(this.values.series(indicator.id(), List.of("2480"), Sex.K).getFirst().value()).isEqualTo(78.9);
		assertThat(this.values.history(indicator.id(), "2480", Period.year(2023), Sex.K)).singleElement()
			.satisfies(previous -> assertThat(previous.value()).isEqualTo(78.4));
	}

	@Test
	void aBrokenAnswerNamesUrlAndJsonPathStoresNothingAndIsLogged() throws IOException {
		KOLADA.stubFor(get(urlPathEqualTo("/v3/data/kpi/N00914/municipality/2480,2482/year/2023"))
			.willReturn(json(fixture("data-broken.json"))));
		int before = this.jdbc.sql("select count(*) from indicators_value").query(Integer.class).single();
		assertThatThrownBy(() -> this.importer.importKpi(this.organisation, "N00914", List.of("2480", "2482"),
				List.of(2023), "tester"))
			.isInstanceOf(KoladaClient.KoladaException.class)
			.hasMessageContaining("$.values[1].values[0].gender");
		assertThat(this.jdbc.sql("select count(*) from indicators_value").query(Integer.class).single())
			.isEqualTo(before);
		assertThat(this.runs.runs(this.organisation).getFirst().status()).isEqualTo("FAILED");
	}

	private void defineScbIndicator() {
		if (this.registry.findByCode(this.organisation, "SCB_SYSS").isEmpty()) {
			this.registry.define(this.organisation,
					new IndicatorDefinition.Draft("SCB_SYSS", "Förvärvsarbetande (SCB)", null, null, "%", 1,
							Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, Source.SCB, "AM0207:SYSS01", true, null, null,
							null),
					"tester");
		}
	}

	@Test
	void anScbTableIsFetchedAsJsonStatAndStoredBySexAndRegion() throws IOException {
		defineScbIndicator();
		KOLADA.stubFor(
				get(urlPathEqualTo("/scb/v2/tables/AM0207/data")).withQueryParam("outputFormat", equalTo("json-stat2"))
					.willReturn(json(fixture("../scb/syss.json"))));
		IndicatorFileImport.Result result = this.files.importScb(this.organisation, "AM0207",
				java.util.Map.of("Region", List.of("2480", "24", "00"), "Tid", List.of("2023", "2024")), "tester");
		assertThat(result.read()).isEqualTo(12);
		IndicatorDefinition indicator = this.registry.findByCode(this.organisation, "SCB_SYSS").orElseThrow();
		assertThat(this.values.series(indicator.id(), List.of("2480"), Sex.K)).extracting(IndicatorValue::value)
			.containsExactly(79.0, 79.6);
		assertThat(this.values.series(indicator.id(), List.of("0000"), Sex.M)).extracting(IndicatorValue::missing)
			.containsExactly(null, Missing.SEKRETESS);
	}

	@Test
	void aSubscribedScbTableIsFetchedAgainOnTheScheduleAsALoggedRun() throws IOException {
		defineScbIndicator();
		KOLADA.stubFor(
				get(urlPathEqualTo("/scb/v2/tables/AM0207/data")).withQueryParam("outputFormat", equalTo("json-stat2"))
					.willReturn(json(fixture("../scb/syss.json"))));
		java.util.Map<String, List<String>> selection = new java.util.LinkedHashMap<>();
		selection.put("Region", List.of("2480", "24", "00"));
		selection.put("Tid", List.of("FROM(2023)"));
		this.scbSubscriptions.subscribe(this.organisation, "AM0207", selection, "tester");
		this.scbSubscriptions.subscribe(this.organisation, "AM0207", selection, "tester");
		assertThat(this.scbSubscriptions.list(this.organisation)).singleElement()
			.satisfies(s -> assertThat(s.selection()).containsEntry("Tid", List.of("FROM(2023)")));
		assertThat(this.scbSubscriptions.refreshAll()).isEqualTo(1);
		assertThat(this.runs.runs(this.organisation).getFirst()).satisfies(run -> {
			assertThat(run.source()).isEqualTo("SCB");
			assertThat(run.startedBy()).isEqualTo("schemalagd uppdatering");
			assertThat(run.status()).isEqualTo("SUCCEEDED");
		});
		KOLADA.verify(getRequestedFor(urlPathEqualTo("/scb/v2/tables/AM0207/data")).withQueryParam("valueCodes[Tid]",
				equalTo("FROM(2023)")));
		long id = this.scbSubscriptions.list(this.organisation).getFirst().id();
		this.scbSubscriptions.unsubscribe(this.organisation, id);
		assertThat(this.scbSubscriptions.list(this.organisation)).isEmpty();
		assertThatThrownBy(() -> this.scbSubscriptions.subscribe(this.organisation, "AM 0207", selection, "tester"))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
	}

	@Test
	void aBackgroundImportShowsItsProgressAndKeepsEveryProblemOnItsRun() throws Exception {
		IndicatorFileImport.Started started = this.files.start(this.organisation, "trasig.json",
				fixture("data-broken.json").getBytes(StandardCharsets.UTF_8), "tester");
		assertThatThrownBy(() -> started.result().get(10, java.util.concurrent.TimeUnit.SECONDS))
			.hasCauseInstanceOf(IndicatorFileImport.ImportRefused.class);
		ImportRuns.Run run = this.runs.run(this.organisation, started.runId());
		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(run.problems()).anySatisfy(p -> assertThat(p.message()).contains("$.values[1].values[0].gender"));
		IndicatorFileImport.Started good = this.files.start(this.organisation, "mall.xlsx",
				this.files.template(this.organisation), "tester");
		assertThat(good.result().get(10, java.util.concurrent.TimeUnit.SECONDS).read()).isEqualTo(3);
		assertThat(this.runs.run(this.organisation, good.runId())).satisfies(r -> {
			assertThat(r.status()).isEqualTo("SUCCEEDED");
			assertThat(r.percent()).isEqualTo(100);
			assertThat(r.problems()).isEmpty();
		});
	}

	@Test
	void koladaAndScbFilesImportAndABrokenFileSaysWhereAndStoresNothing() throws IOException {
		defineScbIndicator();
		IndicatorFileImport.Result kolada = this.files.importFile(this.organisation, "kolada.json",
				fixture("data-page2.json").getBytes(StandardCharsets.UTF_8), "tester");
		assertThat(kolada.format()).isEqualTo("Kolada JSON");
		assertThat(kolada.read()).isEqualTo(2);
		IndicatorFileImport.Result scb = this.files.importFile(this.organisation, "scb.json",
				fixture("../scb/syss.json").getBytes(StandardCharsets.UTF_8), "tester");
		assertThat(scb.format()).isEqualTo("SCB JSON-stat");
		int before = this.jdbc.sql("select count(*) from indicators_value").query(Integer.class).single();
		assertThatThrownBy(() -> this.files.importFile(this.organisation, "trasig.json",
				fixture("data-broken.json").getBytes(StandardCharsets.UTF_8), "tester"))
			.isInstanceOfSatisfying(IndicatorFileImport.ImportRefused.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p.message()).contains("$.values[1].values[0].gender")));
		assertThat(this.jdbc.sql("select count(*) from indicators_value").query(Integer.class).single())
			.isEqualTo(before);
	}

	@Test
	void theTemplateImportsAndBadRowsNameRowAndColumn() {
		assertThat(
				this.files.importFile(this.organisation, "mall.xlsx", this.files.template(this.organisation), "tester")
					.read())
			.isEqualTo(3);
		String csv = "indikator;område;period;kön;värde\nDEMO_BREDBAND;2480;2024T4;T;1\nOKAND;9999;2024;X;tio";
		assertThatThrownBy(() -> this.files.importFile(this.organisation, "fel.csv",
				csv.getBytes(StandardCharsets.UTF_8), "tester"))
			.isInstanceOfSatisfying(IndicatorFileImport.ImportRefused.class,
					ex -> assertThat(ex.problems()).extracting(se.stratlas.shared.tables.ImportProblem::where)
						.contains("rad 2, kolumn period", "rad 3, kolumn indikator", "rad 3, kolumn område",
								"rad 3, kolumn kön", "rad 3, kolumn värde"));
	}

	@Test
	void aServerErrorIsReportedClearly() {
		KOLADA.stubFor(get(urlPathEqualTo("/v3/data/kpi/N00914/municipality/2480/year/2023"))
			.willReturn(aResponse().withStatus(500)));
		assertThatThrownBy(
				() -> this.importer.importKpi(this.organisation, "N00914", List.of("2480"), List.of(2023), "tester"))
			.hasMessageContaining("HTTP 500");
	}

}
