package se.stratlas.foresight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The strategy elements foresight links to: the priorities, sub-priorities, focus areas
 * and directions of the latest versions of the organisation's own strategies.
 */
@Component
@Transactional(readOnly = true)
public class ForesightChoices {

	/** A strategy element an item can be linked to, as the select shows it. */
	public record ElementChoice(UUID key, String label) {
	}

	private final StrategyCatalog strategies;

	ForesightChoices(StrategyCatalog strategies) {
		this.strategies = strategies;
	}

	/** The elements to choose from, labelled "RUS 1.2 Name". */
	public List<ElementChoice> elements(long organisationId) {
		List<ElementChoice> choices = new ArrayList<>();
		for (Strategy strategy : this.strategies.strategies(organisationId)) {
			if (strategy.organisationId() == null) {
				continue;
			}
			long version = this.strategies.latestVersion(organisationId, strategy.id()).id();
			for (StrategyElement e : this.strategies.elements(organisationId, version)) {
				if (e.type() == ElementType.PRIORITY || e.type() == ElementType.SUB_PRIORITY
						|| e.type() == ElementType.FOCUS_AREA || e.type() == ElementType.DIRECTION) {
					choices.add(new ElementChoice(e.key(),
							strategy.code() + " " + (e.code() == null ? "" : e.code() + " ") + e.nameSv()));
				}
			}
		}
		return choices;
	}

	/** The same elements' labels by key. */
	public Map<UUID, String> labels(long organisationId) {
		return labels(elements(organisationId));
	}

	/** These choices' labels by key. */
	public static Map<UUID, String> labels(List<ElementChoice> choices) {
		Map<UUID, String> labels = new LinkedHashMap<>();
		choices.forEach(c -> labels.put(c.key(), c.label()));
		return labels;
	}

}
