package se.stratlas.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.stratlas.areas.Areas;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Products;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.PngCharts;
import se.stratlas.indicators.SvgCharts;
import se.stratlas.indicators.Target;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Mark;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.strategy.StrategyElement;

/**
 * The parts of a report that rest on indicators: a chapter's indicators with their status
 * and charts, the figures a question asks for, and goal fulfilment per goal. Values are
 * read up to the report's year; a missing value stays a gap in a chart and a dash with
 * its reason in a table, never a zero.
 */
@Component
public class IndicatorSections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	/** The columns of an indicator series as open data (JSON-stat reads them). */
	static final List<String> SERIES_COLUMNS = List.of("Indikatorkod", "Indikator", "Områdeskod", "Område", "Kön",
			"Period", "Värde", "Enhet");

	private final IndicatorRegistry indicators;

	private final IndicatorTargets targets;

	private final IndicatorAnalytics analytics;

	private final IndicatorDashboards dashboards;

	private final Areas areas;

	private final MessageSource messages;

	public IndicatorSections(IndicatorRegistry indicators, IndicatorTargets targets, IndicatorAnalytics analytics,
			IndicatorDashboards dashboards, Areas areas, MessageSource messages) {
		this.indicators = indicators;
		this.targets = targets;
		this.analytics = analytics;
		this.dashboards = dashboards;
		this.areas = areas;
		this.messages = messages;
	}

	/**
	 * An indicator read for a report: its series in the home area up to the year, the
	 * latest value present and its status against the target (null with no target).
	 */
	record Assessed(IndicatorDefinition indicator, IndicatorAnalytics.Series series, List<Target.Point> points,
			Target.Point latest, Target.Status status) {

		boolean onTrack() {
			return this.status == Target.Status.MET || this.status == Target.Status.ON_TRACK;
		}

		boolean assessable() {
			return this.status != null && this.status != Target.Status.NO_DATA;
		}

	}

	Assessed assess(long organisationId, IndicatorDefinition indicator, String home, int year) {
		IndicatorAnalytics.Series series = this.analytics.series(organisationId, indicator.id(), List.of(home), Sex.T)
			.getFirst();
		List<Target.Point> points = series.points().stream().filter(p -> p.period().year() <= year).toList();
		Target.Point latest = latestPresent(points);
		Target.Status status = this.targets.targets(indicator.id())
			.stream()
			.filter(t -> t.areaCode() == null || t.areaCode().equals(home))
			.findFirst()
			.map(t -> t.assess(points).status())
			.orElse(null);
		return new Assessed(indicator, series, points, latest, status);
	}

	private List<Object> row(Assessed a) {
		IndicatorDefinition indicator = a.indicator();
		return List.of(indicator.nameSv(), nz(indicator.unit()), a.latest() == null ? "" : a.latest().period().label(),
				a.latest() == null ? "–" : valueText(a.latest(), indicator.decimals()),
				a.status() == null ? "inget mål" : targetStatus(a.status()));
	}

	private static final List<String> HEADERS = List.of("Indikator", "Enhet", "Period", "Värde", "Status mot målet");

	/**
	 * The indicators linked to a part of the strategy: a table with target status and a
	 * chart each (women and men beside each other where the indicator is split by sex).
	 */
	public void chapter(long organisationId, StrategyElement priority, int year, int chapter, List<Node> nodes) {
		String home = this.analytics.homeArea(organisationId);
		List<IndicatorDashboards.DashboardRow> linked = this.dashboards.dashboard(organisationId, priority.key(), home);
		if (linked.isEmpty()) {
			return;
		}
		nodes.add(new Heading(2, "Indikatorer", "indikatorer-" + chapter));
		List<List<Object>> rows = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		boolean demo = false;
		for (IndicatorDashboards.DashboardRow dashboardRow : linked) {
			Assessed a = assess(organisationId, dashboardRow.indicator(), home, year);
			demo |= a.indicator().demoNote() != null;
			rows.add(row(a));
			charts.add(chart(a));
			if (a.indicator().bySex()) {
				charts.add(bySex(organisationId, a.indicator(), home, a.series().areaName(), year));
			}
		}
		nodes.add(new Table("Indikatorer för " + priority.nameSv() + ", " + this.areas.name(home)
				+ ", senaste värde till och med " + year, HEADERS, rows, "indikatorer-" + nz(priority.code())));
		if (demo) {
			nodes.add(new Notice("Indikatorvärdena är fiktiva demovärden, påhittade för demon, inte statistik."));
		}
		nodes.addAll(charts);
	}

	/**
	 * The figures a question asks for: the named indicators' latest values and status.
	 */
	public void figures(long organisationId, List<String> codes, int year, String anchor, List<Node> nodes) {
		String home = this.analytics.homeArea(organisationId);
		List<List<Object>> rows = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		boolean demo = false;
		for (String code : codes) {
			var found = this.indicators.findByCode(organisationId, code);
			if (found.isEmpty()) {
				continue;
			}
			Assessed a = assess(organisationId, found.get(), home, year);
			demo |= a.indicator().demoNote() != null;
			rows.add(row(a));
			charts.add(chart(a));
		}
		if (rows.isEmpty()) {
			return;
		}
		nodes.add(new Heading(2, "Efterfrågade uppgifter", anchor));
		nodes.add(new Table("Efterfrågade uppgifter, " + this.areas.name(home) + ", senaste värde till och med " + year,
				HEADERS, rows, anchor));
		if (demo) {
			nodes.add(new Notice("Indikatorvärdena är fiktiva demovärden, påhittade för demon, inte statistik."));
		}
		nodes.addAll(charts);
	}

	/**
	 * Goal fulfilment per goal of the level the strategy is followed up by: the units'
	 * own assessment where they gave one, else what the indicators with a target say (all
	 * in line: uppnås; none: uppnås inte; some: uppnås delvis; no target with values: kan
	 * inte bedömas). Each row says what the status rests on.
	 */
	public void goalFulfilment(long organisationId, String title, String levelTitle, List<StrategyElement> goals,
			List<StrategyElement> elements, List<Products.Part> parts, List<InitiativeDetails> initiatives, int year,
			List<Node> nodes) {
		if (goals.isEmpty()) {
			return;
		}
		String home = this.analytics.homeArea(organisationId);
		nodes.add(new Heading(1, title, "maluppfyllelse"));
		nodes.add(new Text("Bedömningen per " + levelTitle.toLowerCase(SWEDISH) + " bygger i första hand på de "
				+ "ansvariga enheternas egen bedömning i inrapporteringen. Där ingen enhet har bedömt måluppfyllelsen "
				+ "visar tabellen vad indikatorerna med mål säger: ● uppnås när alla är i fas eller har nått målet, "
				+ "◐ uppnås delvis när några är det och ○ uppnås inte när ingen är det. Utan mål eller värden "
				+ "kan måluppfyllelsen inte bedömas (–).", null));
		List<List<Object>> rows = new ArrayList<>();
		int unassessed = 0;
		boolean demo = false;
		for (StrategyElement goal : goals) {
			Set<UUID> keys = new HashSet<>();
			elements.stream().filter(e -> e.path().startsWith(goal.path())).forEach(e -> keys.add(e.key()));
			List<Fulfilment> judged = parts.stream()
				.filter(p -> p.section().elementKey() != null && keys.contains(p.section().elementKey()))
				.flatMap(p -> p.entries().stream())
				.filter(e -> e.text() != null && e.contribution().fulfilment() != null)
				.map(e -> e.contribution().fulfilment())
				.toList();
			List<Assessed> assessed = new ArrayList<>();
			for (IndicatorDashboards.DashboardRow row : this.dashboards.dashboard(organisationId, goal.key(), home)) {
				Assessed a = assess(organisationId, row.indicator(), home, year);
				demo |= a.indicator().demoNote() != null;
				if (a.assessable()) {
					assessed.add(a);
				}
			}
			long inLine = assessed.stream().filter(Assessed::onTrack).count();
			Mark mark;
			String basis;
			if (!judged.isEmpty()) {
				mark = UnitSections.mark(combine(judged));
				basis = judged.size() == 1 ? "enhetens bedömning" : judged.size() + " enheters bedömning";
			}
			else if (!assessed.isEmpty()) {
				Fulfilment f = inLine == assessed.size() ? Fulfilment.ACHIEVED
						: inLine == 0 ? Fulfilment.NOT_ACHIEVED : Fulfilment.PARTLY;
				mark = UnitSections.mark(f);
				basis = "indikatorerna";
			}
			else {
				mark = new Mark("kan inte bedömas", Mark.Tone.NONE);
				basis = "inga indikatorer med mål och värden";
				unassessed++;
			}
			long active = initiatives.stream()
				.filter(d -> d.contributions().stream().anyMatch(c -> keys.contains(c.elementKey())))
				.filter(d -> (d.initiative().startDate() == null || d.initiative().startDate().getYear() <= year)
						&& (d.initiative().endDate() == null || d.initiative().endDate().getYear() >= year))
				.count();
			rows.add(Arrays.asList(goal.code() == null ? goal.nameSv() : goal.code() + " " + goal.nameSv(), mark, basis,
					assessed.isEmpty() ? "–" : inLine + " av " + assessed.size(), active));
		}
		nodes.add(new Table("Måluppfyllelse per " + levelTitle.toLowerCase(SWEDISH) + " " + year,
				List.of(levelTitle, "Bedömning", "Grund för bedömningen", "Indikatorer i fas", "Pågående insatser"),
				rows, "maluppfyllelse"));
		if (unassessed > 0) {
			nodes.add(new Notice(unassessed + " av " + goals.size() + " kan inte bedömas: ingen enhet har bedömt dem "
					+ "och inga kopplade indikatorer har både mål och värden till och med " + year + "."));
		}
		if (demo) {
			nodes.add(new Notice("Bedömningar som bygger på indikatorerna bygger på fiktiva demovärden."));
		}
	}

	/** Several units' assessments of one goal as one. */
	static Fulfilment combine(List<Fulfilment> judged) {
		if (judged.stream().allMatch(f -> f == Fulfilment.ACHIEVED)) {
			return Fulfilment.ACHIEVED;
		}
		if (judged.stream().allMatch(f -> f == Fulfilment.NOT_ACHIEVED)) {
			return Fulfilment.NOT_ACHIEVED;
		}
		return Fulfilment.PARTLY;
	}

	private Chart chart(Assessed a) {
		IndicatorDefinition indicator = a.indicator();
		IndicatorAnalytics.Series shown = new IndicatorAnalytics.Series(a.series().areaCode(), a.series().areaName(),
				a.series().sex(), a.points());
		String title = indicator.nameSv() + ", " + a.series().areaName();
		// The chart's data as open data: one row per value, codes beside labels.
		List<List<Object>> data = new ArrayList<>();
		a.points()
			.forEach(p -> data
				.add(List.of(indicator.code(), indicator.nameSv(), a.series().areaCode(), a.series().areaName(),
						"totalt", p.period().label(), valueText(p, indicator.decimals()), nz(indicator.unit()))));
		List<Target.Point> present = a.points().stream().filter(p -> p.value() != null).toList();
		String alt = title + (present.isEmpty() ? ": inga värden"
				: ": från " + format(present.getFirst().value(), indicator.decimals()) + " ("
						+ present.getFirst().period().label() + ") till "
						+ format(a.latest().value(), indicator.decimals()) + " (" + a.latest().period().label() + ")")
				+ (indicator.unit() == null ? "" : " " + indicator.unit());
		return new Chart(title, chartNote(indicator, a.points()), alt,
				SvgCharts.line(title, nz(indicator.unit()), List.of(shown)),
				() -> PngCharts.line(null, nz(indicator.unit()), List.of(shown), SWEDISH),
				new Table(title, SERIES_COLUMNS, data, "indikator-" + indicator.code()));
	}

	/**
	 * What a chart's caption adds to its title: the source (with the key figure's id),
	 * the unit, the period shown and whether the values are invented.
	 */
	private String chartNote(IndicatorDefinition indicator, List<Target.Point> points) {
		StringBuilder note = new StringBuilder("Källa: ").append(this.messages
			.getMessage("indicator.source." + indicator.source().name(), null, indicator.source().name(), SWEDISH));
		if (indicator.sourceRef() != null && !indicator.sourceRef().isBlank() && indicator.source() == Source.KOLADA) {
			note.append(" (").append(indicator.sourceRef()).append(')');
		}
		if (indicator.unit() != null && !indicator.unit().isBlank()) {
			note.append(". Enhet: ").append(indicator.unit());
		}
		if (!points.isEmpty()) {
			note.append(". Period: ").append(points.getFirst().period().label());
			if (points.size() > 1) {
				note.append('–').append(points.getLast().period().label());
			}
		}
		note.append('.');
		if (indicator.demoNote() != null) {
			note.append(" Fiktiva demovärden.");
		}
		return note.toString();
	}

	/** Women and men side by side: the gender perspective the directions ask for. */
	private Chart bySex(long organisationId, IndicatorDefinition indicator, String home, String areaName, int year) {
		List<IndicatorAnalytics.Series> series = new ArrayList<>();
		for (Sex sex : List.of(Sex.K, Sex.M)) {
			IndicatorAnalytics.Series one = this.analytics.series(organisationId, indicator.id(), List.of(home), sex)
				.getFirst();
			series.add(new IndicatorAnalytics.Series(one.areaCode(),
					one.areaName() + (sex == Sex.K ? ", kvinnor" : ", män"), sex,
					one.points().stream().filter(p -> p.period().year() <= year).toList()));
		}
		String title = indicator.nameSv() + ", " + areaName + ", kvinnor och män";
		List<List<Object>> data = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String sex = i == 0 ? "kvinnor" : "män";
			for (Target.Point p : series.get(i).points()) {
				data.add(List.of(indicator.code(), indicator.nameSv(), home, areaName, sex, p.period().label(),
						valueText(p, indicator.decimals()), nz(indicator.unit())));
			}
		}
		Target.Point women = latestPresent(series.get(0).points());
		Target.Point men = latestPresent(series.get(1).points());
		String alt = title + (women == null || men == null ? ": inga värden"
				: ": kvinnor " + format(women.value(), indicator.decimals()) + ", män "
						+ format(men.value(), indicator.decimals()) + " (" + women.period().label() + ")");
		return new Chart(title, chartNote(indicator, series.getFirst().points()), alt,
				SvgCharts.line(title, nz(indicator.unit()), series),
				() -> PngCharts.line(null, nz(indicator.unit()), series, SWEDISH),
				new Table(indicator.nameSv() + ", " + areaName + ", per kön", SERIES_COLUMNS, data,
						"indikator-" + indicator.code() + "-kon"));
	}

	private static Target.Point latestPresent(List<Target.Point> points) {
		return points.stream().filter(p -> p.value() != null).reduce((a, b) -> b).orElse(null);
	}

	/**
	 * A value as a report's table shows it: the number (rounded, "preliminärt" when it
	 * is), or a dash with the reason it is missing.
	 */
	private static Object valueText(Target.Point point, int decimals) {
		if (point.value() == null) {
			return "– " + point.missing().label(SWEDISH);
		}
		return point.preliminary() ? format(point.value(), decimals) + " (preliminärt)"
				: BigDecimal.valueOf(point.value()).setScale(decimals, RoundingMode.HALF_UP);
	}

	private static String targetStatus(Target.Status status) {
		return switch (status) {
			case MET -> "uppnått";
			case ON_TRACK -> "i fas";
			case OFF_TRACK -> "inte i fas";
			case NO_DATA -> "saknar data";
		};
	}

	private static String format(double value, int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
