package se.stratlas.followup;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import se.stratlas.indicators.Period;

/** The closed vocabularies of follow-up. */
public final class Kinds {

	private Kinds() {
	}

	/**
	 * A period code as people write it ("T1 2021", "2023"); the code itself if it is
	 * none.
	 */
	public static String periodLabel(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		try {
			return Period.parse(code).label(locale);
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

	private static String key(String prefix, Enum<?> value) {
		return prefix + value.name().toLowerCase(Locale.ROOT);
	}

	/** What kind of follow-up a cycle is. */
	public enum CycleKind {

		/** Årlig uppföljning of a strategy. */
		ANNUAL,
		/** Delårsrapport per tertial. */
		TERTIAL,
		/** Månadsrapport. */
		MONTHLY, CUSTOM;

		public String messageKey() {
			return key("cycle.kind.", this);
		}

	}

	/** Where a cycle stands: planerad → öppen → granskning → stängd → publicerad. */
	public enum CycleState {

		PLANNED, OPEN, REVIEW, CLOSED, PUBLISHED;

		public String messageKey() {
			return key("cycle.state.", this);
		}

		/** The states a cycle may move to from this one (one step on, or one back). */
		public Set<CycleState> next() {
			return switch (this) {
				case PLANNED -> EnumSet.of(OPEN);
				case OPEN -> EnumSet.of(REVIEW, PLANNED);
				case REVIEW -> EnumSet.of(CLOSED, OPEN);
				case CLOSED -> EnumSet.of(PUBLISHED, REVIEW);
				case PUBLISHED -> EnumSet.noneOf(CycleState.class);
			};
		}

		/** Whether units may write and reviewers decide in this state. */
		public boolean acceptsContributions() {
			return this == OPEN || this == REVIEW;
		}

	}

	/** What a section asks for. */
	public enum SectionKind {

		/** Free text. */
		TEXT,
		/** A scorecard goal: goal fulfilment with a rationale. */
		GOAL;

		public String messageKey() {
			return key("section.kind.", this);
		}

	}

	/**
	 * What a section is about, where that changes what the page offers the writer: an
	 * outside-world section of a strategy element gets the signals and SWOTs linked to
	 * it.
	 */
	public enum SectionTopic {

		/** Nothing the page adds to. */
		GENERAL,
		/** Omvärldsbevakning: trends, events and regulation that affect the work. */
		OUTSIDE_WORLD;

		public String messageKey() {
			return key("section.topic.", this);
		}

	}

	/** The five perspectives of a scorecard (styrkort). */
	public enum Perspective {

		MEDBORGARE, MEDARBETARE, VERKSAMHET, EKONOMI, SAMHALLE;

		public String messageKey() {
			return key("perspective.", this);
		}

	}

	/** Goal fulfilment (måluppfyllelse). */
	public enum Fulfilment {

		ACHIEVED, PARTLY, NOT_ACHIEVED;

		public String messageKey() {
			return key("fulfilment.", this);
		}

		/** The traffic-light class. */
		public String light() {
			return switch (this) {
				case ACHIEVED -> "green";
				case PARTLY -> "yellow";
				case NOT_ACHIEVED -> "red";
			};
		}

	}

	/** A contribution's state: utkast → klarmarkerad → återremitterad or godkänd. */
	public enum ContributionState {

		NOT_STARTED, DRAFT, READY, RETURNED, APPROVED;

		public String messageKey() {
			return key("contribution.state.", this);
		}

		/** Whether the unit may still change the text. */
		public boolean editable() {
			return this == NOT_STARTED || this == DRAFT || this == RETURNED || this == APPROVED;
		}

		/** Whether the unit has done its part. */
		public boolean delivered() {
			return this == READY || this == APPROVED;
		}

	}

	/** The kind of a report product. */
	public enum ProductKind {

		FOLLOW_UP, ANNUAL_REPORT, GOVERNMENT_REPORT, INTERIM_REPORT, OTHER;

		public String messageKey() {
			return key("product.kind.", this);
		}

	}

}
