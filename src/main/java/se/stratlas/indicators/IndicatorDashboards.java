package se.stratlas.indicators;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorAnalytics.Band;
import se.stratlas.indicators.IndicatorAnalytics.Rank;
import se.stratlas.indicators.IndicatorAnalytics.Series;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.shared.NotFoundException;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Indicators against their targets, and dashboards: each target's status, the targets
 * that are off track, the indicators of a strategy element (and the elements under it) in
 * an area with latest value, change, target status and band, and a table of many
 * indicators in many areas. Status against a target and rank among others are kept apart.
 */
@Component
@Transactional(readOnly = true)
public class IndicatorDashboards {

	private final JdbcClient jdbc;

	private final IndicatorAnalytics analytics;

	private final IndicatorRegistry registry;

	private final IndicatorLinks links;

	private final IndicatorTargets targets;

	private final Areas areas;

	private final StrategyCatalog strategies;

	IndicatorDashboards(JdbcClient jdbc, IndicatorAnalytics analytics, IndicatorRegistry registry, IndicatorLinks links,
			IndicatorTargets targets, Areas areas, StrategyCatalog strategies) {
		this.jdbc = jdbc;
		this.analytics = analytics;
		this.registry = registry;
		this.links = links;
		this.targets = targets;
		this.areas = areas;
		this.strategies = strategies;
	}

	/** A target with its status for the latest value. */
	public record TargetStatus(Target target, Target.Assessment assessment) {
	}

	/**
	 * One row of a dashboard: an indicator's latest value, the change since the period
	 * before, its target status.
	 */
	public record DashboardRow(IndicatorDefinition indicator, String areaCode, Period latestPeriod, Double latest,
			Double previous, Target.Status targetStatus, Band band, boolean preliminary) {

		public Double change() {
			return this.latest == null || this.previous == null ? null : this.latest - this.previous;
		}

	}

	/**
	 * The element's key and the keys of the elements under it (a priority with its
	 * sub-priorities).
	 */
	private Set<UUID> elementAndBelow(long organisationId, UUID key) {
		return this.strategies.latestElement(organisationId, key)
			.map(element -> this.strategies.elements(organisationId, element.versionId())
				.stream()
				.filter(e -> e.path().startsWith(element.path()))
				.map(StrategyElement::key)
				.collect(Collectors.toSet()))
			.orElse(Set.of(key));
	}

	/**
	 * The indicator's targets with their status, for each target's area (Sweden when
	 * none).
	 */
	public List<TargetStatus> targets(long organisationId, long indicatorId, String requestedArea) {
		String defaultArea = this.analytics.areaOr(organisationId, requestedArea);
		List<TargetStatus> statuses = new ArrayList<>();
		for (Target target : this.targets.targets(indicatorId)) {
			String area = target.areaCode() != null ? target.areaCode() : defaultArea;
			Series series = this.analytics.series(organisationId, indicatorId, List.of(area), target.sex()).getFirst();
			statuses.add(new TargetStatus(target, target.assess(series.points())));
		}
		return statuses;
	}

	/** An indicator whose target is not met and not on track, with its assessment. */
	public record OffTarget(IndicatorDefinition indicator, Target target, Target.Assessment assessment) {
	}

	/**
	 * The organisation's targets that are off track (not met, not on the line to the
	 * deadline), in their areas or its home area.
	 */
	public List<OffTarget> offTarget(long organisationId) {
		Map<Long, IndicatorDefinition> indicators = new HashMap<>();
		this.registry.definitions(organisationId).forEach(d -> indicators.put(d.id(), d));
		if (indicators.isEmpty()) {
			return List.of();
		}
		String home = this.analytics.homeArea(organisationId);
		List<OffTarget> off = new ArrayList<>();
		for (Target target : this.targets.targets(indicators.keySet())) {
			String area = target.areaCode() != null ? target.areaCode() : home;
			Series series = this.analytics.series(organisationId, target.indicatorId(), List.of(area), target.sex())
				.getFirst();
			Target.Assessment assessment = target.assess(series.points());
			if (assessment.status() == Target.Status.OFF_TRACK) {
				off.add(new OffTarget(indicators.get(target.indicatorId()), target, assessment));
			}
		}
		return off;
	}

	/**
	 * A strategy element's dashboard page: its rows for the area asked for (blank: the
	 * home area), that area with its name, and the home area the area choice starts from.
	 */
	public record DashboardPage(List<DashboardRow> rows, String area, String areaName, String homeArea,
			String areaOptions) {
	}

