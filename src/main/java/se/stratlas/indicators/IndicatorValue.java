package se.stratlas.indicators;

import java.time.Instant;

import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;

/**
 * One value: indicator × area × period × sex, a number or a reason it is missing, its
 * status and where it came from (source, import run, when it was retrieved).
 */
public record IndicatorValue(long indicatorId, String areaCode, Period period, Sex sex, Double value, Missing missing,
		ValueStatus status, String source, Long importRunId, Instant retrievedAt) {

	/** A value as an import brings it, before it is stored. */
	public record Incoming(long indicatorId, String areaCode, Period period, Sex sex, Double value, Missing missing,
			ValueStatus status) {

		public Incoming {
			if ((value == null) == (missing == null)) {
				throw new IllegalArgumentException("A value has either a number or a reason it is missing");
			}
			if (value != null && !Double.isFinite(value)) {
				throw new IllegalArgumentException("A value is a finite number, not " + value);
			}
		}

	}

}
