package se.stratlas.indicators;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stratlas.indicators.internal.PeriodType;

/**
 * A period with an ISO-like code: {@code 2024}, {@code 2024H2}, {@code 2024T1} (tertial),
 * {@code 2024Q2}, {@code 2024-05}. Immutable and ordered by start date, then by length
 * (longer first). {@code index} counts from 1 within the year.
 */
public record Period(PeriodType type, int year, int index) implements Comparable<Period> {

	private static final Pattern CODE = Pattern
		.compile("(?<year>\\d{4})(?:(?<kind>[HTQ])(?<part>\\d{1,2})|-(?<month>\\d{2}))?");

	public Period {
		if (type == null) {
			throw new IllegalArgumentException("A period needs a type");
		}
		if (year < 1000 || year > 9999) {
			throw new IllegalArgumentException("The year " + year + " is outside 1000–9999");
		}
		if (index < 1 || index > type.perYear()) {
			throw new IllegalArgumentException(
					"A " + type + " of a year is numbered 1–" + type.perYear() + ", not " + index);
		}
	}

	public static Period year(int year) {
		return new Period(PeriodType.YEAR, year, 1);
	}

	public static Period tertial(int year, int tertial) {
		return new Period(PeriodType.TERTIAL, year, tertial);
	}

	public static Period month(int year, int month) {
		return new Period(PeriodType.MONTH, year, month);
	}

	/**
	 * Reads a period code. Lower-case letters are accepted; anything else is refused with
	 * a message that says what was expected.
	 * @throws PeriodFormatException when the text is not a period code
	 */
	public static Period parse(String text) {
		if (text == null || text.isBlank()) {
			throw new PeriodFormatException(text, "a period code is empty");
		}
		Matcher matcher = CODE.matcher(text.strip().toUpperCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new PeriodFormatException(text,
					"expected a year (2024), half-year (2024H1), tertial (2024T1), quarter (2024Q2) or month (2024-05)");
		}
		int year = Integer.parseInt(matcher.group("year"));
		try {
			if (matcher.group("month") != null) {
				return new Period(PeriodType.MONTH, year, Integer.parseInt(matcher.group("month")));
			}
			if (matcher.group("kind") == null) {
				return year(year);
			}
			PeriodType type = switch (matcher.group("kind")) {
				case "H" -> PeriodType.HALF_YEAR;
				case "T" -> PeriodType.TERTIAL;
				default -> PeriodType.QUARTER;
			};
			return new Period(type, year, Integer.parseInt(matcher.group("part")));
		}
		catch (IllegalArgumentException ex) {
			throw new PeriodFormatException(text, ex.getMessage());
		}
	}

	/** The code, as {@link #parse} reads it. */
	public String code() {
		return switch (this.type) {
			case YEAR -> String.valueOf(this.year);
			case HALF_YEAR -> this.year + "H" + this.index;
			case TERTIAL -> this.year + "T" + this.index;
			case QUARTER -> this.year + "Q" + this.index;
			case MONTH -> String.format("%d-%02d", this.year, this.index);
		};
	}

	/**
	 * The period as people write it: "2024", "T1 2021" (tertial), "H2 2024", "K2 2024"
	 * (Q2 in English), "maj 2024".
	 */
	public String label(Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return switch (this.type) {
			case YEAR -> String.valueOf(this.year);
			case HALF_YEAR -> "H" + this.index + " " + this.year;
			case TERTIAL -> "T" + this.index + " " + this.year;
			case QUARTER -> (english ? "Q" : "K") + this.index + " " + this.year;
			case MONTH -> Month.of(this.index)
				.getDisplayName(TextStyle.FULL_STANDALONE, english ? Locale.ENGLISH : Locale.forLanguageTag("sv")) + " "
					+ this.year;
		};
	}

	/** The period in Swedish, as {@link #label(java.util.Locale)} writes it. */
	public String label() {
		return label(Locale.forLanguageTag("sv"));
	}

	public int firstMonth() {
		return (this.index - 1) * this.type.months() + 1;
	}

	public LocalDate start() {
		return LocalDate.of(this.year, firstMonth(), 1);
	}

	public LocalDate end() {
		return YearMonth.of(this.year, firstMonth() + this.type.months() - 1).atEndOfMonth();
	}

	/**
	 * The period {@code n} periods later (earlier when negative), across year boundaries.
	 */
	public Period plus(int n) {
		int ordinal = this.year * this.type.perYear() + (this.index - 1) + n;
		return new Period(this.type, Math.floorDiv(ordinal, this.type.perYear()),
				Math.floorMod(ordinal, this.type.perYear()) + 1);
	}

	public Period next() {
		return plus(1);
	}

	public Period previous() {
		return plus(-1);
	}

	/**
	 * The same period a year earlier ("2024T1" → "2023T1"), for comparisons with the
	 * previous year.
	 */
	public Period sameLastYear() {
		return plus(-this.type.perYear());
	}

	/** Whether the other period lies wholly inside this one. */
	public boolean contains(Period other) {
		return !other.start().isBefore(start()) && !other.end().isAfter(end());
	}

	/** The period of the given (longer or equal) type that contains this one. */
	public Period within(PeriodType type) {
		if (!this.type.finerOrEqual(type)) {
			throw new IllegalArgumentException("A " + this.type + " does not lie within one " + type);
		}
		return new Period(type, this.year, (firstMonth() - 1) / type.months() + 1);
	}

	/**
	 * The periods of the given (shorter or equal) type that make up this one, in order.
	 */
	public List<Period> split(PeriodType type) {
		if (!type.finerOrEqual(this.type)) {
			throw new IllegalArgumentException("A " + this.type + " cannot be split into " + type + "s");
		}
		List<Period> parts = new ArrayList<>();
		for (int month = firstMonth(); month < firstMonth() + this.type.months(); month += type.months()) {
			parts.add(new Period(type, this.year, (month - 1) / type.months() + 1));
		}
		return parts;
	}

	/** The periods from this one to {@code last}, inclusive, of this period's type. */
	public List<Period> until(Period last) {
		if (last.type != this.type) {
			throw new IllegalArgumentException("Both ends of a range must be of the same type");
		}
		List<Period> periods = new ArrayList<>();
		for (Period p = this; p.compareTo(last) <= 0; p = p.next()) {
			periods.add(p);
		}
		return periods;
	}

	@Override
	public int compareTo(Period other) {
		int byStart = start().compareTo(other.start());
		return byStart != 0 ? byStart : Integer.compare(other.type.months(), this.type.months());
	}

	@Override
	public String toString() {
		return code();
	}

	/** A text that is not a period code, and why. */
	public static class PeriodFormatException extends IllegalArgumentException {

		private final String text;

		PeriodFormatException(String text, String reason) {
			super("\"" + text + "\" is not a period: " + reason);
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

}
