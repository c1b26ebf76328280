package se.stratlas.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.ReportLayouts;
import se.stratlas.indicators.Period;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.reports.internal.ChapterSections;
import se.stratlas.reports.internal.FinanceSections;
import se.stratlas.reports.internal.StrategySections;
import se.stratlas.reports.internal.UnitSections;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Builds a report product of a follow-up cycle into one {@link ReportDocument}, part by
 * part as the product's structure ({@link ReportLayouts}) says: about the report, the
 * strategy, one chapter per part of the strategy with its texts, indicators and
 * initiatives (seed 001), goal fulfilment per goal, finance and staffing per unit, the
 * government's questions with their answers and figures, the sections written for the
 * whole report and one chapter per unit (seed 003), the Agenda 2030 matrix, contacts. The
 * parts are built by the section builders of {@code internal}: chapters and questions,
 * the strategy's own parts, finance and staffing, and the units' chapters.
 */
@Component
@Transactional(readOnly = true)
public class Reports {

	private final Cycles cycles;

	private final Products products;

	private final ReportLayouts layouts;

	private final StrategyCatalog strategies;

	private final InitiativeCatalog initiatives;

	private final Organisations organisations;

	private final Logos logos;

	private final MessageSource messages;

	private final ChapterSections chapterSections;

	private final StrategySections strategySections;

	private final UnitSections unitSections;

	private final FinanceSections financeSections;

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	Reports(Cycles cycles, Products products, ReportLayouts layouts, StrategyCatalog strategies,
			InitiativeCatalog initiatives, Organisations organisations, Logos logos, MessageSource messages,
			ChapterSections chapterSections, StrategySections strategySections, UnitSections unitSections,
			FinanceSections financeSections) {
		this.cycles = cycles;
		this.products = products;
		this.layouts = layouts;
		this.strategies = strategies;
		this.initiatives = initiatives;
		this.organisations = organisations;
		this.logos = logos;
		this.messages = messages;
		this.chapterSections = chapterSections;
		this.strategySections = strategySections;
		this.unitSections = unitSections;
		this.financeSections = financeSections;
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
		int year = Period.parse(cycle.periodCode()).year();
		List<StrategyElement> elements = cycle.strategyVersionId() == null ? List.of()
				: this.strategies.elements(organisationId, cycle.strategyVersionId());
		Source source = new Source(organisationId, cycle, product, parts, year, elements, this.initiatives
			.details(organisationId, this.initiatives.find(organisationId, InitiativeFilter.none())));
		List<ReportBlock> blocks = layout.blocks();
		// The sections a question answers belong to that question, not to the chapters.
		Set<Long> answering = new HashSet<>();
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
						this.strategySections.overview(
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
				case GOAL_FULFILMENT -> this.strategySections.goalFulfilment(organisationId, cycle, elements, parts,
						source.initiatives(), year, title, nodes);
				case FINANCE -> this.financeSections.finance(cycle, title, parts, nodes, organisationId);
				case STAFFING -> this.financeSections.staffing(cycle, title, nodes, organisationId);
				case QUESTION ->
					this.chapterSections.question(organisationId, cycle, parts, year, block, ++questions, nodes);
				case SHARED_SECTIONS -> this.unitSections.shared(organisationId, cycle, parts, nodes);
				case UNITS -> this.unitSections.units(organisationId, cycle, parts, nodes);
				case AGENDA_2030 -> this.strategySections.sdgMatrix(source.initiatives(), title, nodes);
				case CONTACTS -> this.strategySections.contacts(organisationId, title, elements, nodes);
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

	private void chapters(Source source, List<Products.Part> parts, int level, boolean details, Progress progress,
			List<Node> nodes) {
		this.chapterSections.chapters(source.organisationId(), source.cycle(), source.elements(), source.initiatives(),
				source.year(), parts, level, details, progress, nodes);
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

	/**
	 * A label of the reports' language (Swedish) for a message key; the key when none.
	 */
	private String label(String key) {
		return this.messages.getMessage(key, null, key, SWEDISH);
	}

}
