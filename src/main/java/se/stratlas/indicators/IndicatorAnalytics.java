package se.stratlas.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.internal.ComputedIndicator;
import se.stratlas.shared.ValidationException;

/**
 * The questions analysts ask of indicators, answered with SQL in this module: series,
 * ranking among municipalities or counties, an area against Sweden, its county and chosen
 * areas, groups of areas, the gender gap, county aggregates. Computed indicators are
 * evaluated from their inputs on the fly. Targets and dashboards:
 * {@link IndicatorDashboards}.
 */
@Component
@Transactional(readOnly = true)
public class IndicatorAnalytics {

	private final JdbcClient jdbc;

	private final IndicatorRegistry registry;

	private final Areas areas;

	private final Organisations organisations;

	IndicatorAnalytics(JdbcClient jdbc, IndicatorRegistry registry, Areas areas, Organisations organisations) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.registry = registry;
		this.areas = areas;
	}

	/**
	 * The area an organisation's figures start from when none is asked for: its home area
	 * (Sweden until it has one).
	 */
	public String homeArea(long organisationId) {
		return this.organisations.homeArea(organisationId);
	}

	String areaOr(long organisationId, String area) {
		return area == null || area.isBlank() ? homeArea(organisationId) : area;
	}

	/** One area's values over time. */
	public record Series(String areaCode, String areaName, Sex sex, List<Target.Point> points) {

		public Double latest() {
			return this.points.isEmpty() ? null : this.points.getLast().value();
		}

	}

	/**
	 * An area's place among its peers for one period: 1 is best given the indicator's
	 * polarity.
	 */
	public record Rank(int rank, String areaCode, String areaName, double value, Band band, boolean preliminary) {
	}

	/**
	 * Compared with others: the best third, the middle third or the worst third. Never a
	 * target status.
	 */
	public enum Band {

		BEST_THIRD, MIDDLE_THIRD, WORST_THIRD, UNRANKED;

		public String messageKey() {
			return "rank.band." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Women minus men, and women divided by men, for one period. */
	public record GenderGap(Period period, Double women, Double men, Double difference, Double ratio) {
	}

	/**
	 * Series of an indicator (computed ones evaluated) for the areas and sex, every
	 * period present.
	 */
	public List<Series> series(long organisationId, long indicatorId, List<String> requestedAreas, Sex sex) {
		List<String> areaCodes = requestedAreas == null || requestedAreas.isEmpty() ? List.of(homeArea(organisationId))
				: requestedAreas;
		IndicatorDefinition indicator = this.registry.get(organisationId, indicatorId);
		Map<String, TreeMap<Period, Target.Point>> byArea = values(organisationId, indicator, areaCodes, sex, null);
		List<Series> series = new ArrayList<>();
		for (String code : areaCodes) {
			series.add(new Series(code, this.areas.name(code), sex,
					List.copyOf(byArea.getOrDefault(code, new TreeMap<>()).values())));
		}
		return series;
	}

	/**
	 * Series of several of the organisation's indicators for the areas (the total), and
	 * for the first area also women and men where the indicator is split by sex:
	 * indicator id → sex → area → points by period. Stored indicators are read in one
	 * query; computed ones are evaluated one by one.
	 */
	public Map<Long, Map<Sex, Map<String, List<Target.Point>>>> seriesOf(long organisationId,
			List<IndicatorDefinition> indicators, List<String> areaCodes) {
		Map<Long, Map<Sex, Map<String, List<Target.Point>>>> series = new HashMap<>();
		List<Long> stored = new ArrayList<>();
		for (IndicatorDefinition indicator : indicators) {
			if (indicator.organisationId() != organisationId) {
				continue;
			}
			if (indicator.source() != Source.COMPUTED) {
				stored.add(indicator.id());
				continue;
			}
			for (Sex sex : indicator.bySex() ? List.of(Sex.values()) : List.of(Sex.T)) {
				values(organisationId, indicator, sex == Sex.T ? areaCodes : areaCodes.subList(0, 1), sex, null)
					.forEach((area, points) -> series.computeIfAbsent(indicator.id(), k -> new HashMap<>())
						.computeIfAbsent(sex, k -> new HashMap<>())
						.put(area, List.copyOf(points.values())));
			}
		}
		if (!stored.isEmpty()) {
			this.jdbc.sql("""
					select indicator_id, area_code, sex, period, value, missing, status from indicators_value
					where indicator_id = any(:ids) and area_code = any(:areas) and (sex = 'T' or area_code = :first)
					order by period_start""")
				.param("ids", stored.toArray(Long[]::new))
				.param("areas", areaCodes.toArray(String[]::new))
				.param("first", areaCodes.getFirst())
				.query((ResultSet rs, int row) -> {
					series.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>())
						.computeIfAbsent(Sex.valueOf(rs.getString("sex")), k -> new HashMap<>())
						.computeIfAbsent(rs.getString("area_code"), k -> new ArrayList<>())
						.add(point(rs));
					return null;
				})
				.list();
		}
		return series;
	}

	/** Ranking of all municipalities (or all counties) for a period, best first. */
	public List<Rank> ranking(long organisationId, long indicatorId, Period period, Sex sex, Area.Kind level) {
		IndicatorDefinition indicator = this.registry.get(organisationId, indicatorId);
		List<String> codes = (level == Area.Kind.COUNTY ? this.areas.counties() : this.areas.municipalities()).stream()
			.map(Area::code)
			.toList();
		Map<String, TreeMap<Period, Target.Point>> values = values(organisationId, indicator, codes, sex, period);
		List<Map.Entry<String, Double>> present = new ArrayList<>();
		Map<String, Boolean> preliminary = new HashMap<>();
		values.forEach((code, points) -> {
			Target.Point point = points.get(period);
			// Missing, secret and not-applicable values are never ranked.
			if (point != null && point.value() != null) {
				present.add(Map.entry(code, point.value()));
				preliminary.put(code, point.preliminary());
			}
		});
		Comparator<Map.Entry<String, Double>> order = Map.Entry.comparingByValue();
		if (indicator.polarity() != Polarity.LOWER_IS_BETTER) {
			order = order.reversed();
		}
		present.sort(order.thenComparing(Map.Entry.comparingByKey()));
		List<Rank> ranks = new ArrayList<>();
		int rank = 0;
		Double last = null;
		for (int i = 0; i < present.size(); i++) {
			Map.Entry<String, Double> entry = present.get(i);
			if (last == null || !last.equals(entry.getValue())) {
				rank = i + 1;
				last = entry.getValue();
			}
			ranks.add(new Rank(rank, entry.getKey(), this.areas.name(entry.getKey()), entry.getValue(),
					band(indicator, rank, present.size()), preliminary.get(entry.getKey())));
		}
		return ranks;
	}

	static Band band(IndicatorDefinition indicator, int rank, int count) {
		if (indicator.polarity() == Polarity.NEUTRAL || count < 3) {
			return Band.UNRANKED;
		}
		double position = (rank - 1) / (double) count;
		return position < 1 / 3.0 ? Band.BEST_THIRD : position < 2 / 3.0 ? Band.MIDDLE_THIRD : Band.WORST_THIRD;
	}

	/** The area, its county and Sweden, and the areas chosen to compare with. */
	public List<Series> comparison(long organisationId, long indicatorId, String requestedArea, List<String> others,
			Sex sex) {
		String areaCode = areaOr(organisationId, requestedArea);
		List<String> codes = new ArrayList<>();
		codes.add(areaCode);
		this.areas.find(areaCode)
			.filter(a -> a.kind() == Area.Kind.MUNICIPALITY)
			.map(Area::parentCode)
			.ifPresent(codes::add);
		if (!Areas.SWEDEN.equals(areaCode)) {
			codes.add(Areas.SWEDEN);
		}
		others.stream().filter(o -> !codes.contains(o)).forEach(codes::add);
		return series(organisationId, indicatorId, codes, sex);
	}

	/**
	 * A group's series: per period the unweighted mean of the members that have a value.
	 */
	public Series groupSeries(long organisationId, long indicatorId, AreaGroups.AreaGroup group, Sex sex) {
		TreeMap<Period, double[]> sums = new TreeMap<>();
		for (Series member : series(organisationId, indicatorId, group.areaCodes(), sex)) {
			for (Target.Point point : member.points()) {
				if (point.value() != null) {
					double[] sum = sums.computeIfAbsent(point.period(), p -> new double[3]);
					sum[0] += point.value();
					sum[1]++;
					sum[2] += point.preliminary() ? 1 : 0;
				}
			}
		}
		List<Target.Point> points = new ArrayList<>();
		sums.forEach((period, sum) -> points.add(new Target.Point(period, sum[0] / sum[1], null, sum[2] > 0)));
		return new Series("group:" + group.id(), group.name(), sex, points);
	}

	/** Women minus men, and the ratio, per period. */
	public List<GenderGap> genderGap(long organisationId, long indicatorId, String requestedArea) {
		String areaCode = areaOr(organisationId, requestedArea);
		Map<Period, Double> women = toMap(series(organisationId, indicatorId, List.of(areaCode), Sex.K).getFirst());
		Map<Period, Double> men = toMap(series(organisationId, indicatorId, List.of(areaCode), Sex.M).getFirst());
		TreeMap<Period, GenderGap> gaps = new TreeMap<>();
		for (Period period : women.keySet()) {
			Double w = women.get(period);
			Double m = men.get(period);
			gaps.put(period, new GenderGap(period, w, m, w == null || m == null ? null : w - m,
					w == null || m == null || m == 0 ? null : w / m));
		}
		return List.copyOf(gaps.values());
	}

	/**
	 * The county's value computed from its municipalities: the sum, or the mean weighted
	 * by another indicator (such as the population) when a weight is given.
	 */
	public List<Target.Point> countyAggregate(long organisationId, long indicatorId, String requestedCounty, Sex sex,
			Long weightIndicatorId) {
		String countyCode = requestedCounty == null || requestedCounty.isBlank()
				? this.organisations.homeCounty(organisationId) : requestedCounty;
		if (countyCode == null) {
			throw new ValidationException("county", "validation.required");
		}
		List<String> municipalities = this.areas.municipalitiesOf(countyCode).stream().map(Area::code).toList();
		if (municipalities.isEmpty()) {
			throw new ValidationException("countyCode", "area.unknown", countyCode);
		}
		Map<String, TreeMap<Period, Target.Point>> values = values(organisationId,
				this.registry.get(organisationId, indicatorId), municipalities, sex, null);
		Map<String, TreeMap<Period, Target.Point>> weights = weightIndicatorId == null ? Map.of() : values(
				organisationId, this.registry.get(organisationId, weightIndicatorId), municipalities, sex, null);
		TreeMap<Period, double[]> sums = new TreeMap<>();
		values.forEach((area, points) -> points.forEach((period, point) -> {
			double[] sum = sums.computeIfAbsent(period, p -> new double[5]);
			if (point.value() == null) {
				// A secret municipality value makes the county's unknown as secret: the
				// sum
				// would let it be derived.
				sum[4] += point.missing() == IndicatorKinds.Missing.SEKRETESS ? 1 : 0;
				return;
			}
			double weight = 1;
			if (weightIndicatorId != null) {
				Target.Point w = weights.getOrDefault(area, new TreeMap<>()).get(period);
				if (w == null || w.value() == null) {
					return;
				}
				weight = w.value();
				sum[3] += w.preliminary() ? 1 : 0;
			}
			sum[0] += point.value() * weight;
			sum[1] += weight;
			sum[2]++;
			sum[3] += point.preliminary() ? 1 : 0;
		}));
		List<Target.Point> points = new ArrayList<>();
		sums.forEach((period, sum) -> {
			// Only when every municipality has a value: a missing one is never counted as
			// 0.
			boolean complete = sum[2] == municipalities.size();
			Double value = !complete ? null : weightIndicatorId == null ? sum[0] : sum[1] == 0 ? null : sum[0] / sum[1];
			points.add(new Target.Point(period, value,
					value != null ? null
							: sum[4] > 0 ? IndicatorKinds.Missing.SEKRETESS : IndicatorKinds.Missing.SAKNAS,
					value != null && sum[3] > 0));
		});
		return points;
	}

	/**
	 * Stored values by area and period, or, for a computed indicator, values computed
	 * from its inputs.
	 */
	Map<String, TreeMap<Period, Target.Point>> values(long organisationId, IndicatorDefinition indicator,
			List<String> areaCodes, Sex sex, Period only) {
		if (indicator.source() == Source.COMPUTED) {
			return computed(organisationId, indicator, areaCodes, sex, only);
		}
		Map<String, TreeMap<Period, Target.Point>> byArea = new HashMap<>();
		// One period or all: two statements, so that each has a plan that uses the
		// primary key
		// (indicator, area, period, sex) fully.
		String sql = only == null ? """
				select area_code, period, value, missing, status from indicators_value where indicator_id = :id
				and area_code = any(:areas) and sex = :sex""" : """
				select area_code, period, value, missing, status from indicators_value where indicator_id = :id
				and area_code = any(:areas) and period = :period and sex = :sex""";
		var statement = this.jdbc.sql(sql)
			.param("id", indicator.id())
			.param("areas", areaCodes.toArray(String[]::new))
			.param("sex", sex.name());
		if (only != null) {
			statement = statement.param("period", only.code());
		}
		statement.query((ResultSet rs, int row) -> {
			Target.Point point = point(rs);
			byArea.computeIfAbsent(rs.getString("area_code"), k -> new TreeMap<>()).put(point.period(), point);
			return null;
		}).list();
		return byArea;
	}

	/**
	 * A stored value as a point: the number (a SQL null stays null, never 0), or the
	 * reason it is missing, and whether it is preliminary.
	 */
	static Target.Point point(ResultSet rs) throws SQLException {
		Double value = rs.getObject("value", Double.class);
		String missing = rs.getString("missing");
		return new Target.Point(Period.parse(rs.getString("period")), value,
				missing == null ? null : IndicatorKinds.Missing.valueOf(missing),
				IndicatorKinds.ValueStatus.PRELIMINAR.name().equals(rs.getString("status")));
	}

	private Map<String, TreeMap<Period, Target.Point>> computed(long organisationId, IndicatorDefinition indicator,
			List<String> areaCodes, Sex sex, Period only) {
		Map<String, IndicatorDefinition> inputs = new LinkedHashMap<>();
		for (IndicatorDefinition definition : this.registry.definitions(organisationId)) {
			inputs.put(definition.code(), definition);
		}
		ComputedIndicator formula = ComputedIndicator.parse(indicator.numerator(), indicator.denominator(),
				indicator.factor() == null ? 1 : indicator.factor(), inputs.keySet());
		Map<String, Map<String, TreeMap<Period, Target.Point>>> inputValues = new HashMap<>();
		Set<Period> periods = new TreeSet<>();
		for (String code : formula.inputs()) {
			IndicatorDefinition input = inputs.get(code);
			if (input.source() == Source.COMPUTED && input.id() == indicator.id()) {
				throw new ValidationException("numerator", "indicator.expression.invalid", "refers to itself");
			}
			Map<String, TreeMap<Period, Target.Point>> values = values(organisationId, input, areaCodes, sex, only);
			inputValues.put(code, values);
			values.values().forEach(points -> periods.addAll(points.keySet()));
		}
		Map<String, TreeMap<Period, Target.Point>> result = new HashMap<>();
		for (String area : areaCodes) {
			for (Period period : periods) {
				List<Target.Point> used = new ArrayList<>();
				OptionalDouble value = formula.evaluate(code -> {
					Target.Point p = inputValues.get(code).getOrDefault(area, new TreeMap<>()).get(period);
					if (p != null) {
						used.add(p);
					}
					return p == null || p.value() == null ? OptionalDouble.empty() : OptionalDouble.of(p.value());
				});
				boolean finite = value.isPresent() && Double.isFinite(value.getAsDouble());
				// Missing when an input is: secret if any input is secret, else saknas.
				IndicatorKinds.Missing reason = used.stream()
					.map(Target.Point::missing)
					.filter(m -> m == IndicatorKinds.Missing.SEKRETESS)
					.findFirst()
					.orElse(IndicatorKinds.Missing.SAKNAS);
				result.computeIfAbsent(area, k -> new TreeMap<>())
					.put(period, new Target.Point(period, finite ? value.getAsDouble() : null, finite ? null : reason,
							finite && used.stream().anyMatch(Target.Point::preliminary)));
			}
		}
		return result;
	}

	private static Map<Period, Double> toMap(Series series) {
		Map<Period, Double> map = new TreeMap<>();
		series.points().forEach(p -> map.put(p.period(), p.value()));
		return map;
	}

}
