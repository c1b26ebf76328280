package se.stratlas.learning;

import java.util.Locale;

/**
 * A strateg's judgement of whether an element of the strategy is reached, in the states
 * Västerås-barometern and Stratsys use: på väg, delvis, inte på väg, kan inte bedömas.
 */
public enum Judgement {

	ON_TRACK("på väg"), PARTLY("delvis"), OFF_TRACK("inte på väg"), UNKNOWN("kan inte bedömas");

	private final String label;

	Judgement(String label) {
		this.label = label;
	}

	/** The Swedish word, as the history shows it. */
	public String label() {
		return this.label;
	}

	public String messageKey() {
		return "learning.judgement." + name().toLowerCase(Locale.ROOT);
	}

}
