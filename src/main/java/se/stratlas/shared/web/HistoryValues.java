package se.stratlas.shared.web;

import java.util.Locale;
import java.util.Optional;

/**
 * How a module's values read in a history panel, for values that are neither an enum
 * constant nor plain text: a period code "2021T1" reads "T1 2021". A module contributes a
 * bean; the history asks each in turn.
 */
public interface HistoryValues {

	/**
	 * The value of the field as people write it, or empty when this is not one of ours.
	 */
	Optional<String> label(String field, String value, Locale locale);

}
