package se.stratlas.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.stratlas.followup.Cycle;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.LiveReferences;
import se.stratlas.followup.Products;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigures;
import se.stratlas.indicators.PngCharts;
import se.stratlas.indicators.SvgCharts;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Mark;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;

/**
 * The parts of a report that go unit by unit (seed 003): the sections written for the
 * whole report, finance and staffing of all units with totals that are the sums of their
 * rows, and one chapter per reporting unit with its goal fulfilment per perspective, its
 * texts and its key figures.
 */
@Component
class UnitSections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final UnitFigureBook figures;

	private final LiveReferences references;

	UnitSections(UnitFigureBook figures, LiveReferences references) {
		this.figures = figures;
		this.references = references;
	}

	/**
	 * The units that report: those given the scorecard's perspectives (or, with no
	 * scorecard, every unit with a text), in the organisation's order.
	 */
	static Set<String> reporting(List<Products.Part> parts) {
		Set<String> reporting = new LinkedHashSet<>();
		for (Products.Part part : parts) {
			if (part.section().perspective() != null) {
				part.entries().forEach(e -> reporting.add(e.unitName()));
			}
		}
		if (reporting.isEmpty()) {
			parts.forEach(p -> p.entries().forEach(e -> reporting.add(e.unitName())));
		}
		return reporting;
	}

	/**
	 * A section only other units than the reporting ones were given is the report's own
	 * (an introduction, a summary, a section units write together): each is a chapter.
	 */
	void shared(long organisationId, Cycle cycle, List<Products.Part> parts, List<Node> nodes) {
		Set<String> reporting = reporting(parts);
		boolean perspectives = parts.stream().anyMatch(p -> p.section().perspective() != null);
		int shared = 0;
		for (Products.Part part : parts) {
			if (part.entries().isEmpty() || !perspectives
					|| part.entries().stream().anyMatch(e -> reporting.contains(e.unitName()))) {
				continue;
			}
			nodes.add(new Heading(1, part.section().title(), "del-" + ++shared));
			for (Products.Entry entry : part.entries()) {
				nodes.add(entry.text() == null ? new Notice(entry.unitName() + ": inte godkänd ännu.") : new Text(
						this.references.asText(organisationId, entry.text(), cycle.periodCode()), entry.unitName()));
			}
		}
	}

	/** One chapter per reporting unit, in the organisation's order. */
	void units(long organisationId, Cycle cycle, List<Products.Part> parts, List<Node> nodes) {
		Set<String> reporting = reporting(parts);
		List<UnitFigureBook.Row> rows = this.figures.rows(organisationId, cycle.periodCode(), false);
		Map<String, List<Products.Entry>> byUnit = new LinkedHashMap<>();
		Map<Long, Section> sections = new LinkedHashMap<>();
		for (Products.Part part : parts) {
			sections.put(part.section().id(), part.section());
			for (Products.Entry entry : part.entries()) {
				if (reporting.contains(entry.unitName())) {
					byUnit.computeIfAbsent(entry.unitName(), k -> new ArrayList<>()).add(entry);
				}
			}
		}
		int index = 0;
		for (var unit : byUnit.entrySet()) {
			int number = ++index;
			nodes.add(new Heading(1, unit.getKey(), "enhet-" + number));
			List<List<Object>> assessment = new ArrayList<>();
			for (Products.Entry entry : unit.getValue()) {
				Section section = sections.get(entry.contribution().sectionId());
				if (section.perspective() != null) {
					assessment.add(List.of(perspective(section.perspective()),
							entry.text() == null ? mark(null) : mark(entry.contribution().fulfilment())));
				}
			}
			if (!assessment.isEmpty()) {
				nodes.add(new Heading(2, "Måluppfyllelse per perspektiv", "maluppfyllelse-" + index));
				nodes.add(new Table("Måluppfyllelse per perspektiv, " + unit.getKey(),
						List.of("Perspektiv", "Bedömning"), assessment, "maluppfyllelse-" + index));
				unit.getValue()
					.stream()
					.filter(e -> sections.get(e.contribution().sectionId()).perspective() != null && e.text() != null)
					.map(e -> this.references.asText(organisationId, e.text(), cycle.periodCode()))
					.distinct()
					.forEach(text -> nodes.add(new Text(text, null)));
			}
			for (Products.Entry entry : unit.getValue()) {
				Section section = sections.get(entry.contribution().sectionId());
				if (section.perspective() != null) {
					continue;
				}
				nodes.add(new Heading(2, section.title(), "avsnitt-" + section.id() + "-" + index));
				if (entry.text() == null) {
					nodes.add(new Notice("Inte godkänd ännu."));
				}
				else {
					nodes.add(new Text(this.references.asText(organisationId, entry.text(), cycle.periodCode()), null));
				}
			}
			rows.stream()
				.filter(r -> r.unit().name().equals(unit.getKey()))
				.findFirst()
				.ifPresent(r -> unitFigures(r, number, nodes));
		}
	}

	/**
	 * Budget, outcome and forecast of every unit with figures for the cycle's period, in
	 * the order of the reporting units (then the organisation's), a totals row that is
	 * the sum of the rows, and a bar chart. Returns false when no unit has figures.
	 */
	boolean finance(Cycle cycle, String title, List<Products.Part> parts, List<Node> nodes, long organisationId) {
		List<UnitFigureBook.Row> rows = new ArrayList<>(this.figures.rows(organisationId, cycle.periodCode(), false));
		if (rows.isEmpty()) {
			return false;
		}
		List<String> order = List.copyOf(reporting(parts));
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
	boolean staffing(Cycle cycle, String title, List<Node> nodes, long organisationId) {
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

	private static BigDecimal sum(List<UnitFigureBook.Row> rows,
			java.util.function.Function<UnitFigures, BigDecimal> field) {
		return rows.stream()
			.map(r -> field.apply(r.figures()))
			.filter(Objects::nonNull)
			.reduce(null, (a, b) -> a == null ? b : a.add(b));
	}

	private static Integer intSum(List<UnitFigureBook.Row> rows,
			java.util.function.Function<UnitFigures, Integer> field) {
		return rows.stream()
			.map(r -> field.apply(r.figures()))
			.filter(Objects::nonNull)
			.reduce(null, (a, b) -> a == null ? b : a + b);
	}

	/** A stored amount without the zeros its column type adds (38,50 → 38,5). */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static BigDecimal plainOrNull(BigDecimal value) {
		return value == null ? null : plain(value);
	}

	private static Double number(BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}

	private void unitFigures(UnitFigureBook.Row row, int index, List<Node> nodes) {
		UnitFigures f = row.figures();
		nodes.add(new Heading(2, "Ekonomi och personal", "siffror-" + index));
		List<List<Object>> table = new ArrayList<>();
		table.add(Arrays.asList("Budget (mnkr)", f.budget()));
		table.add(Arrays.asList("Utfall (mnkr)", f.outcome()));
		table.add(Arrays.asList("Avvikelse mot budget (mnkr)", f.deviation()));
		table.add(Arrays.asList("Helårsprognos (mnkr)", f.forecast()));
		table.add(Arrays.asList("Föregående år (mnkr)",
				row.lastYear() != null ? row.lastYear().outcome() : f.previousYear()));
		table.add(Arrays.asList("Sparbeting (mnkr)", f.savingsTarget()));
		table.add(Arrays.asList("Antal anställda", f.employees()));
		table.add(Arrays.asList("Förändring anställda", f.employeesChange()));
		table.add(Arrays.asList("Sjukfrånvaro (%)", f.sickLeavePct()));
		// A key figure the unit has not given is named once below the table, not printed
		// as an empty row.
		List<String> missing = table.stream()
			.filter(r -> r.get(1) == null)
			.map(r -> String.valueOf(r.getFirst()))
			.toList();
		List<List<Object>> given = table.stream()
			.filter(r -> r.get(1) != null)
			.map(r -> r.get(1) instanceof BigDecimal value ? List.of(r.getFirst(), (Object) plain(value)) : r)
			.toList();
		nodes.add(new Table("Ekonomi och personal, " + row.unit().name(), List.of("Nyckeltal", "Värde"), given,
				"siffror-" + index));
		if (!missing.isEmpty()) {
			nodes.add(new Notice("Uppgifter som enheten inte har lämnat: "
					+ String.join(", ", missing).toLowerCase(SWEDISH).replace(" (mnkr)", "").replace(" (%)", "")
					+ "."));
		}
		if (f.sourceNote() != null) {
			nodes.add(new Notice(f.sourceNote()));
		}
	}

	/** A goal's fulfilment as a status with its tone; not assessed when there is none. */
	static Mark mark(Fulfilment fulfilment) {
		if (fulfilment == null) {
			return new Mark("ej bedömd", Mark.Tone.NONE);
		}
		return new Mark(fulfilment(fulfilment), switch (fulfilment) {
			case ACHIEVED -> Mark.Tone.GOOD;
			case PARTLY -> Mark.Tone.PARTLY;
			case NOT_ACHIEVED -> Mark.Tone.BAD;
		});
	}

	static String fulfilment(Fulfilment fulfilment) {
		return switch (fulfilment) {
			case ACHIEVED -> "uppnås";
			case PARTLY -> "uppnås delvis";
			case NOT_ACHIEVED -> "uppnås inte";
		};
	}

	static String perspective(Perspective perspective) {
		return switch (perspective) {
			case MEDBORGARE -> "Medborgare";
			case MEDARBETARE -> "Medarbetare";
			case VERKSAMHET -> "Verksamhet";
			case EKONOMI -> "Ekonomi";
			case SAMHALLE -> "Samhälle";
		};
	}

}
