package se.stratlas.learning;

import java.util.Locale;

/**
 * What a lesson or a proposal rests on: one indicator, initiative, unit text, signal,
 * SWOT item, scenario or dialogue, by id, with the label it had when it was cited.
 */
public record Evidence(Kind kind, long refId, String label) {

	/** The kinds of evidence, each with where it is read. */
	public enum Kind {

		INDICATOR("/indicators/%d"), INITIATIVE("/initiatives/%d"), TEXT("/followup/contributions/%d"),
		SIGNAL("/foresight/items/%d/edit"), WORKSHOP("/foresight/workshops/%d"),
		SCENARIO("/foresight/scenarios/%d/edit"), DIALOGUE("/foresight/dialogues/%d");

		private final String href;

		Kind(String href) {
			this.href = href;
		}

		public String messageKey() {
			return "learning.evidence." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where the evidence is read in Stratlas. */
	public String href() {
		return this.kind.href.formatted(this.refId);
	}

	/** The evidence as a form or the API names it: {@code INDICATOR:12}. */
	public String token() {
		return this.kind.name() + ":" + this.refId;
	}

}
