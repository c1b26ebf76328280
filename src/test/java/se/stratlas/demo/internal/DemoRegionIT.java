package se.stratlas.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.Organisations;
import se.stratlas.strategy.ElementLink;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoRegionIT {

	@Autowired
	DemoRegion demo;

	@Autowired
	StrategyCatalog catalog;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	private List<StrategyElement> elements(long organisation, String code) {
		Strategy strategy = this.catalog.strategies(organisation)
			.stream()
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow();
		// The version in force: the demo's learning has also started a draft of a revised
		// RUS.
		StrategyVersion current = this.catalog.versions(organisation, strategy.id())
			.stream()
			.filter(v -> v.status() == StrategyStatus.ANTAGEN)
			.findFirst()
			.orElse(this.catalog.latestVersion(organisation, strategy.id()));
		return this.catalog.elements(organisation, current.id());
	}

	private static Map<ElementType, Long> counts(List<StrategyElement> elements) {
		return elements.stream().collect(Collectors.groupingBy(StrategyElement::type, Collectors.counting()));
	}

	@Test
	void rusHasTheShapeTheSeedsDescribe() {
		long org = this.organisations.findByCode("vasterbotten").orElseThrow().id();
		List<StrategyElement> rus = elements(org, "RUS");
		assertThat(counts(rus)).containsEntry(ElementType.GOAL, 2L)
			.containsEntry(ElementType.DIRECTION, 3L)
			.containsEntry(ElementType.PRIORITY, 6L)
			.containsEntry(ElementType.SUB_PRIORITY, 14L);
		assertThat(rus).extracting(StrategyElement::nameSv)
			.contains("En levande plats", "En cirkulär plats", "Sammanhållen region",
					"Jämlik och jämställd inkludering", "Föregångare i omställning",
					"Västerbotten – En nytänkande och smart region", "Västerbotten – En region rik på kompetenser");
		StrategyElement sub11 = rus.stream().filter(e -> "1.1".equals(e.code())).findFirst().orElseThrow();
		assertThat(sub11.aliases()).contains("1:1");
		assertThat(StrategyCatalog.search(rus, "Jämställd inkludering").matches()).hasSize(1);
	}

	@Test
	void theDigitalisationStrategyRemissHasSixFocusAreasAndSeventeenActionsLinkedToTheRus() {
		long org = this.organisations.findByCode("vasterbotten").orElseThrow().id();
		List<StrategyElement> rds = elements(org, "RDS");
		assertThat(counts(rds)).containsEntry(ElementType.FOCUS_AREA, 6L).containsEntry(ElementType.ACTION, 17L);
		Strategy strategy = this.catalog.strategies(org)
			.stream()
			.filter(s -> s.code().equals("RDS"))
			.findFirst()
			.orElseThrow();
		assertThat(this.catalog.latestVersion(org, strategy.id()).status()).isEqualTo(StrategyStatus.REMISS);
		assertThat(strategy.derivedFromId()).isNotNull();
		StrategyElement infrastructure = rds.stream().filter(e -> "1".equals(e.code())).findFirst().orElseThrow();
		List<ElementLink> links = this.catalog.links(org, infrastructure);
		assertThat(links).extracting(ElementLink::relation).containsOnly(RelationType.BIDRAR_TILL);
		assertThat(links).extracting(ElementLink::otherLabel)
			.anyMatch(label -> label.startsWith("1 Västerbotten"))
			.anyMatch(label -> label.startsWith("3.4"));
		assertThat(rds).extracting(StrategyElement::nameSv)
			.contains(
					"Utveckla och stärka samverkan samt interoperabillitet vid införande av nya system och tjänster.");
	}

	@Test
	void loadingAgainChangesNothing() {
		int before = this.jdbc.sql("select count(*) from strategy_element").query(Integer.class).single();
		int users = this.jdbc.sql("select count(*) from accounts_user").query(Integer.class).single();
		this.demo.load();
		assertThat(this.jdbc.sql("select count(*) from strategy_element").query(Integer.class).single())
			.isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from accounts_user").query(Integer.class).single()).isEqualTo(users);
	}

	@Test
	void agenda2030ShipsWithItsSeventeenGoalsAndTheir169Targets() {
		long org = this.organisations.findByCode("norrbotten").orElseThrow().id();
		List<StrategyElement> agenda = elements(org, "AGENDA2030");
		List<StrategyElement> goals = agenda.stream().filter(e -> e.type() == ElementType.GOAL).toList();
		assertThat(goals).hasSize(17);
		assertThat(goals).extracting(StrategyElement::nameSv).contains("Jämställdhet", "Minskad ojämlikhet");
		assertThat(counts(agenda)).containsEntry(ElementType.TARGET, 169L);
		assertThat(StrategyCatalog.search(agenda, "11.A").matches()).hasSize(1);
		StrategyElement target = agenda.stream().filter(e -> "11.a".equals(e.code())).findFirst().orElseThrow();
		StrategyElement goal11 = agenda.stream().filter(e -> "11".equals(e.code())).findFirst().orElseThrow();
		assertThat(target.parentId()).isEqualTo(goal11.id());
	}

	@Test
	void norrbottenIsASecondOrganisationWithItsOwnUsers() {
		assertThat(this.jdbc.sql("""
				select count(*) from accounts_user u join accounts_organisation o on o.id = u.organisation_id
				where o.code = 'norrbotten'""").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
	}

}
