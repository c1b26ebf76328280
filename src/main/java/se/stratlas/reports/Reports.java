package se.stratlas.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.LiveReferences;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.ReportLayouts;
import se.stratlas.followup.Section;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Builds a report product of a follow-up cycle into one {@link ReportDocument}, part by
 * part as the product's structure ({@link ReportLayouts}) says: about the report, the
 * strategy, one chapter per part of the strategy with its texts, indicators and
 * initiatives (seed 001), goal fulfilment per goal, finance and staffing per unit, the
 * government's questions with their answers and figures, the sections written for the
 * whole report and one chapter per unit (seed 003), the Agenda 2030 matrix, contacts. The
 * parts resting on indicators are built by {@link IndicatorSections}, those going unit by
 * unit by {@link UnitSections}.
 */
@Component
@Transactional(readOnly = true)
public class Reports {

	private final Cycles cycles;

	private final Products products;

	private final ReportLayouts layouts;

	private final LiveReferences references;

	private final StrategyCatalog strategies;

	private final InitiativeCatalog initiatives;

	private final ActorRegistry actors;

	private final Organisations organisations;

	private final Logos logos;

	private final org.springframework.context.MessageSource messages;

	private final se.stratlas.strategy.StrategyLevels levels;

	private final IndicatorSections indicatorSections;

	private final UnitSections unitSections;

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private static final Map<String, String> GOALS = se.stratlas.strategy.Agenda2030.goals();

	Reports(Cycles cycles, Products products, ReportLayouts layouts, LiveReferences references,
			StrategyCatalog strategies, InitiativeCatalog initiatives, ActorRegistry actors,
			Organisations organisations, Logos logos, org.springframework.context.MessageSource messages,
			se.stratlas.strategy.StrategyLevels levels, IndicatorSections indicatorSections,
			UnitSections unitSections) {
		this.cycles = cycles;
		this.products = products;
		this.layouts = layouts;
		this.references = references;
		this.strategies = strategies;
		this.initiatives = initiatives;
		this.actors = actors;
		this.organisations = organisations;
		this.logos = logos;
		this.messages = messages;
		this.levels = levels;
		this.indicatorSections = indicatorSections;
		this.unitSections = unitSections;
	}

	/** A step of building, for progress shown to the user. */
	public interface Progress {

		void step(String phase, int done, int total);

	}

	public ReportDocument build(long organisationId, long cycleId, long productId) {
		return build(organisationId, cycleId, productId, (phase, done, total) -> {
		});
	}

	/** What every part of a report is built from. */
	private record Source(long organisationId, Cycle cycle, Product product, List<Products.Part> parts, int year,
			List<StrategyElement> elements, List<InitiativeDetails> initiatives) {
	}

	public ReportDocument build(long organisationId, long cycleId, long productId, Progress progress) {
		Cycle cycle = this.cycles.get(organisationId, cycleId);
		ReportLayouts.Layout layout = this.layouts.layout(organisationId, cycleId, productId);
		Product product = layout.product();
		List<Products.Part> parts = this.products.content(organisationId, cycleId, productId);
		boolean draft = parts.stream()
			.flatMap(p -> p.entries().stream())
			.anyMatch(e -> e.status() != Products.Status.CURRENT);
		int year = se.stratlas.indicators.Period.parse(cycle.periodCode()).year();
		List<StrategyElement> elements = cycle.strategyVersionId() == null ? List.of()
				: this.strategies.elements(organisationId, cycle.strategyVersionId());
		Source source = new Source(organisationId, cycle, product, parts, year, elements, this.initiatives
			.details(organisationId, this.initiatives.find(organisationId, InitiativeFilter.none())));
		List<ReportBlock> blocks = layout.blocks();
		// The sections a question answers belong to that question, not to the chapters.
		Set<Long> answering = new java.util.HashSet<>();
		blocks.forEach(b -> answering.addAll(b.sectionIds()));
		List<Products.Part> chapterParts = parts.stream().filter(p -> !answering.contains(p.section().id())).toList();
		List<Node> nodes = new ArrayList<>();
		int step = 0;
		int questions = 0;
		for (ReportBlock block : blocks) {
			progress.step(label(block.kind().messageKey()), step++, blocks.size() + 1);
			String title = block.title();
			switch (block.kind()) {
				case ABOUT -> about(cycle, product, blocks, title, nodes);
				case STRATEGY -> {
					if (!elements.isEmpty()) {
						strategyOverview(
								this.strategies.version(organisationId, cycle.strategyVersionId()).strategyId(), title,
								elements, nodes);
					}
				}
				case CHAPTERS -> chapters(source, chapterParts, 1, true, progress, nodes);
				case TEXTS -> {
					List<Node> texts = new ArrayList<>();
					chapters(source, chapterParts, 2, false, progress, texts);
					if (!texts.isEmpty()) {
						nodes.add(new Heading(1, title == null ? "Verksamhetens analys" : title, "analys"));
						nodes.addAll(texts);
					}
				}
				case GOAL_FULFILMENT -> goalFulfilment(source, title, nodes);
				case FINANCE -> this.unitSections.finance(cycle, title, parts, nodes, organisationId);
				case STAFFING -> this.unitSections.staffing(cycle, title, nodes, organisationId);
				case QUESTION -> question(source, block, ++questions, nodes);
				case SHARED_SECTIONS -> this.unitSections.shared(organisationId, cycle, parts, nodes);
				case UNITS -> this.unitSections.units(organisationId, cycle, parts, nodes);
				case AGENDA_2030 -> sdgMatrix(source.initiatives(), title, nodes);
				case CONTACTS -> contacts(organisationId, title, elements, nodes);
			}
		}
		progress.step("Klart", blocks.size() + 1, blocks.size() + 1);
		String organisation = this.organisations.get(organisationId).name();
		// The cover says what kind of report it is and for which period.
		String subtitle = label(product.kind().messageKey()) + " · " + cycle.periodLabel(SWEDISH);
		return new ReportDocument(product.name(), subtitle, organisation, "sv", LocalDate.now(), draft,
				this.logos.get(organisationId).orElse(null), nodes);
	}

