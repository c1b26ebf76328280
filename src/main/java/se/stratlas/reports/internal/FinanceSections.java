package se.stratlas.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.stratlas.followup.Cycle;
import se.stratlas.followup.Products;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigures;
import se.stratlas.indicators.PngCharts;
import se.stratlas.indicators.SvgCharts;
import se.stratlas.reports.HtmlReport;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;

/**
 * Finance and staffing of all units (seed 003): a table per kind with a totals row that
 * is the sum of the rows (sick leave weighted by the number of employees), the units'
 * notes on their sources, and the finance as a bar chart.
 */
@Component
public class FinanceSections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final UnitFigureBook figures;

	public FinanceSections(UnitFigureBook figures) {
		this.figures = figures;
	}

	/**
	 * Budget, outcome and forecast of every unit with figures for the cycle's period, in
	 * the order of the reporting units (then the organisation's), a totals row that is
	 * the sum of the rows, and a bar chart. Returns false when no unit has figures.
	 */
	public boolean finance(Cycle cycle, String title, List<Products.Part> parts, List<Node> nodes,
			long organisationId) {
		List<UnitFigureBook.Row> rows = new ArrayList<>(this.figures.rows(organisationId, cycle.periodCode(), false));
		if (rows.isEmpty()) {
			return false;
		}
		List<String> order = List.copyOf(UnitSections.reporting(parts));
		rows.sort(Comparator.comparing((UnitFigureBook.Row r) -> order.indexOf(r.unit().name()) < 0 ? Integer.MAX_VALUE
				: order.indexOf(r.unit().name())));
		nodes.add(new Heading(1, title == null ? "Ekonomi, samtliga enheter" : title, "ekonomi"));
		List<List<Object>> table = new ArrayList<>();
		for (UnitFigureBook.Row row : rows) {
			UnitFigures f = row.figures();
			table.add(new ArrayList<>(Arrays.asList(row.unit().name(), f.budget(), f.outcome(), f.deviation(),
					f.forecast(), f.savingsTarget())));
		}
		Map<String, BigDecimal> totals = UnitFigureBook.totals(rows);
		table.add(new ArrayList<>(Arrays.asList("Totalt", totals.get("budget"), totals.get("outcome"),
				totals.get("deviation"), totals.get("forecast"), sum(rows, UnitFigures::savingsTarget))));
		List<String> headers = new ArrayList<>(
				List.of("Enhet", "Budget", "Utfall", "Avvikelse mot budget", "Helårsprognos", "Sparbeting"));
		dropEmptyColumns(headers, table);
		alignScales(table);
		nodes.add(new Table("Ekonomi per enhet, " + cycle.periodLabel(SWEDISH) + " (mnkr)", headers, table, "ekonomi"));
		notes(rows, nodes);
		// Budget, outcome and forecast per unit as bars: where each unit stands at a
		// glance.
		List<String> units = rows.stream().map(r -> r.unit().name()).toList();
		boolean forecasts = rows.stream().anyMatch(r -> r.figures().forecast() != null);
		List<String> series = forecasts ? List.of("Budget", "Utfall", "Helårsprognos") : List.of("Budget", "Utfall");
		Double[][] values = new Double[rows.size()][];
		List<List<Object>> data = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			UnitFigures f = rows.get(i).figures();
			values[i] = forecasts ? new Double[] { number(f.budget()), number(f.outcome()), number(f.forecast()) }
					: new Double[] { number(f.budget()), number(f.outcome()) };
			data.add(forecasts
					? Arrays.asList(units.get(i), plainOrNull(f.budget()), plainOrNull(f.outcome()),
							plainOrNull(f.forecast()))
					: Arrays.asList(units.get(i), plainOrNull(f.budget()), plainOrNull(f.outcome())));
		}
		String chartTitle = (forecasts ? "Budget, utfall och helårsprognos" : "Budget och utfall") + " per enhet, "
				+ cycle.periodLabel(SWEDISH);
		String alt = chartTitle + ": " + String.join("; ", rows.stream()
			.map(r -> r.unit().name() + " utfall " + HtmlReport.cell(r.figures().outcome())
					+ (forecasts ? ", prognos "
							+ (r.figures().forecast() == null ? "saknas" : HtmlReport.cell(r.figures().forecast()))
							: ""))
			.toList()) + " (mnkr)";
		nodes.add(new Chart(chartTitle, "Källa: enheternas ekonomiska uppföljning i Stratlas. Enhet: mnkr.", alt,
				SvgCharts.groupedBars(chartTitle, "mnkr", units, series, values, SWEDISH),
				() -> PngCharts.groupedBars("mnkr", units, series, values, SWEDISH),
				new Table(chartTitle, forecasts ? List.of("Enhet", "Budget", "Utfall", "Helårsprognos")
						: List.of("Enhet", "Budget", "Utfall"), data, "ekonomi-diagram")));
		return true;
	}

	/**
	 * Staffing key figures of every unit with a totals row: the sums of the rows, and the
	 * sick leave as an average weighted by the number of employees. Returns false when no
	 * unit has given any.
	 */
	public boolean staffing(Cycle cycle, String title, List<Node> nodes, long organisationId) {
		List<UnitFigureBook.Row> rows = this.figures.rows(organisationId, cycle.periodCode(), false)
			.stream()
			.filter(r -> r.figures().employees() != null || r.figures().sickLeavePct() != null
					|| r.figures().permanentEmployees() != null)
			.toList();
		if (rows.isEmpty()) {
			return false;
		}
		nodes.add(new Heading(1, title == null ? "Personal" : title, "personal"));
		List<List<Object>> table = new ArrayList<>();
		BigDecimal weighted = BigDecimal.ZERO;
		int weight = 0;
		for (UnitFigureBook.Row row : rows) {
			UnitFigures f = row.figures();
			table.add(new ArrayList<>(Arrays.asList(row.unit().name(), f.employees(), f.employeesChange(),
					f.permanentEmployees(), f.sickLeavePct(), f.workedHours())));
			if (f.employees() != null && f.sickLeavePct() != null) {
				weighted = weighted.add(f.sickLeavePct().multiply(BigDecimal.valueOf(f.employees())));
				weight += f.employees();
			}
		}
		table.add(new ArrayList<>(Arrays.asList("Totalt", intSum(rows, UnitFigures::employees),
				intSum(rows, UnitFigures::employeesChange), intSum(rows, UnitFigures::permanentEmployees),
				weight == 0 ? null : weighted.divide(BigDecimal.valueOf(weight), 1, RoundingMode.HALF_UP),
				sum(rows, UnitFigures::workedHours))));
		List<String> headers = new ArrayList<>(List.of("Enhet", "Anställda", "Förändring", "Tillsvidareanställda",
				"Sjukfrånvaro (%)", "Arbetade timmar"));
		dropEmptyColumns(headers, table);
		alignScales(table);
		nodes.add(new Table("Personal per enhet, " + cycle.periodLabel(SWEDISH), headers, table, "personal"));
		if (headers.contains("Sjukfrånvaro (%)")) {
			nodes.add(new Notice("Sjukfrånvaron på raden Totalt är ett genomsnitt vägt med antalet anställda."));
		}
		notes(rows, nodes);
		return true;
	}

	/**
	 * The units' notes on their figures' source: one note all share is shown; several are
	 * referred to, since each unit's own stands with its figures.
	 */
	private static void notes(List<UnitFigureBook.Row> rows, List<Node> nodes) {
		List<String> notes = rows.stream()
			.map(r -> r.figures().sourceNote())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (notes.size() == 1) {
			nodes.add(new Notice(notes.getFirst()));
		}
		else if (notes.size() > 1) {
			nodes.add(new Notice("Siffror som källan inte anger direkt är härledda eller fiktiva; varje enhets "
					+ "källanteckning står med enhetens siffror."));
		}
	}

	/** A column with no value in any row is left out rather than printed empty. */
	private static void dropEmptyColumns(List<String> headers, List<List<Object>> table) {
		for (int column = headers.size() - 1; column > 0; column--) {
			int c = column;
			if (table.stream().allMatch(r -> r.get(c) == null || "".equals(r.get(c)))) {
				headers.remove(c);
				table.forEach(r -> r.remove(c));
			}
		}
	}

	/**
	 * Every amount of a column with as many decimals as the most precise one needs (21,0
	 * beside 38,5, not 21), so that the column reads evenly; no value is rounded.
	 */
	private static void alignScales(List<List<Object>> table) {
		for (int column = 1; column < table.getFirst().size(); column++) {
			int c = column;
			int scale = table.stream()
				.map(r -> r.get(c))
				.filter(BigDecimal.class::isInstance)
				.mapToInt(v -> Math.max(0, ((BigDecimal) v).stripTrailingZeros().scale()))
				.max()
				.orElse(0);
			table.forEach(r -> {
				if (r.get(c) instanceof BigDecimal value) {
					r.set(c, value.setScale(scale, RoundingMode.UNNECESSARY));
				}
			});
		}
	}

	private static BigDecimal sum(List<UnitFigureBook.Row> rows, Function<UnitFigures, BigDecimal> field) {
		return rows.stream()
			.map(r -> field.apply(r.figures()))
			.filter(Objects::nonNull)
			.reduce(null, (a, b) -> a == null ? b : a.add(b));
	}

	private static Integer intSum(List<UnitFigureBook.Row> rows, Function<UnitFigures, Integer> field) {
		return rows.stream()
			.map(r -> field.apply(r.figures()))
			.filter(Objects::nonNull)
			.reduce(null, (a, b) -> a == null ? b : a + b);
	}

	private static BigDecimal plainOrNull(BigDecimal value) {
		return value == null ? null : UnitSections.plain(value);
	}

	private static Double number(BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}

}
