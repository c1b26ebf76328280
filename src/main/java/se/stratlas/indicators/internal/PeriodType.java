package se.stratlas.indicators.internal;

import java.util.Locale;

/** The kinds of period, each dividing a year into equal parts of whole months. */
public enum PeriodType {

	/** A calendar year: "2024". */
	YEAR(1, 12),
	/** A half-year: "2024H1", "2024H2". */
	HALF_YEAR(2, 6),
	/** A tertial, four months: "2024T1" (January–April), "2024T2", "2024T3". */
	TERTIAL(3, 4),
	/** A quarter: "2024Q1" … "2024Q4". */
	QUARTER(4, 3),
	/** A month: "2024-01" … "2024-12". */
	MONTH(12, 1);

	private final int perYear;

	private final int months;

	PeriodType(int perYear, int months) {
		this.perYear = perYear;
		this.months = months;
	}

	/** How many periods of this type a year has. */
	public int perYear() {
		return this.perYear;
	}

	/** How many months one period lasts. */
	public int months() {
		return this.months;
	}

	/**
	 * Whether every period of this type lies wholly inside one period of {@code other}.
	 */
	public boolean finerOrEqual(PeriodType other) {
		return this.months <= other.months && other.months % this.months == 0;
	}

	public String messageKey() {
		return "period.type." + name().toLowerCase(Locale.ROOT);
	}

}
