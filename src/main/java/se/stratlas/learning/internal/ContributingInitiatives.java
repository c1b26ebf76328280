package se.stratlas.learning.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.initiatives.Parts;
import se.stratlas.learning.LearningView;
import se.stratlas.learning.LearningView.DirectionCount;
import se.stratlas.learning.LearningView.SdgLine;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The initiatives that contribute to an element or the elements under it, summed for its
 * learning page: money by source and year, states, the direction assessments and the
 * Agenda 2030 effects with negative effects and goal conflicts first.
 */
@Component
public class ContributingInitiatives {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final InitiativeCatalog initiatives;

	private final StrategyCatalog strategies;

	ContributingInitiatives(InitiativeCatalog initiatives, StrategyCatalog strategies) {
		this.initiatives = initiatives;
		this.strategies = strategies;
	}

	public LearningView.Initiatives summary(long org, Strategy strategy, StrategyElement element) {
		List<Initiative> list = this.initiatives.find(org,
				new InitiativeFilter(null, null, null, element.key(), null, null, null));
		List<InitiativeDetails> details = this.initiatives.details(org, list);
		Map<String, BigDecimal> bySource = new TreeMap<>();
		Map<Integer, BigDecimal> byYear = new TreeMap<>();
		Map<String, Long> byStatus = new LinkedHashMap<>();
		Map<UUID, long[]> directions = new LinkedHashMap<>();
		List<SdgLine> sdg = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		boolean demo = false;
		for (InitiativeDetails d : details) {
			demo |= d.initiative().demoNote() != null;
			byStatus.merge(d.initiative().status().messageKey(), 1L, Long::sum);
			for (Parts.Funding f : d.funding()) {
				bySource.merge(f.source().messageKey(), f.amountSek(), BigDecimal::add);
				byYear.merge(f.year(), f.amountSek(), BigDecimal::add);
				total = total.add(f.amountSek());
			}
			for (Parts.Assessment a : d.assessments()) {
				long[] count = directions.computeIfAbsent(a.directionKey(), k -> new long[2]);
				count[a.score() > 0 ? 0 : 1] += a.score() == 0 ? 0 : 1;
			}
			for (Parts.SdgEffect e : d.sdgEffects()) {
				sdg.add(new SdgLine(d.initiative().name(), d.initiative().id(), e.sdgCode(), e.positive(), e.note(),
						e.goalConflict()));
			}
		}
		Map<UUID, String> directionNames = this.strategies.directions(org, strategy.id())
			.stream()
			.map(Direction::element)
			.collect(Collectors.toMap(StrategyElement::key, e -> e.name(SWEDISH), (a, b) -> a, LinkedHashMap::new));
		List<DirectionCount> counts = new ArrayList<>();
		directionNames.forEach((key, name) -> {
			long[] count = directions.getOrDefault(key, new long[2]);
			counts.add(new DirectionCount(name, count[0], count[1]));
		});
		sdg.sort(Comparator.comparing(SdgLine::positive).thenComparing(l -> l.goalConflict() == null));
		return new LearningView.Initiatives(list, bySource, byYear, total, byStatus, counts, sdg, demo);
	}

}
