package se.stratlas.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.areas.Area;
import se.stratlas.audit.AuditEvent;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.indicators.IndicatorDashboards.DashboardRow;
import se.stratlas.indicators.IndicatorAnalytics.GenderGap;
import se.stratlas.indicators.IndicatorAnalytics.Rank;
import se.stratlas.indicators.IndicatorAnalytics.Series;
import se.stratlas.indicators.IndicatorDashboards.TargetStatus;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.web.Choice;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * What the indicator screens show, each assembled in one call: one indicator's analytics
 * (series, ranking, targets, gender gap), its values as a table to download, its charts,
 * the strategy elements an indicator can measure and an element's indicators. An area not
 * given is the organisation's home area.
 */
@Component
public class IndicatorPages {

	private static final int RANKING_CHART_AREAS = 30;

	private final IndicatorRegistry registry;

	private final IndicatorLinks links;

	private final IndicatorAnalytics analytics;

	private final IndicatorDashboards dashboards;

	private final AreaGroups groups;

	private final KoladaRefresh refresh;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	private final Areas areas;

	IndicatorPages(IndicatorRegistry registry, IndicatorLinks links, IndicatorAnalytics analytics,
			IndicatorDashboards dashboards, AreaGroups groups, KoladaRefresh refresh, StrategyCatalog strategies,
			AuditTrail audit, Areas areas) {
		this.audit = audit;
		this.areas = areas;
		this.registry = registry;
		this.links = links;
		this.analytics = analytics;
		this.dashboards = dashboards;
		this.groups = groups;
		this.refresh = refresh;
		this.strategies = strategies;
	}

	/**
	 * One indicator's page: its series in the area (with its county, Sweden, the areas
	 * and groups chosen to compare with), the values per area and period, the latest
	 * period with a value and the municipalities' ranking in it, targets and gender gap.
	 */
	public record IndicatorPage(IndicatorDefinition indicator, String area, String homeArea, Sex sex,
			List<Series> series, List<Period> periods, String chart, Map<String, Map<Period, Target.Point>> values,
			boolean incomplete, Period latest, List<Rank> ranking, String rankingChart, List<TargetStatus> targets,
			List<GenderGap> genderGap, List<AreaGroups.AreaGroup> groups, boolean subscribed, String areaOptions,
			String compareBoxes) {
	}

	/** A chart to download: the indicator's code names the file. */
	public record Chart<T>(String code, T body) {
	}

	/** An element's indicators: the dashboard rows, the directly linked ones, all. */
	public record Linked(List<DashboardRow> rows, List<Long> direct, List<IndicatorDefinition> all, String homeArea) {
	}

	public IndicatorPage indicator(long organisationId, long id, String requestedArea, Sex sex, List<String> compare,
			List<Long> groupIds, Locale locale) {
		String home = this.analytics.homeArea(organisationId);
		String area = requestedArea == null || requestedArea.isBlank() ? home : requestedArea;
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		List<Series> series = new ArrayList<>(
				this.analytics.comparison(organisationId, id, area, compare == null ? List.of() : compare, sex));
		for (long groupId : groupIds == null ? List.<Long>of() : groupIds.stream().filter(Objects::nonNull).toList()) {
			series.add(this.analytics.groupSeries(organisationId, id, this.groups.get(organisationId, groupId), sex));
		}
		List<Period> periods = series.stream()
			.flatMap(s -> s.points().stream())
			.map(Target.Point::period)
			.distinct()
			.sorted()
			.toList();
		Map<String, Map<Period, Target.Point>> values = new HashMap<>();
		series.forEach(s -> {
			Map<Period, Target.Point> byPeriod = new HashMap<>();
			s.points().forEach(p -> byPeriod.put(p.period(), p));
			values.put(s.areaCode(), byPeriod);
		});
		boolean incomplete = series.stream()
			.flatMap(s -> s.points().stream())
			.anyMatch(p -> p.value() == null || p.preliminary());
		Period latest = series.stream()
			.flatMap(s -> s.points().stream())
			.filter(p -> p.value() != null)
			.map(Target.Point::period)
			.max(Period::compareTo)
			.orElse(null);
		List<Rank> ranking = latest == null ? List.of()
				: this.analytics.ranking(organisationId, id, latest, sex, Area.Kind.MUNICIPALITY);
		String rankingChart = ranking.isEmpty() ? null
				: SvgCharts.ranking(indicator.nameSv() + " " + latest.label(locale), indicator.unit(),
						ranking.size() > RANKING_CHART_AREAS ? ranking.subList(0, RANKING_CHART_AREAS) : ranking,
						locale);
		return new IndicatorPage(indicator, area, home, sex, series, periods,
				SvgCharts.line(indicator.nameSv(), indicator.unit(), series, locale), values, incomplete, latest,
				ranking, rankingChart, this.dashboards.targets(organisationId, id, area),
				indicator.bySex() ? this.analytics.genderGap(organisationId, id, area) : List.of(),
				this.groups.list(organisationId), this.refresh.subscribed(id),
				this.areas.optionsFor(home, List.of(area), locale),
				this.areas.checkboxesFor(home, compare, "compare", locale));
	}

