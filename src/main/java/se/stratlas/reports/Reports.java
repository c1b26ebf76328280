package se.stratlas.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
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
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.LiveReferences;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigures;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.PngCharts;
import se.stratlas.indicators.SvgCharts;
import se.stratlas.indicators.Target;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Builds a report product of a follow-up cycle into one {@link ReportDocument}: the
 * approved contributions in template order, with what the report kind adds. A Resultat,
 * Årsredovisning or Återrapportering follows seed 001: about the report, the strategy,
 * one chapter per priority with its indicators (values up to the cycle's year, a chart
 * each, target status) and initiatives, the Agenda 2030 matrix with goal conflicts,
 * contacts. A Delårsrapport follows seed 003: per unit its texts, goal fulfilment per
 * perspective, finance and staffing, and an overview of all units.
 */
@Component
@Transactional(readOnly = true)
public class Reports {

	private final Cycles cycles;

	private final Products products;

	private final UnitFigureBook figures;

	private final LiveReferences references;

	private final StrategyCatalog strategies;

	private final IndicatorRegistry indicators;

	private final IndicatorAnalytics analytics;

	private final InitiativeCatalog initiatives;

	private final ActorRegistry actors;

	private final Organisations organisations;

	private final Logos logos;

	private final se.stratlas.areas.Areas areas;

	private final org.springframework.context.MessageSource messages;

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	/** The columns of an indicator series as open data (JSON-stat reads them). */
	static final List<String> SERIES_COLUMNS = List.of("Indikatorkod", "Indikator", "Områdeskod", "Område", "Kön",
			"Period", "Värde", "Enhet");

	private static final Map<String, String> GOALS = se.stratlas.strategy.Agenda2030.goals();

	private final se.stratlas.strategy.StrategyLevels levels;

	Reports(Cycles cycles, Products products, UnitFigureBook figures, LiveReferences references,
			StrategyCatalog strategies, IndicatorRegistry indicators, IndicatorAnalytics analytics,
			InitiativeCatalog initiatives, ActorRegistry actors, Organisations organisations, Logos logos,
			se.stratlas.areas.Areas areas, org.springframework.context.MessageSource messages,
			se.stratlas.strategy.StrategyLevels levels) {
		this.levels = levels;
		this.messages = messages;
		this.areas = areas;
		this.logos = logos;
		this.cycles = cycles;
		this.products = products;
		this.figures = figures;
		this.references = references;
		this.strategies = strategies;
		this.indicators = indicators;
		this.analytics = analytics;
		this.initiatives = initiatives;
		this.actors = actors;
		this.organisations = organisations;
	}

	/** A step of building, for progress shown to the user. */
	public interface Progress {

		void step(String phase, int done, int total);

	}

	public ReportDocument build(long organisationId, long cycleId, long productId) {
		return build(organisationId, cycleId, productId, (phase, done, total) -> {
		});
	}

	public ReportDocument build(long organisationId, long cycleId, long productId, Progress progress) {
		Cycle cycle = this.cycles.get(organisationId, cycleId);
		Product product = this.products.get(organisationId, cycleId, productId);
		List<Products.Part> parts = this.products.content(organisationId, cycleId, productId);
		boolean draft = parts.stream()
			.flatMap(p -> p.entries().stream())
			.anyMatch(e -> e.status() != Products.Status.CURRENT);
		List<Node> nodes = new ArrayList<>();
		int year = se.stratlas.indicators.Period.parse(cycle.periodCode()).year();
		progress.step("Texter", 0, 4);
		if (product.kind() == ProductKind.INTERIM_REPORT || cycle.kind() == CycleKind.TERTIAL) {
			interim(organisationId, cycle, parts, nodes);
		}
		else {
			annual(organisationId, cycle, product, parts, nodes, year, progress);
		}
		progress.step("Klart", 4, 4);
		String organisation = this.organisations.get(organisationId).name();
		// The cover says what kind of report it is and for which period.
		String subtitle = label(product.kind().messageKey()) + " · " + cycle.periodLabel(SWEDISH);
		return new ReportDocument(product.name(), subtitle, organisation, "sv", LocalDate.now(), draft,
				this.logos.get(organisationId).orElse(null), nodes);
	}

