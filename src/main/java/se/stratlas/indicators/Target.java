package se.stratlas.indicators;

import java.util.List;
import java.util.Optional;
import java.util.Locale;

import se.stratlas.indicators.IndicatorKinds.Sex;

/**
 * A target for an indicator, optionally for one area: a value to reach (at least or at
 * most) by a deadline. A relative target gives the value as a change in per cent from the
 * baseline period's value ("−70 % by 2030").
 */
public record Target(long id, long indicatorId, String areaCode, Sex sex, Comparator comparator, double value,
		boolean relative, Period deadline, Period baseline, String note) {

	/** Which side of the target value is good. */
	public enum Comparator {

		AT_LEAST, AT_MOST

	}

	/**
	 * Status against the target, never mixed with how the area compares with others. The
	 * rules:
	 * <ul>
	 * <li>{@code MET}: the latest value meets the target value;</li>
	 * <li>{@code ON_TRACK}: not met, but the latest value is on or beyond the straight
	 * line from the baseline value to the target value at the deadline;</li>
	 * <li>{@code OFF_TRACK}: neither (also when the deadline has passed unmet);</li>
	 * <li>{@code NO_DATA}: no value, or no baseline for a relative target.</li>
	 * </ul>
	 */
	public enum Status {

		MET, ON_TRACK, OFF_TRACK, NO_DATA;

		public String messageKey() {
			return "target.status." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** The status and the numbers it rests on. */
	public record Assessment(Status status, Double targetValue, Double latestValue, Period latestPeriod,
			Double expectedNow) {
	}

	/**
	 * Judges the target against a series of (period, value) points of its area and sex.
	 */
	public Assessment assess(List<Point> series) {
		List<Point> points = series.stream()
			.filter(p -> p.value() != null)
			.sorted(java.util.Comparator.comparing(Point::period))
			.toList();
		if (points.isEmpty()) {
			return new Assessment(Status.NO_DATA, this.relative ? null : this.value, null, null, null);
		}
		Point latest = points.getLast();
		Optional<Point> base = this.baseline == null ? Optional.of(points.getFirst())
				: points.stream().filter(p -> p.period().equals(this.baseline)).findFirst();
		if (this.relative && base.isEmpty()) {
			return new Assessment(Status.NO_DATA, null, latest.value(), latest.period(), null);
		}
		double targetValue = this.relative ? base.get().value() * (1 + this.value / 100.0) : this.value;
		if (meets(latest.value(), targetValue)) {
			return new Assessment(Status.MET, targetValue, latest.value(), latest.period(), targetValue);
		}
		if (base.isEmpty() || !latest.period().start().isBefore(this.deadline.end())
				|| base.get().period().equals(latest.period())) {
			return new Assessment(Status.OFF_TRACK, targetValue, latest.value(), latest.period(), null);
		}
		double total = this.deadline.end().toEpochDay() - base.get().period().end().toEpochDay();
		double elapsed = latest.period().end().toEpochDay() - base.get().period().end().toEpochDay();
		double expected = base.get().value() + (targetValue - base.get().value()) * Math.min(1, elapsed / total);
		Status status = meets(latest.value(), expected) ? Status.ON_TRACK : Status.OFF_TRACK;
		return new Assessment(status, targetValue, latest.value(), latest.period(), expected);
	}

	private boolean meets(double actual, double wanted) {
		return this.comparator == Comparator.AT_LEAST ? actual >= wanted : actual <= wanted;
	}

	/**
	 * A period and its value: a number, or null with the reason it is missing (never a
	 * zero in its place); a preliminary value may still be revised.
	 */
	public record Point(Period period, Double value, IndicatorKinds.Missing missing, boolean preliminary) {

		public Point {
			if (value != null && (value.isNaN() || value.isInfinite())) {
				throw new IllegalArgumentException("A value is a finite number");
			}
			if (value == null && missing == null) {
				missing = IndicatorKinds.Missing.SAKNAS;
			}
			if (value != null) {
				missing = null;
			}
		}

		/** A definitive value, or a missing one (reason: saknas). */
		public Point(Period period, Double value) {
			this(period, value, null, false);
		}

	}

}