	/**
	 * The indicator's values in the area, its county and Sweden as one table: a missing
	 * value is an empty cell with its reason, never 0; a preliminary one says so.
	 */
	public Table export(long organisationId, long id, String area, Sex sex) {
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		Locale swedish = Locale.forLanguageTag("sv");
		List<List<Object>> rows = new ArrayList<>();
		for (Series s : this.analytics.comparison(organisationId, id, area, List.of(), sex)) {
			for (Target.Point point : s.points()) {
				List<Object> row = new ArrayList<>(
						List.of(indicator.code(), s.areaCode(), s.areaName(), point.period().code(), sex.name()));
				row.add(point.value());
				row.add(point.value() == null ? "" : point.preliminary() ? "preliminär" : "definitiv");
				row.add(point.missing() == null ? "" : point.missing().label(swedish));
				rows.add(row);
			}
		}
		return new Table(indicator.code(),
				List.of("indikator", "områdeskod", "område", "period", "kön", "värde", "status", "saknas"), rows);
	}

	/** The line chart of the area, its county and Sweden as SVG. */
	public Chart<String> chartSvg(long organisationId, long id, String area, Sex sex) {
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		return new Chart<>(indicator.code(), SvgCharts.line(indicator.nameSv(), indicator.unit(),
				this.analytics.comparison(organisationId, id, area, List.of(), sex)));
	}

	/** The line chart of the area, its county and Sweden as PNG. */
	public Chart<byte[]> chartPng(long organisationId, long id, String area, Sex sex) {
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		return new Chart<>(indicator.code(), PngCharts.line(indicator.nameSv(), indicator.unit(),
				this.analytics.comparison(organisationId, id, area, List.of(), sex)));
	}

	/**
	 * The elements of the latest version of each of the organisation's strategies, in
	 * tree order, to choose what an indicator measures.
	 */
	public List<Choice.Group> elementChoices(long organisationId, Locale locale) {
		List<Choice.Group> choiceGroups = new ArrayList<>();
		for (Strategy strategy : this.strategies.strategies(organisationId)) {
			if (strategy.organisationId() == null || strategy.organisationId() != organisationId) {
				continue;
			}
			List<Choice> choices = this.strategies
				.elements(organisationId, this.strategies.latestVersion(organisationId, strategy.id()).id())
				.stream()
				.sorted(Comparator.comparing(StrategyElement::path))
				.map(e -> new Choice(e.key().toString(), e.label(locale), e.depth()))
				.toList();
			if (!choices.isEmpty()) {
				choiceGroups.add(new Choice.Group(strategy.code() + " " + strategy.name(locale), choices));
			}
		}
		return choiceGroups;
	}

	/**
	 * The element's indicators with their latest values in the home area, the ones linked
	 * to it directly, and every indicator (to link).
	 */
	public Linked linked(long organisationId, UUID element) {
		return new Linked(this.dashboards.dashboard(organisationId, element, null),
				this.links.linkedTo(organisationId, Set.of(element)).stream().map(IndicatorDefinition::id).toList(),
				this.registry.definitions(organisationId), this.analytics.homeArea(organisationId));
	}

	/**
	 * An indicator's edit page: the definition, the elements it measures, the elements to
	 * choose from and its history.
	 */
	public record EditPage(IndicatorDefinition indicator, Set<UUID> elementKeys, List<Choice.Group> elementGroups,
			List<AuditEvent> history) {
	}

	public EditPage editPage(long organisationId, long id, Locale locale) {
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		return new EditPage(indicator, this.links.elementKeys(id), elementChoices(organisationId, locale),
				this.audit.history("indicator", indicator.id()));
	}

	/**
	 * Changes an indicator's definition (its code stays whatever the draft says) and the
	 * elements it measures; on a validation failure or a conflict the edit page again
	 * (after a conflict with the current definition as {@code theirs}).
	 */
	public Edit<EditPage, IndicatorDefinition> save(long organisationId, long id, int expectedVersion,
			IndicatorDefinition.Draft draft, List<UUID> elementKeys, String actor, Locale locale) {
		IndicatorDefinition indicator = this.registry.get(organisationId, id);
		IndicatorDefinition.Draft withCode = new IndicatorDefinition.Draft(indicator.code(), draft.nameSv(),
				draft.nameEn(), draft.description(), draft.unit(), draft.decimals(), draft.polarity(), draft.kind(),
				draft.source(), draft.sourceRef(), draft.bySex(), draft.numerator(), draft.denominator(),
				draft.factor());
		try {
			this.links.update(organisationId, id, expectedVersion, withCode, elementKeys, actor);
			return Edit.done(indicator);
		}
		catch (ValidationException ex) {
			return Edit.invalid(editPage(organisationId, id, locale), ex);
		}
		catch (EditConflictException ex) {
			EditPage page = editPage(organisationId, id, locale);
			return Edit.conflict(page, page.indicator());
		}
	}

	/**
	 * Where linking an indicator to an element (or unlinking it) leaves the user: whether
	 * it was done, and the element in the latest version of its strategy (null: none
	 * left).
	 */
	public record LinkChange(boolean done, Long elementId) {
	}

	public LinkChange changeLink(long organisationId, long indicatorId, UUID elementKey, boolean remove, String actor) {
		boolean done = true;
		try {
			if (remove) {
				this.links.unlinkElement(organisationId, indicatorId, elementKey, actor);
			}
			else {
				this.links.linkElement(organisationId, indicatorId, elementKey, actor);
			}
		}
		catch (ValidationException ex) {
			done = false;
		}
		return new LinkChange(done,
				this.strategies.latestElement(organisationId, elementKey).map(StrategyElement::id).orElse(null));
	}

}
