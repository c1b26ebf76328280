package se.stratlas.reports.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Mark;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;

/**
 * The parts of a report that go unit by unit (seed 003): the sections written for the
 * whole report, and one chapter per reporting unit with its goal fulfilment per
 * perspective, its texts and its key figures. Finance and staffing of all units are
 * {@link FinanceSections}'.
 */
@Component
public class UnitSections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final UnitFigureBook figures;

	private final LiveReferences references;

	public UnitSections(UnitFigureBook figures, LiveReferences references) {
		this.figures = figures;
		this.references = references;
	}

	/**
	 * The units that report: those given the scorecard's perspectives (or, with no
	 * scorecard, every unit with a text), in the organisation's order.
	 */
	public static Set<String> reporting(List<Products.Part> parts) {
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
	public void shared(long organisationId, Cycle cycle, List<Products.Part> parts, List<Node> nodes) {
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
	public void units(long organisationId, Cycle cycle, List<Products.Part> parts, List<Node> nodes) {
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

	/** A stored amount without the zeros its column type adds (38,50 → 38,5). */
	public static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
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
	public static Mark mark(Fulfilment fulfilment) {
		if (fulfilment == null) {
			return new Mark("ej bedömd", Mark.Tone.NONE);
		}
		return new Mark(fulfilment(fulfilment), switch (fulfilment) {
			case ACHIEVED -> Mark.Tone.GOOD;
			case PARTLY -> Mark.Tone.PARTLY;
			case NOT_ACHIEVED -> Mark.Tone.BAD;
		});
	}

	public static String fulfilment(Fulfilment fulfilment) {
		return switch (fulfilment) {
			case ACHIEVED -> "uppnås";
			case PARTLY -> "uppnås delvis";
			case NOT_ACHIEVED -> "uppnås inte";
		};
	}

	public static String perspective(Perspective perspective) {
		return switch (perspective) {
			case MEDBORGARE -> "Medborgare";
			case MEDARBETARE -> "Medarbetare";
			case VERKSAMHET -> "Verksamhet";
			case EKONOMI -> "Ekonomi";
			case SAMHALLE -> "Samhälle";
		};
	}

}
