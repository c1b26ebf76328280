package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.math.RoundingMode;
import java.util.Comparator;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Areas;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.initiatives.Parts.SdgEffect;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.shared.NotFoundException;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The portfolio of a strategy's initiatives seen four ways: priority × direction, the
 * Agenda 2030 matrix with its goal conflicts, money by funding source and year, and
 * initiatives by municipality. All views honour the same filter.
 */
@Component
@Transactional(readOnly = true)
public class Portfolio {

	private final InitiativeCatalog catalog;

	private final StrategyCatalog strategies;

	private final Areas areas;

	private final InitiativeChoices choices;

	Portfolio(InitiativeCatalog catalog, StrategyCatalog strategies, Areas areas, InitiativeChoices choices) {
		this.catalog = catalog;
		this.strategies = strategies;
		this.areas = areas;
		this.choices = choices;
	}

	/** The portfolio page: the views, the own strategies to choose from, the filters. */
	public record PortfolioPage(View view, List<Strategy> strategies, InitiativeChoices.Filters filters) {
	}

	/**
	 * The portfolio page of the strategy asked for, or of the first of the organisation's
	 * own that has directions to assess against; null when it has no strategy yet.
	 * @throws NotFoundException when the strategy asked for is not there
	 */
	public PortfolioPage page(long organisationId, Long strategyId, InitiativeFilter filter) {
		Strategy chosen = this.choices.assessing(organisationId, strategyId);
		if (chosen == null) {
			if (strategyId != null) {
				throw new NotFoundException("strategy", strategyId);
			}
			return null;
		}
		return new PortfolioPage(view(organisationId, chosen.id(), filter), this.choices.own(organisationId),
				this.choices.filters(organisationId));
	}

	/**
	 * The portfolio views of the strategy asked for, or of the first of the
	 * organisation's own that has directions to assess against.
	 * @throws NotFoundException when there is no such strategy
	 */
	public View viewOf(long organisationId, Long strategyId, InitiativeFilter filter) {
		Strategy chosen = this.choices.assessing(organisationId, strategyId);
		if (chosen == null) {
			throw new NotFoundException("strategy", strategyId);
		}
		return view(organisationId, chosen.id(), filter);
	}

	/** How the initiatives of one priority are assessed against one direction. */
	public record Cell(int positive, int neutral, int negative, int unassessed) {
	}

	/** A priority with its initiatives and their assessments per direction. */
	public record PriorityRow(StrategyElement priority, int initiatives, Map<UUID, Cell> byDirection) {
	}

	/** One Agenda 2030 goal across the portfolio. */
	public record SdgRow(String goal, String name, int positiveDirect, int positiveIndirect, int negativeDirect,
			int negativeIndirect) {

		public int total() {
			return this.positiveDirect + this.positiveIndirect + this.negativeDirect + this.negativeIndirect;
		}

	}

	/**
	 * An initiative with a negative effect on an Agenda 2030 goal, with the conflict
	 * named.
	 */
	public record GoalConflict(long initiativeId, String initiative, String sdgCode, String conflict) {
	}

	/** The money of one funding source per year. */
	public record MoneyRow(FundingSource source, Map<Integer, BigDecimal> byYear, BigDecimal total) {
	}

	/** The initiatives working in one municipality. */
	public record AreaRow(String code, String name, int initiatives, BigDecimal funding) {
	}

	/** The four views. */
	public record View(Strategy strategy, List<Direction> directions, int initiatives, BigDecimal totalFunding,
			List<PriorityRow> priorities, List<SdgRow> sdgs, List<GoalConflict> conflicts, List<Integer> years,
			List<MoneyRow> money, Map<Integer, BigDecimal> moneyByYear, List<AreaRow> municipalities) {
	}

	public View view(long organisationId, long strategyId, InitiativeFilter filter) {
		Strategy strategy = this.strategies.strategy(organisationId, strategyId);
		List<InitiativeDetails> portfolio = this.catalog.details(organisationId,
				this.catalog.find(organisationId, filter));
		List<Direction> directions = this.strategies.directions(organisationId, strategyId);
		List<StrategyElement> elements = this.strategies.elements(organisationId,
				this.strategies.latestVersion(organisationId, strategyId).id());
		return new View(strategy, directions, portfolio.size(),
				portfolio.stream().map(InitiativeDetails::totalFunding).reduce(BigDecimal.ZERO, BigDecimal::add),
				priorities(elements, directions, portfolio), sdgs(organisationId, portfolio), conflicts(portfolio),
				years(portfolio), money(portfolio), moneyByYear(portfolio), municipalities(portfolio));
	}

