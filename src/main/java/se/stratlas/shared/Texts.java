package se.stratlas.shared;

import java.util.Locale;

/** Small helpers for the texts users type. */
public final class Texts {

	private Texts() {
	}

	/** Trims and turns blank into null. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * Picks the English text when asked for English and it exists, else the Swedish one.
	 */
	public static String localized(String sv, String en, Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
			return en;
		}
		return sv;
	}

	/**
	 * The first line of an exception's message (or its type when it has none), for
	 * messages to users.
	 */
	public static String firstLine(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

	/**
	 * A text cut to at most {@code max} characters (with "…" when cut), control
	 * characters shown as "?": for quoting what a user sent in a message back to them.
	 */
	public static String abbreviate(String text, int max) {
		if (text == null) {
			return "";
		}
		String shown = text.replaceAll("\\p{Cntrl}", "?");
		return shown.length() > max ? shown.substring(0, max) + "…" : shown;
	}

	/** A text the user must write, cleaned, of at most {@code max} characters. */
	public static String required(String field, String value, int max) {
		String text = clean(value);
		if (text == null) {
			throw new ValidationException(field, "validation.required");
		}
		return optional(field, text, max);
	}

	/** A text the user may write, cleaned, of at most {@code max} characters. */
	public static String optional(String field, String value, int max) {
		String text = clean(value);
		if (text != null && text.length() > max) {
			throw new ValidationException(field, "validation.tooLong", max);
		}
		return text;
	}

}
