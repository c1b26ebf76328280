package se.stratlas.reports.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.stratlas.followup.Cycle;
import se.stratlas.followup.LiveReferences;
import se.stratlas.followup.Products;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.Section;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.reports.Reports;
import se.stratlas.strategy.StrategyElement;

/**
 * The parts of a report written by the units (seed 001): the product's sections grouped
 * into chapters, each chapter tied to a part of the strategy ending with its indicators
 * and the initiatives contributing to it, and the questions of an assignment with the
 * texts that answer them and the figures asked for.
 */
@Component
public class ChapterSections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final LiveReferences references;

	private final IndicatorSections indicatorSections;

	private final MessageSource messages;

	public ChapterSections(LiveReferences references, IndicatorSections indicatorSections, MessageSource messages) {
		this.references = references;
		this.indicatorSections = indicatorSections;
		this.messages = messages;
	}

	/**
	 * The product's sections grouped by chapter; with details, a chapter tied to a part
	 * of the strategy ends with its indicators and initiatives. A section no unit was
	 * given is left out (the freeze step lists it), and so is a chapter with nothing in
	 * it.
	 */
	public void chapters(long organisationId, Cycle cycle, List<StrategyElement> elements,
			List<InitiativeDetails> initiatives, int year, List<Products.Part> parts, int level, boolean details,
			Reports.Progress progress, List<Node> nodes) {
		Map<UUID, StrategyElement> byKey = new LinkedHashMap<>();
		elements.forEach(e -> byKey.put(e.key(), e));
		Map<String, List<Products.Part>> chapters = new LinkedHashMap<>();
		parts.forEach(p -> chapters.computeIfAbsent(p.section().chapter(), k -> new ArrayList<>()).add(p));
		int chapter = 0;
		for (var entry : chapters.entrySet()) {
			UUID key = entry.getValue().getFirst().section().elementKey();
			StrategyElement priority = key == null ? null : byKey.get(key);
			List<Products.Part> given = entry.getValue().stream().filter(p -> !p.entries().isEmpty()).toList();
			if (given.isEmpty() && (priority == null || !details)) {
				continue;
			}
			progress.step("Kapitel " + entry.getKey(), 1, 4);
			nodes.add(new Heading(level, entry.getKey(), (details ? "kapitel-" : "analys-") + ++chapter));
			for (Products.Part part : given) {
				section(organisationId, cycle, part, nodes, level + 1);
			}
			if (priority != null && details) {
				this.indicatorSections.chapter(organisationId, priority, year, chapter, nodes);
				initiatives(priority, elements, initiatives, year, chapter, nodes);
			}
		}
	}

	/**
	 * A question of the assignment: the question, the approved texts of the sections that
	 * answer it (under each chapter's name where several chapters answer) and the figures
	 * asked for.
	 */
	public void question(long organisationId, Cycle cycle, List<Products.Part> parts, int year, ReportBlock block,
			int number, List<Node> nodes) {
		nodes.add(new Heading(1, block.title(), "fraga-" + number));
		nodes.add(new Text("*Fråga:* " + block.question(), null));
		List<Products.Part> answers = parts.stream()
			.filter(p -> block.sectionIds().contains(p.section().id()))
			.filter(p -> p.entries().stream().anyMatch(e -> e.text() != null))
			.toList();
		boolean headed = answers.stream().map(p -> p.section().chapter()).distinct().count() > 1;
		for (Products.Part part : answers) {
			if (headed) {
				nodes.add(new Heading(2, part.section().chapter(),
						"fraga-" + number + "-avsnitt-" + part.section().id()));
			}
			for (Products.Entry entry : part.entries()) {
				if (entry.text() != null) {
					nodes.add(new Text(this.references.asText(organisationId, entry.text(), cycle.periodCode()),
							entry.unitName()));
				}
			}
		}
		if (answers.isEmpty()) {
			nodes.add(new Notice(
					"Frågan är inte besvarad: inget av de avsnitt som ska besvara den har en godkänd text."));
		}
		this.indicatorSections.figures(organisationId, block.indicatorCodes(), year, "fraga-" + number + "-uppgifter",
				nodes);
	}

	private void section(long organisationId, Cycle cycle, Products.Part part, List<Node> nodes, int level) {
		Section section = part.section();
		nodes.add(new Heading(level, section.title(), "avsnitt-" + section.id()));
		for (Products.Entry entry : part.entries()) {
			if (entry.text() == null) {
				nodes.add(new Notice(entry.unitName() + ": inte godkänd ännu."));
				continue;
			}
			if (entry.status() == Products.Status.CHANGED_SINCE_APPROVAL
					|| entry.status() == Products.Status.CHANGED_AFTER_FREEZE) {
				nodes.add(new Notice(entry.unitName() + ": texten har ändrats sedan den godkändes; den godkända "
						+ "versionen visas."));
			}
			StringBuilder text = new StringBuilder();
			if (entry.contribution().fulfilment() != null) {
				text.append("**Måluppfyllelse: ")
					.append(UnitSections.fulfilment(entry.contribution().fulfilment()))
					.append(".** ");
			}
			text.append(this.references.asText(organisationId, entry.text(), cycle.periodCode()));
			nodes.add(new Text(text.toString(), entry.unitName()));
		}
	}

	private void initiatives(StrategyElement priority, List<StrategyElement> elements, List<InitiativeDetails> all,
			int year, int chapter, List<Node> nodes) {
		Set<UUID> keys = new HashSet<>();
		for (StrategyElement e : elements) {
			if (e.path().startsWith(priority.path())) {
				keys.add(e.key());
			}
		}
		List<List<Object>> rows = new ArrayList<>();
		boolean demo = false;
		for (InitiativeDetails details : all) {
			Initiative i = details.initiative();
			boolean contributes = details.contributions().stream().anyMatch(c -> keys.contains(c.elementKey()));
			boolean active = (i.startDate() == null || i.startDate().getYear() <= year)
					&& (i.endDate() == null || i.endDate().getYear() >= year);
			if (contributes && active) {
				demo |= i.demoNote() != null;
				// No funding registered is an unknown budget: a blank cell, never 0.
				rows.add(Arrays.asList(i.name(), label(i.type().messageKey()), label(i.status().messageKey()),
						i.startDate() == null && i.endDate() == null ? ""
								: (i.startDate() == null ? "" : i.startDate().getYear()) + "–"
										+ (i.endDate() == null ? "" : i.endDate().getYear()),
						details.funding().isEmpty() ? null : UnitSections.plain(details.totalFunding())));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		rows.sort(Comparator.comparing(r -> String.valueOf(r.getFirst())));
		nodes.add(new Heading(2, "Insatser", "insatser-" + chapter));
		nodes.add(new Table("Insatser som bidrar till " + priority.nameSv() + " under " + year,
				List.of("Insats", "Typ", "Status", "Period", "Budget (kr)"), rows, "insatser-" + nz(priority.code())));
		if (rows.stream().anyMatch(r -> r.getLast() == null || "".equals(r.get(3)))) {
			nodes.add(new Notice("En tom period eller budget betyder att uppgiften inte är registrerad för insatsen."));
		}
		if (demo) {
			nodes.add(new Notice("Belopp och perioder som källan saknar är fiktiva demovärden."));
		}
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	/**
	 * A label of the reports' language (Swedish) for a message key; the key when none.
	 */
	private String label(String key) {
		return this.messages.getMessage(key, null, key, SWEDISH);
	}

}
