package se.stratlas.strategy;

import java.util.List;
import java.util.Locale;

import se.stratlas.shared.Texts;

/**
 * One step of the scale a strategy uses to assess initiatives against its directions. A
 * score above zero is positive, zero neutral, below zero negative.
 */
public record AssessmentLevel(String code, String nameSv, String nameEn, int score) {

	/**
	 * The scale of seed 001's application assessments, used until a strategy defines its
	 * own.
	 */
	public static final List<AssessmentLevel> DEFAULT_SCALE = List.of(
			new AssessmentLevel("BIDRAR_VASENTLIGT", "bidrar väsentligt", "contributes substantially", 2),
			new AssessmentLevel("BIDRAR", "bidrar", "contributes", 1),
			new AssessmentLevel("BIDRAR_INTE", "bidrar inte", "does not contribute", 0),
			new AssessmentLevel("MOTVERKAR", "motverkar", "counteracts", -1));

	public boolean positive() {
		return this.score > 0;
	}

	public String name(Locale locale) {
		return Texts.localized(this.nameSv, this.nameEn, locale);
	}

}