	/**
	 * What the report builds on, and how to read it: the parts in the order they come,
	 * taken from the structure, so that the text always says what the report holds.
	 */
	private void about(Cycle cycle, Product product, List<ReportBlock> blocks, String title, List<Node> nodes) {
		nodes.add(new Heading(1, title == null ? "Om rapporten" : title, "om-rapporten"));
		nodes.add(new Text("**" + product.name() + "** bygger på inrapporteringen i uppföljningscykeln *" + cycle.name()
				+ "* (" + cycle.periodLabel(SWEDISH) + "). Varje text har skrivits en gång av den enhet som "
				+ "ansvarar för den, granskats och godkänts; samma godkända text används i alla rapporter som "
				+ "behöver den.", null));
		nodes.add(new Heading(2, "Hur ska rapporten läsas?", "hur-ska-rapporten-lasas"));
		StringBuilder text = new StringBuilder("Rapporten innehåller, i den här ordningen:\n\n");
		List<String> asked = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			ReportBlock block = blocks.get(i);
			if (block.kind() == ReportBlock.Kind.QUESTION) {
				asked.add("*" + block.title() + "*");
				boolean last = i + 1 == blocks.size() || blocks.get(i + 1).kind() != ReportBlock.Kind.QUESTION;
				if (last) {
					text.append("- svaren på frågorna i uppdraget: ")
						.append(join(asked))
						.append(", med de uppgifter som efterfrågas\n");
					asked.clear();
				}
				continue;
			}
			String reading = reading(block.kind());
			if (reading != null) {
				text.append("- ").append(reading).append('\n');
			}
		}
		if (blocks.stream().anyMatch(b -> b.kind() == ReportBlock.Kind.FINANCE || b.kind() == ReportBlock.Kind.UNITS)) {
			text.append("\nBelopp anges i miljoner kronor (mnkr).");
		}
		nodes.add(new Text(text.toString(), null));
		if (cycle.demoNote() != null) {
			nodes.add(new Notice(cycle.demoNote()));
		}
	}

	private static String reading(ReportBlock.Kind kind) {
		return switch (kind) {
			case ABOUT, QUESTION -> null;
			case STRATEGY -> "strategin i korthet: dess mål, inriktningar och de delar den följs upp efter";
			case CHAPTERS -> "ett kapitel per del av strategin: först de texter som enheterna har skrivit om den, "
					+ "sedan indikatorerna med status mot målen och de insatser som bidrar till den";
			case TEXTS -> "enheternas analys per del av strategin";
			case GOAL_FULFILMENT ->
				"måluppfyllelsen per mål (● uppnås, ◐ uppnås delvis, ○ uppnås inte, – kan inte bedömas)";
			case FINANCE -> "ekonomin för alla enheter i en tabell och ett diagram: budget, utfall och prognos";
			case STAFFING -> "personalens nyckeltal per enhet";
			case SHARED_SECTIONS -> "de delar som gäller hela rapporten, till exempel inledning och sammanfattning";
			case UNITS -> "en del per enhet: måluppfyllelsen per perspektiv i styrkortet (● uppnås, ◐ uppnås delvis, "
					+ "○ uppnås inte), analys av ekonomi och verksamhet, prognos och personal, och enhetens nyckeltal";
			case AGENDA_2030 -> "insatsernas bidrag till de globala målen i Agenda 2030";
			case CONTACTS -> "kontaktpersoner";
		};
	}

	private static String join(List<String> items) {
		if (items.size() < 2) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " och " + items.getLast();
	}

	/**
	 * The product's sections grouped by chapter; with details, a chapter tied to a part
	 * of the strategy ends with its indicators and initiatives. A section no unit was
	 * given is left out (the freeze step lists it), and so is a chapter with nothing in
	 * it.
	 */
	private void chapters(Source source, List<Products.Part> parts, int level, boolean details, Progress progress,
			List<Node> nodes) {
		Map<UUID, StrategyElement> byKey = new LinkedHashMap<>();
		source.elements().forEach(e -> byKey.put(e.key(), e));
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
				section(source.organisationId(), source.cycle(), part, nodes, level + 1);
			}
			if (priority != null && details) {
				this.indicatorSections.chapter(source.organisationId(), priority, source.year(), chapter, nodes);
				initiatives(priority, source.elements(), source.initiatives(), source.year(), chapter, nodes);
			}
		}
	}

	private void goalFulfilment(Source source, String title, List<Node> nodes) {
		if (source.elements().isEmpty()) {
			return;
		}
		ElementType working = se.stratlas.strategy.StrategyLevels.workingLevel(source.elements());
		if (working == null) {
			return;
		}
		long strategyId = this.strategies.version(source.organisationId(), source.cycle().strategyVersionId())
			.strategyId();
		this.indicatorSections.goalFulfilment(source.organisationId(), title == null ? "Måluppfyllelse" : title,
				this.levels.title(strategyId, working, false), sorted(source.elements(), working), source.elements(),
				source.parts(), source.initiatives(), source.year(), nodes);
	}

	/**
	 * A question of the assignment: the question, the approved texts of the sections that
	 * answer it (under each chapter's name where several chapters answer) and the figures
	 * asked for.
	 */
	private void question(Source source, ReportBlock block, int number, List<Node> nodes) {
		nodes.add(new Heading(1, block.title(), "fraga-" + number));
		nodes.add(new Text("*Fråga:* " + block.question(), null));
		List<Products.Part> answers = source.parts()
			.stream()
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
					nodes.add(new Text(
							this.references.asText(source.organisationId(), entry.text(), source.cycle().periodCode()),
							entry.unitName()));
				}
			}
		}
		if (answers.isEmpty()) {
			nodes.add(new Notice(
					"Frågan är inte besvarad: inget av de avsnitt som ska besvara den har en godkänd text."));
		}
		this.indicatorSections.figures(source.organisationId(), block.indicatorCodes(), source.year(),
				"fraga-" + number + "-uppgifter", nodes);
	}

	/**
	 * What is open in a product before it is frozen: a section of the product that no
	 * unit was given, a unit's text not approved yet, an approved text changed since, a
	 * question with no approved answer. Each gap has the section's title (or the
	 * question's), the unit (none for a section nobody was given) and a message key for
	 * the reason.
	 */
	public record Gap(String section, String unit, String reason) {
	}

	/** The product's gaps, section by section, in the report's order. */
	public List<Gap> gaps(long organisationId, long cycleId, long productId) {
		List<Gap> gaps = new ArrayList<>();
		List<Products.Part> parts = this.products.content(organisationId, cycleId, productId);
		for (Products.Part part : parts) {
			if (part.entries().isEmpty()) {
				gaps.add(new Gap(part.section().title(), null, "report.gap.notGiven"));
			}
			for (Products.Entry entry : part.entries()) {
				if (entry.text() == null) {
					gaps.add(new Gap(part.section().title(), entry.unitName(), "report.gap.notApproved"));
				}
				else if (entry.status() == Products.Status.CHANGED_SINCE_APPROVAL) {
					gaps.add(new Gap(part.section().title(), entry.unitName(), "report.gap.changed"));
				}
			}
		}
		for (ReportBlock block : this.layouts.layout(organisationId, cycleId, productId).blocks()) {
			if (block.kind() == ReportBlock.Kind.QUESTION && parts.stream()
				.filter(p -> block.sectionIds().contains(p.section().id()))
				.noneMatch(p -> p.entries().stream().anyMatch(e -> e.text() != null))) {
				gaps.add(new Gap(block.title(), null, "report.gap.unanswered"));
			}
		}
		return gaps;
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

	/**
	 * The strategy in brief, in its own words: its goals and directions as lists, then
	 * the level it is followed up by with the elements under each.
	 */
	private void strategyOverview(long strategyId, String title, List<StrategyElement> elements, List<Node> nodes) {
		nodes.add(new Heading(1, title == null ? "Strategin" : title, "strategin"));
		ElementType working = se.stratlas.strategy.StrategyLevels.workingLevel(elements);
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

	private static List<StrategyElement> sorted(List<StrategyElement> elements, ElementType type) {
		return elements.stream()
			.filter(e -> e.type() == type)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
	}

	private void initiatives(StrategyElement priority, List<StrategyElement> elements, List<InitiativeDetails> all,
			int year, int chapter, List<Node> nodes) {
		Set<UUID> keys = new java.util.HashSet<>();
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
				rows.add(java.util.Arrays.asList(i.name(), label(i.type().messageKey()), label(i.status().messageKey()),
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

	private void sdgMatrix(List<InitiativeDetails> all, String title, List<Node> nodes) {
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

	private void contacts(long organisationId, String title, List<StrategyElement> elements, List<Node> nodes) {
		Map<UUID, StrategyElement> byKey = new LinkedHashMap<>();
		elements.forEach(e -> byKey.put(e.key(), e));
		List<List<Object>> rows = new ArrayList<>();
		for (Contact contact : this.actors.contacts(organisationId)) {
			String priorities = contact.elementKeys()
				.stream()
				.map(byKey::get)
				.filter(java.util.Objects::nonNull)
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