	private List<PriorityRow> priorities(List<StrategyElement> elements, List<Direction> directions,
			List<InitiativeDetails> portfolio) {
		List<PriorityRow> rows = new ArrayList<>();
		for (StrategyElement priority : elements) {
			if (priority.type() != ElementType.PRIORITY && priority.type() != ElementType.FOCUS_AREA) {
				continue;
			}
			Set<UUID> keys = elements.stream()
				.filter(e -> e.path().startsWith(priority.path()))
				.map(StrategyElement::key)
				.collect(Collectors.toSet());
			List<InitiativeDetails> contributing = portfolio.stream()
				.filter(d -> d.contributions().stream().anyMatch(c -> keys.contains(c.elementKey())))
				.toList();
			Map<UUID, Cell> cells = new LinkedHashMap<>();
			for (Direction direction : directions) {
				int positive = 0;
				int neutral = 0;
				int negative = 0;
				int unassessed = 0;
				for (InitiativeDetails details : contributing) {
					Assessment assessment = details.assessments()
						.stream()
						.filter(a -> a.directionKey().equals(direction.element().key()))
						.findFirst()
						.orElse(null);
					if (assessment == null) {
						unassessed++;
					}
					else if (assessment.score() > 0) {
						positive++;
					}
					else if (assessment.score() == 0) {
						neutral++;
					}
					else {
						negative++;
					}
				}
				cells.put(direction.element().key(), new Cell(positive, neutral, negative, unassessed));
			}
			rows.add(new PriorityRow(priority, contributing.size(), cells));
		}
		return rows;
	}

	private List<SdgRow> sdgs(long organisationId, List<InitiativeDetails> portfolio) {
		Map<String, String> names = new LinkedHashMap<>();
		this.strategies.strategies(organisationId)
			.stream()
			.filter(Strategy::framework)
			.findFirst()
			.ifPresent(agenda -> this.strategies
				.elements(organisationId, this.strategies.latestVersion(organisationId, agenda.id()).id())
				.stream()
				.filter(e -> e.type() == ElementType.GOAL)
				.forEach(e -> names.put(e.code(), e.nameSv())));
		List<SdgRow> rows = new ArrayList<>();
		for (int goal = 1; goal <= 17; goal++) {
			String code = String.valueOf(goal);
			int[] counts = new int[4];
			for (InitiativeDetails details : portfolio) {
				for (SdgEffect effect : details.sdgEffects()) {
					if (effect.goal().equals(code)) {
						counts[(effect.positive() ? 0 : 2) + (effect.direct() ? 0 : 1)]++;
					}
				}
			}
			rows.add(new SdgRow(code, names.getOrDefault(code, "Mål " + code), counts[0], counts[1], counts[2],
					counts[3]));
		}
		return rows;
	}

	private static List<GoalConflict> conflicts(List<InitiativeDetails> portfolio) {
		List<GoalConflict> conflicts = new ArrayList<>();
		for (InitiativeDetails details : portfolio) {
			for (SdgEffect effect : details.sdgEffects()) {
				if (!effect.positive() || effect.goalConflict() != null) {
					conflicts.add(new GoalConflict(details.initiative().id(), details.initiative().name(),
							effect.sdgCode(), effect.goalConflict() != null ? effect.goalConflict() : effect.note()));
				}
			}
		}
		return conflicts;
	}

	private static List<Integer> years(List<InitiativeDetails> portfolio) {
		Set<Integer> years = new TreeSet<>();
		portfolio.forEach(d -> d.funding().forEach(f -> years.add(f.year())));
		return List.copyOf(years);
	}

	private static List<MoneyRow> money(List<InitiativeDetails> portfolio) {
		Map<FundingSource, Map<Integer, BigDecimal>> sums = new TreeMap<>();
		portfolio.forEach(d -> d.funding()
			.forEach(f -> sums.computeIfAbsent(f.source(), k -> new TreeMap<>())
				.merge(f.year(), f.amountSek(), BigDecimal::add)));
		return sums.entrySet()
			.stream()
			.map(e -> new MoneyRow(e.getKey(), e.getValue(),
					e.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
			.toList();
	}

	private static Map<Integer, BigDecimal> moneyByYear(List<InitiativeDetails> portfolio) {
		Map<Integer, BigDecimal> sums = new TreeMap<>();
		portfolio.forEach(d -> d.funding().forEach(f -> sums.merge(f.year(), f.amountSek(), BigDecimal::add)));
		return sums;
	}

	private List<AreaRow> municipalities(List<InitiativeDetails> portfolio) {
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, BigDecimal> money = new TreeMap<>();
		for (InitiativeDetails details : portfolio) {
			List<String> codes = details.initiative().areaCodes();
			for (String code : codes) {
				counts.computeIfAbsent(code, k -> new int[1])[0]++;
				if (!codes.isEmpty()) {
					money.merge(code,
							details.totalFunding().divide(BigDecimal.valueOf(codes.size()), 0, RoundingMode.HALF_UP),
							BigDecimal::add);
				}
			}
		}
		return counts.entrySet()
			.stream()
			.map(e -> new AreaRow(e.getKey(), this.areas.name(e.getKey()), e.getValue()[0],
					money.getOrDefault(e.getKey(), BigDecimal.ZERO)))
			.sorted(Comparator.comparing(AreaRow::name))
			.toList();
	}

}
