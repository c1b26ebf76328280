package se.stratlas.indicators;

import java.util.Locale;
import java.util.Optional;

/** The small vocabularies of indicators. */
public final class IndicatorKinds {

	private IndicatorKinds() {
	}

	/** Total, women, men: as Kolada and SCB split values. */
	public enum Sex {

		T, K, M;

		/**
		 * Reads Kolada's and SCB's sex codes: T/K/M, 1 (men), 2 (women), "1+2" and
		 * "totalt".
		 */
		public static Optional<Sex> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			return switch (text.strip().toUpperCase(Locale.ROOT)) {
				case "T", "TOT", "TOTALT", "1+2", "TOTAL" -> Optional.of(T);
				case "K", "2", "KVINNOR", "F" -> Optional.of(K);
				case "M", "1", "MÄN" -> Optional.of(M);
				default -> Optional.empty();
			};
		}

	}

	/** Which direction is good. */
	public enum Polarity {

		HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL

	}

	/** What an indicator measures. */
	public enum Kind {

		KONTEXT, RESULTAT, PRESTATION, NYCKELTAL

	}

	/** Where the values come from. */
	public enum Source {

		KOLADA, SCB, OWN, COMPUTED

	}

	/** Why a value is missing. */
	public enum Missing {

		SAKNAS("saknas", "missing"), EJ_TILLAMPLIG("ej tillämpligt", "not applicable"),
		SEKRETESS("sekretess", "confidential");

		private final String swedish;

		private final String english;

		Missing(String swedish, String english) {
			this.swedish = swedish;
			this.english = english;
		}

		/** Why the value is missing, in the reader's language. */
		public String label(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? this.english : this.swedish;
		}

		public String messageKey() {
			return "value.missing." + name();
		}

	}

	/** Whether a value may still be revised. */
	public enum ValueStatus {

		PRELIMINAR, DEFINITIV

	}

}
