package se.stratlas.initiatives.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

/** The strategy elements users pick from in the initiative screens. */
@Component
class StrategyChoices {

	private final StrategyCatalog strategies;

	private final se.stratlas.areas.Areas areas;

	private final se.stratlas.accounts.OrganisationUnits units;

	StrategyChoices(StrategyCatalog strategies, se.stratlas.areas.Areas areas,
			se.stratlas.accounts.OrganisationUnits units) {
		this.strategies = strategies;
		this.areas = areas;
		this.units = units;
	}

	/** What the filters of the initiative list and the portfolio offer. */
	void filters(long organisationId, org.springframework.ui.Model model) {
		model.addAttribute("types", se.stratlas.initiatives.Kinds.InitiativeType.values());
		model.addAttribute("statuses", se.stratlas.initiatives.Kinds.Status.values());
		model.addAttribute("sources", se.stratlas.initiatives.Kinds.FundingSource.values());
		model.addAttribute("priorities", priorities(organisationId));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("unitNames", this.units.names(organisationId));
	}

	/** The organisation's own strategies. */
	List<Strategy> own(long organisationId) {
		return this.strategies.strategies(organisationId)
			.stream()
			.filter(s -> s.organisationId() != null && s.organisationId() == organisationId)
			.toList();
	}

	/**
	 * The strategy whose directions assessments use: the one asked for, else the first
	 * own one with directions.
	 */
	Strategy assessing(long organisationId, Long strategyId) {
		if (strategyId != null) {
			return this.strategies.strategy(organisationId, strategyId);
		}
		// The first own strategy with directions, else the first own one at all.
		List<Strategy> own = own(organisationId);
		return own.stream()
			.filter(s -> !this.strategies.directions(organisationId, s.id()).isEmpty())
			.findFirst()
			.orElse(own.isEmpty() ? null : own.getFirst());
	}

	/**
	 * Elements initiatives can contribute to: all but directions, labelled "RUS 1.1 …".
	 */
	Map<UUID, String> contributionTargets(long organisationId) {
		Map<UUID, String> targets = new LinkedHashMap<>();
		for (Strategy strategy : own(organisationId)) {
			this.strategies.elements(organisationId, this.strategies.latestVersion(organisationId, strategy.id()).id())
				.stream()
				.filter(e -> e.type() != ElementType.DIRECTION && e.type() != ElementType.GOAL)
				.forEach(e -> targets.put(e.key(), strategy.code() + " " + e.label(Locale.ROOT)));
		}
		return targets;
	}

	/** Priorities and focus areas, for filters. */
	Map<UUID, String> priorities(long organisationId) {
		Map<UUID, String> targets = new LinkedHashMap<>();
		for (Strategy strategy : own(organisationId)) {
			this.strategies.elements(organisationId, this.strategies.latestVersion(organisationId, strategy.id()).id())
				.stream()
				.filter(e -> e.type() == ElementType.PRIORITY || e.type() == ElementType.SUB_PRIORITY
						|| e.type() == ElementType.FOCUS_AREA)
				.forEach(e -> targets.put(e.key(), strategy.code() + " " + e.label(Locale.ROOT)));
		}
		return targets;
	}

	StrategyCatalog catalog() {
		return this.strategies;
	}

}