	/**
	 * An element's dashboard in the chosen area (the home area when none is), with the
	 * area picker's options in the locale.
	 */
	public DashboardPage dashboardPage(long organisationId, UUID elementKey, String requestedArea, Locale locale) {
		String home = this.analytics.homeArea(organisationId);
		String chosen = requestedArea == null || requestedArea.isBlank() ? home : requestedArea;
		return new DashboardPage(dashboard(organisationId, elementKey, chosen), chosen, this.areas.name(chosen), home,
				this.areas.optionsFor(home, List.of(chosen), locale));
	}

	/**
	 * The indicators linked to a strategy element, for one area: latest value, change,
	 * target status and band.
	 */
	public List<DashboardRow> dashboard(long organisationId, UUID elementKey, String requestedArea) {
		String areaCode = this.analytics.areaOr(organisationId, requestedArea);
		Set<UUID> keys = elementAndBelow(organisationId, elementKey);
		// The linked indicators in one query (array overlap), not one per indicator.
		List<IndicatorDefinition> definitions = this.links.linkedTo(organisationId, keys);
		List<Long> stored = definitions.stream()
			.filter(d -> d.source() != Source.COMPUTED)
			.map(IndicatorDefinition::id)
			.toList();
		// Stored indicators in three queries for all of them: the area's values, the
		// targets,
		// and the peers' values in each indicator's latest period for the band.
		Map<Long, TreeMap<Period, Target.Point>> own = new HashMap<>();
		if (!stored.isEmpty()) {
			this.jdbc.sql("""
					select indicator_id, period, value, missing, status from indicators_value
					where indicator_id = any(:ids) and area_code = :area and sex = 'T'""")
				.param("ids", stored.toArray(Long[]::new))
				.param("area", areaCode)
				.query((ResultSet rs, int row) -> {
					Target.Point point = IndicatorAnalytics.point(rs);
					own.computeIfAbsent(rs.getLong("indicator_id"), k -> new TreeMap<>()).put(point.period(), point);
					return null;
				})
				.list();
		}
		Map<Long, List<Target>> targets = new HashMap<>();
		for (Target target : this.targets.targets(stored)) {
			targets.computeIfAbsent(target.indicatorId(), k -> new ArrayList<>()).add(target);
		}
		Optional<Area> area = this.areas.find(areaCode);
		Map<Long, Map<String, Double>> peers = new HashMap<>();
		Map<Long, Period> latestPeriod = new HashMap<>();
		own.forEach((id, points) -> points.descendingMap()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().value() != null)
			.findFirst()
			.ifPresent(e -> latestPeriod.put(id, e.getKey())));
		if (area.isPresent() && area.get().kind() != Area.Kind.COUNTRY && !latestPeriod.isEmpty()) {
			List<String> codes = (area.get().kind() == Area.Kind.COUNTY ? this.areas.counties()
					: this.areas.municipalities())
				.stream()
				.map(Area::code)
				.toList();
			this.jdbc.sql("""
					select indicator_id, area_code, period, value from indicators_value
					where indicator_id = any(:ids) and area_code = any(:areas) and period = any(:periods) and sex = 'T'
					and value is not null""")
				.param("ids", latestPeriod.keySet().toArray(Long[]::new))
				.param("areas", codes.toArray(String[]::new))
				.param("periods", latestPeriod.values().stream().map(Period::code).distinct().toArray(String[]::new))
				.query((ResultSet rs, int row) -> {
					long id = rs.getLong("indicator_id");
					if (latestPeriod.get(id).code().equals(rs.getString("period"))) {
						peers.computeIfAbsent(id, k -> new HashMap<>())
							.put(rs.getString("area_code"), rs.getDouble("value"));
					}
					return null;
				})
				.list();
		}
		List<DashboardRow> rows = new ArrayList<>();
		for (IndicatorDefinition indicator : definitions) {
			if (indicator.source() == Source.COMPUTED) {
				rows.add(computedRow(organisationId, indicator, areaCode, area));
				continue;
			}
			List<Target.Point> series = List.copyOf(own.getOrDefault(indicator.id(), new TreeMap<>()).values());
			List<Target.Point> present = series.stream().filter(p -> p.value() != null).toList();
			Target.Point latest = present.isEmpty() ? null : present.getLast();
			Target.Point previous = present.size() < 2 ? null : present.get(present.size() - 2);
			Target.Status status = targets.getOrDefault(indicator.id(), List.of())
				.stream()
				.filter(t -> t.areaCode() == null || t.areaCode().equals(areaCode))
				.findFirst()
				.map(t -> t.assess(series).status())
				.orElse(null);
			Band band = Band.UNRANKED;
			Map<String, Double> others = peers.get(indicator.id());
			if (latest != null && others != null && others.containsKey(areaCode)) {
				double mine = others.get(areaCode);
				boolean lowerIsBetter = indicator.polarity() == Polarity.LOWER_IS_BETTER;
				int better = (int) others.values().stream().filter(v -> lowerIsBetter ? v < mine : v > mine).count();
				band = IndicatorAnalytics.band(indicator, better + 1, others.size());
			}
			rows.add(new DashboardRow(indicator, areaCode, latest == null ? null : latest.period(),
					latest == null ? null : latest.value(), previous == null ? null : previous.value(), status, band,
					latest != null && latest.preliminary()));
		}
		return rows;
	}

	/** A computed indicator's dashboard row, evaluated from its inputs. */
	private DashboardRow computedRow(long organisationId, IndicatorDefinition indicator, String areaCode,
			Optional<Area> area) {
		Series series = this.analytics.series(organisationId, indicator.id(), List.of(areaCode), Sex.T).getFirst();
		List<Target.Point> points = series.points().stream().filter(p -> p.value() != null).toList();
		Target.Point latest = points.isEmpty() ? null : points.getLast();
		Target.Point previous = points.size() < 2 ? null : points.get(points.size() - 2);
		Target.Status status = this.targets.targets(indicator.id())
			.stream()
			.filter(t -> t.areaCode() == null || t.areaCode().equals(areaCode))
			.findFirst()
			.map(t -> t.assess(series.points()).status())
			.orElse(null);
		Band band = Band.UNRANKED;
		if (latest != null && area.isPresent() && area.get().kind() != Area.Kind.COUNTRY) {
			band = this.analytics.ranking(organisationId, indicator.id(), latest.period(), Sex.T, area.get().kind())
				.stream()
				.filter(r -> r.areaCode().equals(areaCode))
				.findFirst()
				.map(Rank::band)
				.orElse(Band.UNRANKED);
		}
		return new DashboardRow(indicator, areaCode, latest == null ? null : latest.period(),
				latest == null ? null : latest.value(), previous == null ? null : previous.value(), status, band,
				latest != null && latest.preliminary());
	}

	/**
	 * One cell of a dashboard table: an indicator's latest value in an area and its
	 * target status there.
	 */
	public record DashboardCell(long indicatorId, String areaCode, Period period, Double value,
			Target.Status targetStatus, boolean preliminary) {
	}

	/**
	 * Many indicators × many areas at once (stored indicators): each cell's latest value
	 * and, where a target exists for the area (or for all areas), its status. Two queries
	 * in all.
	 */
	public List<DashboardCell> dashboardTable(long organisationId, List<Long> indicatorIds, List<String> areaCodes) {
		int own = this.jdbc
			.sql("select count(*) from indicators_definition where id = any(:ids) and organisation_id = :org")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("org", organisationId)
			.query(Integer.class)
			.single();
		if (own != indicatorIds.stream().distinct().count()) {
			throw new NotFoundException("indicator", indicatorIds);
		}
		Map<Long, Map<String, TreeMap<Period, Target.Point>>> values = new HashMap<>();
		this.jdbc.sql("""
				select indicator_id, area_code, period, value, missing, status from indicators_value
				where indicator_id = any(:ids) and area_code = any(:areas) and sex = 'T'""")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.param("areas", areaCodes.toArray(String[]::new))
			.query((ResultSet rs, int row) -> {
				Target.Point point = IndicatorAnalytics.point(rs);
				values.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>())
					.computeIfAbsent(rs.getString("area_code"), k -> new TreeMap<>())
					.put(point.period(), point);
				return null;
			})
			.list();
		Map<Long, List<Target>> targets = new HashMap<>();
		for (Target target : this.targets.targets(indicatorIds)) {
			targets.computeIfAbsent(target.indicatorId(), k -> new ArrayList<>()).add(target);
		}
		List<DashboardCell> cells = new ArrayList<>();
		for (long id : indicatorIds) {
			for (String area : areaCodes) {
				TreeMap<Period, Target.Point> series = values.getOrDefault(id, Map.of())
					.getOrDefault(area, new TreeMap<>());
				Target.Point latest = series.descendingMap()
					.values()
					.stream()
					.filter(p -> p.value() != null)
					.findFirst()
					.orElse(null);
				Target.Status status = targets.getOrDefault(id, List.of())
					.stream()
					.filter(t -> t.sex() == Sex.T && (t.areaCode() == null || t.areaCode().equals(area)))
					.findFirst()
					.map(t -> t.assess(List.copyOf(series.values())).status())
					.orElse(null);
				cells.add(new DashboardCell(id, area, latest == null ? null : latest.period(),
						latest == null ? null : latest.value(), status, latest != null && latest.preliminary()));
			}
		}
		return cells;
	}

}
