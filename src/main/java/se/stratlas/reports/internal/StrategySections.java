package se.stratlas.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Products;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.strategy.Agenda2030;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyLevels;

/**
 * The parts of a report that rest on the strategy as a whole: the strategy in brief in
 * its own words, goal fulfilment per goal, the initiatives' contribution to the goals of
 * Agenda 2030, and the contacts per part of the strategy.
 */
@Component
public class StrategySections {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private static final Map<String, String> GOALS = Agenda2030.goals();

	private final StrategyCatalog strategies;

	private final StrategyLevels levels;

	private final ActorRegistry actors;

	private final IndicatorSections indicatorSections;

	public StrategySections(StrategyCatalog strategies, StrategyLevels levels, ActorRegistry actors,
			IndicatorSections indicatorSections) {
		this.strategies = strategies;
		this.levels = levels;
		this.actors = actors;
		this.indicatorSections = indicatorSections;
	}

	/**
	 * The strategy in brief, in its own words: its goals and directions as lists, then
	 * the level it is followed up by with the elements under each.
	 */
	public void overview(long strategyId, String title, List<StrategyElement> elements, List<Node> nodes) {
		nodes.add(new Heading(1, title == null ? "Strategin" : title, "strategin"));
		ElementType working = StrategyLevels.workingLevel(elements);
		StringBuilder text = new StringBuilder();
		for (ElementType listed : List.of(ElementType.GOAL, ElementType.DIRECTION)) {
			List<StrategyElement> shown = sorted(elements, listed);
			if (!shown.isEmpty() && listed != working) {
				text.append("### ").append(this.levels.title(strategyId, listed, true)).append("\n\n");
				shown.forEach(g -> text.append("- ").append(g.nameSv()).append('\n'));
				text.append('\n');
			}
		}
		if (!text.isEmpty()) {
			nodes.add(new Text(text.toString(), null));
		}
		if (working == null) {
			return;
		}
		List<StrategyElement> top = sorted(elements, working);
		Map<Long, List<StrategyElement>> under = new LinkedHashMap<>();
		for (StrategyElement element : elements) {
			if (element.parentId() != null && element.type() != ElementType.DIRECTION) {
				under.computeIfAbsent(element.parentId(), k -> new ArrayList<>()).add(element);
			}
		}
		List<ElementType> childTypes = top.stream()
			.flatMap(t -> under.getOrDefault(t.id(), List.of()).stream())
			.map(StrategyElement::type)
			.distinct()
			.toList();
		String workingTitle = this.levels.title(strategyId, working, false);
		String childTitle = childTypes.size() == 1 ? this.levels.title(strategyId, childTypes.getFirst(), false)
				: "Under";
		List<List<Object>> rows = new ArrayList<>();
		for (StrategyElement priority : top) {
			rows.add(List.of(nz(priority.code()), priority.nameSv(), ""));
			under.getOrDefault(priority.id(), List.of())
				.stream()
				.sorted(Comparator.comparing(StrategyElement::path))
				.forEach(s -> rows.add(List.of(nz(s.code()), "", s.nameSv())));
		}
		List<String> headers = childTypes.isEmpty() ? List.of("Kod", workingTitle, "")
				: List.of("Kod", workingTitle, childTitle);
		String caption = this.levels.title(strategyId, working, true)
				+ (childTypes.isEmpty() ? "" : " och " + this.levels.labels(strategyId, SWEDISH, true)
					.get(childTypes.size() == 1 ? childTypes.getFirst() : ElementType.OTHER));
		if (childTypes.isEmpty()) {
			rows.replaceAll(r -> r.subList(0, 2));
			headers = headers.subList(0, 2);
		}
		nodes.add(new Table(caption, headers, rows, "prioriteringar"));
	}

	public void goalFulfilment(long organisationId, Cycle cycle, List<StrategyElement> elements,
			List<Products.Part> parts, List<InitiativeDetails> initiatives, int year, String title, List<Node> nodes) {
		if (elements.isEmpty()) {
			return;
		}
		ElementType working = StrategyLevels.workingLevel(elements);
		if (working == null) {
			return;
		}
		long strategyId = this.strategies.version(organisationId, cycle.strategyVersionId()).strategyId();
		this.indicatorSections.goalFulfilment(organisationId, title == null ? "Måluppfyllelse" : title,
				this.levels.title(strategyId, working, false), sorted(elements, working), elements, parts, initiatives,
				year, nodes);
	}

	public void sdgMatrix(List<InitiativeDetails> all, String title, List<Node> nodes) {
		int[] positive = new int[18];
		int[] conflicts = new int[18];
		for (InitiativeDetails details : all) {
			for (var effect : details.sdgEffects()) {
				int goal;
				try {
					goal = Integer.parseInt(effect.goal());
				}
				catch (NumberFormatException ex) {
					continue;
				}
				if (goal < 1 || goal > 17) {
					continue;
				}
				if (!effect.positive() || effect.goalConflict() != null) {
					conflicts[goal]++;
				}
				else {
					positive[goal]++;
				}
			}
		}
		List<List<Object>> rows = new ArrayList<>();
		for (int goal = 1; goal <= 17; goal++) {
			if (positive[goal] > 0 || conflicts[goal] > 0) {
				rows.add(List.of(goal + " " + GOALS.getOrDefault(String.valueOf(goal), ""), positive[goal],
						conflicts[goal]));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		nodes.add(new Heading(1, title == null ? "Agenda 2030" : title, "agenda-2030"));
		nodes.add(new Text("Insatsernas bidrag till de globala målen enligt registreringen i Stratlas, med de "
				+ "målkonflikter som har noterats.", null));
		nodes.add(new Table("Insatser per mål i Agenda 2030", List.of("Mål", "Insatser som bidrar", "Målkonflikter"),
				rows, "agenda-2030"));
	}

	public void contacts(long organisationId, String title, List<StrategyElement> elements, List<Node> nodes) {
		Map<UUID, StrategyElement> byKey = new LinkedHashMap<>();
		elements.forEach(e -> byKey.put(e.key(), e));
		List<List<Object>> rows = new ArrayList<>();
		for (Contact contact : this.actors.contacts(organisationId)) {
			String priorities = contact.elementKeys()
				.stream()
				.map(byKey::get)
				.filter(Objects::nonNull)
				.map(e -> nz(e.code()).isEmpty() ? e.nameSv() : "P" + e.code())
				.sorted()
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			if (!priorities.isEmpty()) {
				rows.add(new ArrayList<>(
						List.of(priorities, contact.name(), nz(contact.title()), nz(contact.unitName()))));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		rows.sort(Comparator.comparing(r -> String.valueOf(r.getFirst())));
		List<String> headers = new ArrayList<>(List.of("Prioritering", "Namn", "Titel", "Enhet"));
		// A column nobody has filled in is left out rather than printed empty.
		if (rows.stream().allMatch(r -> String.valueOf(r.getLast()).isBlank())) {
			headers.removeLast();
			rows.forEach(List::removeLast);
		}
		nodes.add(new Heading(1, title == null ? "Kontakt för mer information" : title, "kontakt"));
		nodes.add(new Table("Kontaktpersoner per prioritering", headers, rows, "kontakter"));
	}

	private static List<StrategyElement> sorted(List<StrategyElement> elements, ElementType type) {
		return elements.stream()
			.filter(e -> e.type() == type)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
