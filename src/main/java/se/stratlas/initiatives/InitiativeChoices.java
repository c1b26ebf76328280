package se.stratlas.initiatives;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Organisations;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

/**
 * What users pick from in the initiative screens: the organisation's own strategies, the
 * strategy assessments use, the elements initiatives contribute to, the priorities to
 * filter by and the municipalities grouped by county.
 */
@Component
@Transactional(readOnly = true)
public class InitiativeChoices {

	private final StrategyCatalog strategies;

	private final Areas areas;

	private final Organisations organisations;

	private final MessageSource messages;

	private final OrganisationUnits units;

	/**
	 * What the filters of the initiative list and the portfolio offer besides the types,
	 * statuses and funding sources.
	 */
	public record Filters(Map<UUID, String> priorities, List<Area> municipalities, Map<Long, String> unitNames) {
	}

	InitiativeChoices(StrategyCatalog strategies, Areas areas, Organisations organisations, MessageSource messages,
			OrganisationUnits units) {
		this.units = units;
		this.strategies = strategies;
		this.areas = areas;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** What the filters of the initiative list and the portfolio offer. */
	public Filters filters(long organisationId) {
		return new Filters(priorities(organisationId), this.areas.municipalities(), this.units.names(organisationId));
	}

	/** The organisation's own strategies. */
	public List<Strategy> own(long organisationId) {
		return this.strategies.strategies(organisationId)
			.stream()
			.filter(s -> s.organisationId() != null && s.organisationId() == organisationId)
			.toList();
	}

	/**
	 * The strategy whose directions assessments use: the one asked for, else the first
	 * own one with directions, else the first own one at all (null when there is none).
	 */
	public Strategy assessing(long organisationId, Long strategyId) {
		if (strategyId != null) {
			return this.strategies.strategy(organisationId, strategyId);
		}
		List<Strategy> own = own(organisationId);
		return own.stream()
			.filter(s -> !this.strategies.directions(organisationId, s.id()).isEmpty())
			.findFirst()
			.orElse(own.isEmpty() ? null : own.getFirst());
	}

	/**
	 * Elements initiatives can contribute to: all but directions and goals, labelled "RUS
	 * 1.1 …".
	 */
	public Map<UUID, String> contributionTargets(long organisationId) {
		return elements(organisationId,
				Arrays.stream(ElementType.values())
					.filter(t -> t != ElementType.DIRECTION && t != ElementType.GOAL)
					.toList());
	}

	/** Priorities, sub-priorities and focus areas, for filters. */
	public Map<UUID, String> priorities(long organisationId) {
		return elements(organisationId,
				List.of(ElementType.PRIORITY, ElementType.SUB_PRIORITY, ElementType.FOCUS_AREA));
	}

	private Map<UUID, String> elements(long organisationId, List<ElementType> types) {
		Map<UUID, String> elements = new LinkedHashMap<>();
		for (Strategy strategy : own(organisationId)) {
			this.strategies.elements(organisationId, this.strategies.latestVersion(organisationId, strategy.id()).id())
				.stream()
				.filter(e -> types.contains(e.type()))
				.forEach(e -> elements.put(e.key(), strategy.code() + " " + e.label(Locale.ROOT)));
		}
		return elements;
	}

	/** The municipalities, the home county's first under its name, then the others. */
	public Map<String, List<Area>> municipalityGroups(long organisationId, Locale locale) {
		String county = this.organisations.homeCounty(organisationId);
		Map<String, List<Area>> municipalities = new LinkedHashMap<>();
		if (county != null) {
			municipalities.put(this.areas.name(county), this.areas.municipalitiesOf(county));
		}
		String others = county == null ? "area.municipalities" : "area.otherMunicipalities";
		municipalities.put(this.messages.getMessage(others, null, others, locale),
				this.areas.municipalities().stream().filter(a -> !a.parentCode().equals(county)).toList());
		return municipalities;
	}

}
