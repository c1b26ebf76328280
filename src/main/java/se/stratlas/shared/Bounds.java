package se.stratlas.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ranges numbers users type must lie in, in one place, so that a form, the API and an
 * import say the same and nothing reaches the database that its columns cannot hold.
 */
public final class Bounds {

	/** The largest amount in kronor (the columns hold 16 digits): 999 999 999 999 999. */
	public static final BigDecimal MAX_KRONOR = new BigDecimal("999999999999999");

	/**
	 * The largest amount in millions of kronor of a unit's figures (14 digits, 2 of them
	 * decimals).
	 */
	public static final BigDecimal MAX_MILLIONS = new BigDecimal("999999999999.99");

	private Bounds() {
	}

	/** An amount in whole kronor: 0 or more, at most {@link #MAX_KRONOR}, no öre. */
	public static boolean kronor(BigDecimal amount) {
		return amount != null && amount.signum() >= 0 && amount.compareTo(MAX_KRONOR) <= 0
				&& amount.stripTrailingZeros().scale() <= 0;
	}

	/** An amount in millions of kronor, either sign, at most two decimals. */
	public static boolean millions(BigDecimal amount) {
		return amount == null
				|| (amount.abs().compareTo(MAX_MILLIONS) <= 0 && amount.stripTrailingZeros().scale() <= 2);
	}

	/** A date people mean: none, or in the years 1900–2200. */
	public static boolean year(LocalDate date) {
		return date == null || (date.getYear() >= 1900 && date.getYear() <= 2200);
	}

	/** A number that a double holds: not infinite, not NaN. */
	public static boolean finite(Double value) {
		return value == null || Double.isFinite(value);
	}

}