	private void about(Cycle cycle, Product product, boolean interim, List<Node> nodes) {
		nodes.add(new Heading(1, "Om rapporten", "om-rapporten"));
		nodes.add(new Text("**" + product.name() + "** bygger på inrapporteringen i uppföljningscykeln *" + cycle.name()
				+ "* (" + cycle.periodLabel(SWEDISH) + "). Varje text har skrivits en gång av den enhet som "
				+ "ansvarar för den, granskats och godkänts; samma godkända text används i alla rapporter som "
				+ "behöver den.", null));
		nodes.add(new Heading(2, "Hur ska rapporten läsas?", "hur-ska-rapporten-lasas"));
		nodes.add(new Text(interim
				? "Först kommer de delar som gäller hela rapporten, därefter en samlad tabell över ekonomin för "
						+ "alla enheter. Sedan redovisas varje enhet för sig: först den samlade bedömningen av "
						+ "måluppfyllelsen per perspektiv i styrkortet (● uppnås, ◐ uppnås delvis, ○ uppnås inte), "
						+ "därefter analys av ekonomi och verksamhet, prognos och personal, och sist enhetens "
						+ "nyckeltal. Belopp anges i miljoner kronor (mnkr)."
				: "Rapporten har ett kapitel per del av strategin. I kapitlet står först de texter som "
						+ "enheterna har skrivit om den delen, till exempel omvärld, regionens bidrag, samverkan, "
						+ "exempel på insatser och bidraget till Agenda 2030. Varje kapitel avslutas med de "
						+ "indikatorer som är kopplade till kapitlets del av strategin (värden till och med "
						+ cycle.periodLabel(SWEDISH) + ", med status mot målen) och de insatser som bidrar till den.",
				null));
		if (cycle.demoNote() != null) {
			nodes.add(new Notice(cycle.demoNote()));
		}
	}

	private void annual(long organisationId, Cycle cycle, Product product, List<Products.Part> parts, List<Node> nodes,
			int year, Progress progress) {
		about(cycle, product, false, nodes);
		List<StrategyElement> elements = cycle.strategyVersionId() == null ? List.of()
				: this.strategies.elements(organisationId, cycle.strategyVersionId());
		if (!elements.isEmpty()) {
			strategyOverview(this.strategies.version(organisationId, cycle.strategyVersionId()).strategyId(), elements,
					nodes);
		}
		Map<UUID, StrategyElement> byKey = new LinkedHashMap<>();
		elements.forEach(e -> byKey.put(e.key(), e));
		Map<String, List<Products.Part>> chapters = new LinkedHashMap<>();
		parts.forEach(p -> chapters.computeIfAbsent(p.section().chapter(), k -> new ArrayList<>()).add(p));
		List<InitiativeDetails> all = this.initiatives.details(organisationId,
				this.initiatives.find(organisationId, InitiativeFilter.none()));
		int chapter = 0;
		for (var entry : chapters.entrySet()) {
			progress.step("Kapitel " + entry.getKey(), 1, 4);
			UUID key = entry.getValue().getFirst().section().elementKey();
			StrategyElement priority = key == null ? null : byKey.get(key);
			// A section no unit was given has nothing to say: it is left out (the freeze
			// step lists it), and so is a chapter with nothing in it.
			List<Products.Part> given = entry.getValue().stream().filter(p -> !p.entries().isEmpty()).toList();
			if (given.isEmpty() && priority == null) {
				continue;
			}
			nodes.add(new Heading(1, entry.getKey(), "kapitel-" + ++chapter));
			for (Products.Part part : given) {
				section(organisationId, cycle, part, nodes, 2);
			}
			// Every chapter tied to an element of the strategy (a prioritering, a
			// målområde, a
			// fokusområde) ends with the indicators linked to it and its initiatives.
			if (priority != null) {
				progress.step("Indikatorer: " + priority.nameSv(), 2, 4);
				indicators(organisationId, priority, year, chapter, nodes);
				initiatives(priority, elements, all, year, chapter, nodes);
			}
		}
		progress.step("Agenda 2030 och kontakter", 3, 4);
		sdgMatrix(all, year, nodes);
		contacts(organisationId, elements, nodes);
	}

