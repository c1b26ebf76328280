package se.stratlas.followup;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.ProductKind;

/**
 * One part of a report product's structure: what the report shows at that place. The
 * structure is data, so a region can give each kind of report the parts its readers
 * expect (the committee's goal fulfilment, finance and staffing; the government's
 * questions) and change them without a release.
 *
 * @param kind what the part shows
 * @param title the heading, or null for the kind's own
 * @param question for a question: the question asked (e.g. by the government)
 * @param sectionIds for a question: the sections whose approved texts answer it
 * @param indicatorCodes for a question: the indicators that give the figures asked for
 */
public record ReportBlock(Kind kind, @Nullable String title, @Nullable String question, @Nullable List<Long> sectionIds,
		@Nullable List<String> indicatorCodes) {

	public ReportBlock {
		sectionIds = sectionIds == null ? List.of() : List.copyOf(sectionIds);
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	public static ReportBlock of(Kind kind) {
		return new ReportBlock(kind, null, null, List.of(), List.of());
	}

	public static ReportBlock question(String title, String question) {
		return new ReportBlock(Kind.QUESTION, title, question, List.of(), List.of());
	}

	/** What a part of a report shows. */
	public enum Kind {

		/** Om rapporten: what it builds on and how to read it (from the structure). */
		ABOUT,
		/** The strategy in brief: goals, directions, the level it is followed up by. */
		STRATEGY,
		/**
		 * The product's sections, one chapter per part of the strategy, each ending with
		 * its indicators and initiatives (the annual follow-up of seed 001).
		 */
		CHAPTERS,
		/** The product's sections as analysis: texts only, grouped by chapter. */
		TEXTS,
		/** Goal fulfilment per goal with a status (from the units and the indicators). */
		GOAL_FULFILMENT,
		/** Budget, outcome and forecast per unit with totals and a chart. */
		FINANCE,
		/** Staffing key figures per unit with totals. */
		STAFFING,
		/** A question asked of the report, answered by sections and figures. */
		QUESTION,
		/** Sections written for the whole report (an introduction, a summary). */
		SHARED_SECTIONS,
		/** One chapter per reporting unit (the interim report of seed 003). */
		UNITS,
		/** The initiatives' contribution to the global goals. */
		AGENDA_2030,
		/** Contact persons per part of the strategy. */
		CONTACTS;

		public String messageKey() {
			return "report.block." + name().toLowerCase(Locale.ROOT);
		}

		/** The part's name in Swedish, as the history keeps it. */
		public String label() {
			return switch (this) {
				case ABOUT -> "Om rapporten";
				case STRATEGY -> "Strategin";
				case CHAPTERS -> "Kapitel per del av strategin";
				case TEXTS -> "Verksamhetens analys";
				case GOAL_FULFILMENT -> "Måluppfyllelse";
				case FINANCE -> "Ekonomi";
				case STAFFING -> "Personal";
				case QUESTION -> "Fråga";
				case SHARED_SECTIONS -> "Gemensamma delar";
				case UNITS -> "En del per enhet";
				case AGENDA_2030 -> "Agenda 2030";
				case CONTACTS -> "Kontakter";
			};
		}

		/** Whether a structure may hold the part more than once. */
		public boolean repeatable() {
			return this == QUESTION;
		}

	}

	/**
	 * The structure a product of the kind has until a strateg changes it. The questions
	 * of a report to the government are suggestions to be replaced by the year's
	 * assignment.
	 */
	public static List<ReportBlock> defaults(ProductKind kind, CycleKind cycleKind) {
		if (cycleKind == CycleKind.TERTIAL && kind != ProductKind.GOVERNMENT_REPORT) {
			return List.of(of(Kind.ABOUT), of(Kind.SHARED_SECTIONS), of(Kind.FINANCE), of(Kind.UNITS));
		}
		return switch (kind) {
			case FOLLOW_UP ->
				List.of(of(Kind.ABOUT), of(Kind.STRATEGY), of(Kind.CHAPTERS), of(Kind.AGENDA_2030), of(Kind.CONTACTS));
			case ANNUAL_REPORT ->
				List.of(of(Kind.ABOUT), of(Kind.GOAL_FULFILMENT), of(Kind.TEXTS), of(Kind.FINANCE), of(Kind.STAFFING));
			case GOVERNMENT_REPORT -> List.of(of(Kind.ABOUT),
					question("Genomförandet av den regionala utvecklingsstrategin",
							"Hur har regionen arbetat med att genomföra den regionala utvecklingsstrategin under året, "
									+ "och vilka resultat har arbetet gett?"),
					question("Samverkan",
							"Hur har regionen samverkat med kommuner, länsstyrelsen, statliga myndigheter och andra "
									+ "aktörer i det regionala utvecklingsarbetet?"),
					question("Uppföljning och lärande",
							"Hur har regionen följt upp och utvärderat det regionala utvecklingsarbetet, och hur har "
									+ "lärdomarna använts?"),
					question("Agenda 2030",
							"Hur har det regionala utvecklingsarbetet bidragit till genomförandet av Agenda 2030?"),
					of(Kind.AGENDA_2030));
			case INTERIM_REPORT -> List.of(of(Kind.ABOUT), of(Kind.SHARED_SECTIONS), of(Kind.FINANCE), of(Kind.UNITS));
			case OTHER -> List.of(of(Kind.ABOUT), of(Kind.CHAPTERS));
		};
	}

}
