package se.stratlas.indicators;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.areas.Area;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IndicatorAnalyticsIT {

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	IndicatorTargets targets;

	@Autowired
	IndicatorAnalytics analytics;

	@Autowired
	IndicatorDashboards dashboards;

	@Autowired
	JdbcClient jdbc;

	long organisation;

	@BeforeEach
	void setUp() {
		this.organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
	}

	private IndicatorDefinition define(String code, Polarity polarity) {
		return this.registry.findByCode(this.organisation, code)
			.orElseGet(() -> this.registry.define(this.organisation, new IndicatorDefinition.Draft(code, code, null,
					null, null, 1, polarity, Kind.RESULTAT, Source.OWN, null, true, null, null, null), "tester"));
	}

	private void put(IndicatorDefinition indicator, String area, int year, Sex sex, double value) {
		this.values.store(List.of(new IndicatorValue.Incoming(indicator.id(), area, Period.year(year), sex, value, null,
				ValueStatus.DEFINITIV)), "test", null);
	}

	@Test
	void rankingFollowsPolarityAndIsKeptApartFromTargets() {
		IndicatorDefinition lower = define("TEST_LOWER", Polarity.LOWER_IS_BETTER);
		put(lower, "2480", 2024, Sex.T, 5);
		put(lower, "2482", 2024, Sex.T, 3);
		put(lower, "2409", 2024, Sex.T, 9);
		List<IndicatorAnalytics.Rank> ranks = this.analytics.ranking(this.organisation, lower.id(), Period.year(2024),
				Sex.T, Area.Kind.MUNICIPALITY);
		assertThat(ranks).extracting(IndicatorAnalytics.Rank::areaCode).containsExactly("2482", "2480", "2409");
		assertThat(ranks.getFirst().band()).isEqualTo(IndicatorAnalytics.Band.BEST_THIRD);
		assertThat(ranks.getLast().band()).isEqualTo(IndicatorAnalytics.Band.WORST_THIRD);
	}

	@Test
	void theGenderGapIsWomenMinusMenAndTheirRatio() {
		IndicatorDefinition indicator = define("TEST_GAP", Polarity.HIGHER_IS_BETTER);
		put(indicator, "2480", 2023, Sex.K, 80);
		put(indicator, "2480", 2023, Sex.M, 75);
		IndicatorAnalytics.GenderGap gap = this.analytics.genderGap(this.organisation, indicator.id(), "2480")
			.getFirst();
		assertThat(gap.difference()).isEqualTo(5.0);
		assertThat(gap.ratio()).isCloseTo(80 / 75.0, within(1e-9));
	}

	@Test
	void theCountyAggregateSumsOrWeighsItsMunicipalities() {
		IndicatorDefinition population = this.registry.findByCode(this.organisation, "N01951").orElseThrow();
		IndicatorDefinition built = this.registry.findByCode(this.organisation, "DEMO_NYBOST").orElseThrow();
		List<Target.Point> sum = this.analytics.countyAggregate(this.organisation, built.id(), "24", Sex.T, null);
		double expected2020 = this.analytics.series(this.organisation, built.id(),
				this.jdbc.sql("select code from areas_area where parent_code = '24'").query(String.class).list(), Sex.T)
			.stream()
			.mapToDouble(s -> s.points()
				.stream()
				.filter(p -> p.period().equals(Period.year(2020)))
				.findFirst()
				.map(Target.Point::value)
				.orElse(0.0))
			.sum();
		Target.Point point2020 = sum.stream()
			.filter(p -> p.period().equals(Period.year(2020)))
			.findFirst()
			.orElseThrow();
		if (point2020.value() != null) {
			assertThat(point2020.value()).isCloseTo(expected2020, within(1e-6));
		}
		List<Target.Point> weighted = this.analytics.countyAggregate(this.organisation,
				this.registry.findByCode(this.organisation, "DEMO_SYSS").orElseThrow().id(), "24", Sex.T,
				population.id());
		assertThat(weighted).isNotEmpty();
		assertThat(weighted.stream().filter(p -> p.value() != null).findFirst().orElseThrow().value()).isBetween(40.0,
				100.0);
	}

	@Test
	void aComputedIndicatorIsEvaluatedFromItsInputsAndABadFormulaIsRefused() {
		IndicatorDefinition computed = this.registry.findByCode(this.organisation, "DEMO_BOSTPER1000").orElseThrow();
		IndicatorDefinition built = this.registry.findByCode(this.organisation, "DEMO_NYBOST").orElseThrow();
		IndicatorDefinition population = this.registry.findByCode(this.organisation, "N01951").orElseThrow();
		Double b = this.analytics.series(this.organisation, built.id(), List.of("2480"), Sex.T).getFirst().latest();
		Double p = this.analytics.series(this.organisation, population.id(), List.of("2480"), Sex.T)
			.getFirst()
			.latest();
		Double c = this.analytics.series(this.organisation, computed.id(), List.of("2480"), Sex.T).getFirst().latest();
		if (b != null && p != null) {
			assertThat(c).isCloseTo(b / p * 1000, within(1e-9));
		}
		assertThatThrownBy(() -> this.registry.define(this.organisation,
				new IndicatorDefinition.Draft("TEST_BAD", "x", null, null, null, 1, Polarity.NEUTRAL, Kind.RESULTAT,
						Source.COMPUTED, null, false, "DEMO_NYBOST / OKAND", null, 1.0),
				"tester"))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void thePriority3DashboardShowsTargetStatusesForBroadband() {
		UUID priority34 = this.jdbc.sql("""
				select e.element_key from strategy_element e join strategy_version v on v.id = e.version_id
				join strategy_strategy s on s.id = v.strategy_id where s.code = 'RUS' and e.code = '3.4'
				order by v.number desc limit 1""").query(UUID.class).single();
		List<IndicatorDashboards.DashboardRow> rows = this.dashboards.dashboard(this.organisation, priority34, "24");
		assertThat(rows).extracting(r -> r.indicator().code()).contains("DEMO_BREDBAND", "DEMO_BREDBANDFTG");
		assertThat(rows).allSatisfy(r -> assertThat(r.targetStatus()).isNotNull());
	}

	@Test
	void aRelativeTargetNeedsABaselineAndAPeriodMustParse() {
		IndicatorDefinition indicator = define("TEST_TARGET", Polarity.LOWER_IS_BETTER);
		assertThatThrownBy(() -> this.targets.addTarget(this.organisation, indicator.id(), "24", Sex.T,
				Target.Comparator.AT_MOST, -50.0, true, "2030", null, null, "tester"))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(() -> this.targets.addTarget(this.organisation, indicator.id(), "24", Sex.T,
				Target.Comparator.AT_MOST, 5.0, false, "2030T4", null, null, "tester"))
			.isInstanceOf(ValidationException.class);
		assertThat(this.targets
			.addTarget(this.organisation, indicator.id(), "24", Sex.T, Target.Comparator.AT_MOST, 5.0, false, "2030",
					"2020", null, "tester")
			.deadline()).isEqualTo(Period.year(2030));
	}

}