	/**
	 * What is open in a product before it is frozen: a section of the product that no
	 * unit was given, a unit's text not approved yet, an approved text changed since.
	 * Each gap has the section's title, the unit (none for a section nobody was given)
	 * and a message key for the reason.
	 */
	public record Gap(String section, String unit, String reason) {
	}

	/** The product's gaps, section by section, in the report's order. */
	public List<Gap> gaps(long organisationId, long cycleId, long productId) {
		List<Gap> gaps = new ArrayList<>();
		for (Products.Part part : this.products.content(organisationId, cycleId, productId)) {
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
				text.append("**Måluppfyllelse: ").append(fulfilment(entry.contribution().fulfilment())).append(".** ");
			}
			text.append(this.references.asText(organisationId, entry.text(), cycle.periodCode()));
			nodes.add(new Text(text.toString(), entry.unitName()));
		}
	}

	/**
	 * The strategy in brief, in its own words: its goals and directions as lists, then
	 * the level it is followed up by with the elements under each.
	 */
	private void strategyOverview(long strategyId, List<StrategyElement> elements, List<Node> nodes) {
		nodes.add(new Heading(1, "Strategin", "strategin"));
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

	private static long nz(Long value) {
		return value == null ? -1 : value;
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private static List<StrategyElement> sorted(List<StrategyElement> elements, ElementType type) {
		return elements.stream()
			.filter(e -> e.type() == type)
			.sorted(Comparator.comparing(StrategyElement::path))
			.toList();
	}

	/**
	 * The indicators linked to the priority: a table with target status and a chart each.
	 */
	private void indicators(long organisationId, StrategyElement priority, int year, int chapter, List<Node> nodes) {
		// The organisation's home area: its county (or, for a municipality, itself).
		String home = this.analytics.homeArea(organisationId);
		List<IndicatorAnalytics.DashboardRow> linked = this.analytics.dashboard(organisationId, priority.key(), home);
		if (linked.isEmpty()) {
			return;
		}
		nodes.add(new Heading(2, "Indikatorer", "indikatorer-" + chapter));
		List<List<Object>> rows = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		boolean demo = false;
		for (IndicatorAnalytics.DashboardRow row : linked) {
			IndicatorDefinition indicator = row.indicator();
			demo |= indicator.demoNote() != null;
			IndicatorAnalytics.Series series = this.analytics
				.series(organisationId, indicator.id(), List.of(home), Sex.T)
				.getFirst();
			// Every period up to the report's year: a missing value stays a gap in the
			// chart
			// and a dash with its reason in the table, never a zero.
			List<Target.Point> points = series.points().stream().filter(p -> p.period().year() <= year).toList();
			List<Target.Point> present = points.stream().filter(p -> p.value() != null).toList();
			Target.Point latest = present.isEmpty() ? null : present.getLast();
			String status = this.indicators.targets(indicator.id())
				.stream()
				.filter(t -> t.areaCode() == null || t.areaCode().equals(home))
				.findFirst()
				.map(t -> targetStatus(t.assess(points).status()))
				.orElse("inget mål");
			rows.add(List.of(indicator.code(), indicator.nameSv(), nz(indicator.unit()),
					latest == null ? "" : latest.period().label(),
					latest == null ? "–" : valueText(latest, indicator.decimals()), status));
			IndicatorAnalytics.Series shown = new IndicatorAnalytics.Series(series.areaCode(), series.areaName(),
					series.sex(), points);
			String title = indicator.nameSv() + ", " + series.areaName();
			// The chart's data as open data: one row per value, codes beside labels.
			List<List<Object>> data = new ArrayList<>();
			points.forEach(
					p -> data.add(List.of(indicator.code(), indicator.nameSv(), series.areaCode(), series.areaName(),
							"totalt", p.period().label(), valueText(p, indicator.decimals()), nz(indicator.unit()))));
			String alt = title + ": " + (present.isEmpty() ? "inga värden"
					: "från " + format(present.getFirst().value(), indicator.decimals()) + " ("
							+ present.getFirst().period().label() + ") till "
							+ format(latest.value(), indicator.decimals()) + " (" + latest.period().label() + ")")
					+ (indicator.unit() == null ? "" : " " + indicator.unit());
			charts.add(new Chart(title, chartNote(indicator, points), alt,
					SvgCharts.line(title, nz(indicator.unit()), List.of(shown)),
					() -> PngCharts.line(null, nz(indicator.unit()), List.of(shown), SWEDISH),
					new Table(title, SERIES_COLUMNS, data, "indikator-" + indicator.code())));
			if (indicator.bySex()) {
				charts.add(bySex(organisationId, indicator, home, series.areaName(), year));
			}
		}
		nodes.add(new Table(
				"Indikatorer för " + priority.nameSv() + ", " + this.areas.name(home) + ", senaste värde till och med "
						+ year,
				List.of("Kod", "Indikator", "Enhet", "Period", "Värde", "Status mot målet"), rows,
				"indikatorer-" + nz(priority.code())));
		if (demo) {
			nodes.add(new Notice("Indikatorvärdena är fiktiva demovärden, påhittade för demon, inte statistik."));
		}
		nodes.addAll(charts);
	}

	/**
	 * What a chart's caption adds to its title: the source (with the key figure's id),
	 * the unit, the period shown and whether the values are invented.
	 */
	private String chartNote(IndicatorDefinition indicator, List<Target.Point> points) {
		StringBuilder note = new StringBuilder("Källa: ")
			.append(label("indicator.source." + indicator.source().name()));
		if (indicator.sourceRef() != null && !indicator.sourceRef().isBlank()
				&& indicator.source() == se.stratlas.indicators.IndicatorKinds.Source.KOLADA) {
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

	/**
	 * A label of the reports' language (Swedish) for a message key; the key when none.
	 */
	private String label(String key) {
		return this.messages.getMessage(key, null, key, SWEDISH);
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
			return "– " + point.missing().label(java.util.Locale.forLanguageTag("sv"));
		}
		return point.preliminary() ? format(point.value(), decimals) + " (preliminärt)"
				: round(point.value(), decimals);
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
						details.funding().isEmpty() ? null : details.totalFunding()));
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

	private void sdgMatrix(List<InitiativeDetails> all, int year, List<Node> nodes) {
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
		nodes.add(new Heading(1, "Agenda 2030", "agenda-2030"));
		nodes.add(new Text("Insatsernas bidrag till de globala målen enligt registreringen i Stratlas, med de "
				+ "målkonflikter som har noterats.", null));
		nodes.add(new Table("Insatser per mål i Agenda 2030", List.of("Mål", "Insatser som bidrar", "Målkonflikter"),
				rows, "agenda-2030"));
	}

	private void contacts(long organisationId, List<StrategyElement> elements, List<Node> nodes) {
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
		nodes.add(new Heading(1, "Kontakt för mer information", "kontakt"));
		nodes.add(new Table("Kontaktpersoner per prioritering", headers, rows, "kontakter"));
	}

	/**
	 * The interim report of seed 003: per unit its assessment, texts, finance and
	 * staffing.
	 */
	private void interim(long organisationId, Cycle cycle, List<Products.Part> parts, List<Node> nodes) {
		about(cycle, new Product(0, cycle.id(), cycle.name(), ProductKind.INTERIM_REPORT, null, null, Set.of(), 0),
				true, nodes);
		List<UnitFigureBook.Row> rows = this.figures.rows(organisationId, cycle.periodCode(), false);
		// The reporting units are those given the scorecard's perspectives (or, with no
		// scorecard, every unit); a section only other units were given is the report's
		// own: an introduction, a summary, a section units write together. Those come
		// first, as chapters, in the product's order.
		Set<String> reporting = new java.util.LinkedHashSet<>();
		for (Products.Part part : parts) {
			if (part.section().perspective() != null) {
				part.entries().forEach(e -> reporting.add(e.unitName()));
			}
		}
		if (reporting.isEmpty()) {
			parts.forEach(p -> p.entries().forEach(e -> reporting.add(e.unitName())));
		}
		int shared = 0;
		for (Products.Part part : parts) {
			if (part.entries().isEmpty() || part.entries().stream().anyMatch(e -> reporting.contains(e.unitName()))) {
				continue;
			}
			nodes.add(new Heading(1, part.section().title(), "del-" + ++shared));
			for (Products.Entry entry : part.entries()) {
				nodes.add(entry.text() == null ? new Notice(entry.unitName() + ": inte godkänd ännu.") : new Text(
						this.references.asText(organisationId, entry.text(), cycle.periodCode()), entry.unitName()));
			}
		}
		if (!rows.isEmpty()) {
			financeOverview(cycle, rows, List.copyOf(reporting), nodes);
		}
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

	/** A goal's fulfilment as a status with its tone; not assessed when there is none. */
	static ReportDocument.Mark mark(Fulfilment fulfilment) {
		if (fulfilment == null) {
			return new ReportDocument.Mark("ej bedömd", ReportDocument.Mark.Tone.NONE);
		}
		return new ReportDocument.Mark(fulfilment(fulfilment), switch (fulfilment) {
			case ACHIEVED -> ReportDocument.Mark.Tone.GOOD;
			case PARTLY -> ReportDocument.Mark.Tone.PARTLY;
			case NOT_ACHIEVED -> ReportDocument.Mark.Tone.BAD;
		});
	}

	private void financeOverview(Cycle cycle, List<UnitFigureBook.Row> unsorted, List<String> order, List<Node> nodes) {
		nodes.add(new Heading(1, "Ekonomi, samtliga enheter", "ekonomi"));
		List<UnitFigureBook.Row> rows = new ArrayList<>(unsorted);
		rows.sort(Comparator.comparing((UnitFigureBook.Row r) -> order.indexOf(r.unit().name()) < 0 ? Integer.MAX_VALUE
				: order.indexOf(r.unit().name()))
			.thenComparing(r -> r.unit().name()));
		List<List<Object>> table = new ArrayList<>();
		for (UnitFigureBook.Row row : rows) {
			UnitFigures f = row.figures();
			table.add(List.of(row.unit().name(), f.budget(), f.outcome(), f.deviation(), nzn(f.forecast()),
					nzn(f.savingsTarget())));
		}
		Map<String, BigDecimal> totals = UnitFigureBook.totals(rows);
		BigDecimal savings = rows.stream()
			.map(r -> r.figures().savingsTarget())
			.filter(java.util.Objects::nonNull)
			.reduce(null, (a, b) -> a == null ? b : a.add(b));
		table.add(List.of("Totalt", totals.getOrDefault("budget", BigDecimal.ZERO),
				totals.getOrDefault("outcome", BigDecimal.ZERO), totals.getOrDefault("deviation", BigDecimal.ZERO),
				nzn(totals.get("forecast")), nzn(savings)));
		nodes.add(new Table("Ekonomi per enhet, " + cycle.periodLabel(SWEDISH) + " (mnkr)",
				List.of("Enhet", "Budget", "Utfall", "Avvikelse mot budget", "Helårsprognos", "Sparbeting"), table,
				"ekonomi"));
		rows.stream()
			.map(r -> r.figures().sourceNote())
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.ifPresent(note -> nodes.add(new Notice(
					"Siffror som källan inte anger direkt är härledda eller fiktiva; varje enhets källanteckning finns i Stratlas.")));
		// Budget, outcome and forecast per unit as bars: where each unit stands at a
		// glance.
		List<String> units = rows.stream().map(r -> r.unit().name()).toList();
		List<String> series = List.of("Budget", "Utfall", "Helårsprognos");
		Double[][] values = new Double[rows.size()][3];
		List<List<Object>> data = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			UnitFigures f = rows.get(i).figures();
			values[i] = new Double[] { f.budget() == null ? null : f.budget().doubleValue(),
					f.outcome() == null ? null : f.outcome().doubleValue(),
					f.forecast() == null ? null : f.forecast().doubleValue() };
			data.add(java.util.Arrays.asList(units.get(i), f.budget(), f.outcome(), f.forecast()));
		}
		String title = "Budget, utfall och helårsprognos per enhet, " + cycle.periodLabel(SWEDISH);
		String alt = title + ": "
				+ String.join("; ", rows.stream()
					.map(r -> r.unit().name() + " utfall " + HtmlReport.cell(r.figures().outcome()) + ", prognos "
							+ (r.figures().forecast() == null ? "saknas" : HtmlReport.cell(r.figures().forecast())))
					.toList())
				+ " (mnkr)";
		nodes.add(new Chart(title, "Källa: enheternas delårsrapporter. Enhet: mnkr.", alt,
				SvgCharts.groupedBars(title, "mnkr", units, series, values, SWEDISH),
				() -> PngCharts.groupedBars("mnkr", units, series, values, SWEDISH),
				new Table(title, List.of("Enhet", "Budget", "Utfall", "Helårsprognos"), data, "ekonomi-diagram")));
	}

	private void unitFigures(UnitFigureBook.Row row, int index, List<Node> nodes) {
		UnitFigures f = row.figures();
		nodes.add(new Heading(2, "Ekonomi och personal", "siffror-" + index));
		List<List<Object>> table = new ArrayList<>();
		table.add(List.of("Budget (mnkr)", f.budget()));
		table.add(List.of("Utfall (mnkr)", f.outcome()));
		table.add(List.of("Avvikelse mot budget (mnkr)", f.deviation()));
		table.add(List.of("Helårsprognos (mnkr)", nzn(f.forecast())));
		table.add(List.of("Föregående år (mnkr)",
				row.lastYear() != null ? row.lastYear().outcome() : nzn(f.previousYear())));
		table.add(List.of("Sparbeting (mnkr)", nzn(f.savingsTarget())));
		table.add(List.of("Antal anställda", f.employees() == null ? "" : f.employees()));
		table.add(List.of("Förändring anställda", f.employeesChange() == null ? "" : f.employeesChange()));
		table.add(List.of("Sjukfrånvaro (%)", nzn(f.sickLeavePct())));
		// A key figure the unit has not given is named once below the table, not printed
		// as
		// an empty row.
		List<String> missing = table.stream()
			.filter(r -> r.get(1) == null || "".equals(r.get(1)))
			.map(r -> String.valueOf(r.getFirst()))
			.toList();
		table.removeIf(r -> r.get(1) == null || "".equals(r.get(1)));
		nodes.add(new Table("Ekonomi och personal, " + row.unit().name(), List.of("Nyckeltal", "Värde"), table,
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

	private static Object nzn(BigDecimal value) {
		return value == null ? "" : value;
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

	private static String targetStatus(Target.Status status) {
		return switch (status) {
			case MET -> "uppnått";
			case ON_TRACK -> "i fas";
			case OFF_TRACK -> "inte i fas";
			case NO_DATA -> "saknar data";
		};
	}

	private static BigDecimal round(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
	}

	private static String format(double value, int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("sv"));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

}
