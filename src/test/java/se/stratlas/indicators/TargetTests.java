package se.stratlas.indicators;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.Target.Comparator;
import se.stratlas.indicators.Target.Point;
import se.stratlas.indicators.Target.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetTests {

	private static Point p(int year, Double value) {
		return new Point(Period.year(year), value);
	}

	private static Target atLeast(double value, int deadline) {
		return new Target(1, 1, null, Sex.T, Comparator.AT_LEAST, value, false, Period.year(deadline), null, null);
	}

	@Test
	void aTargetReachedIsMet() {
		assertThat(atLeast(80, 2030).assess(List.of(p(2020, 75.0), p(2024, 81.0))).status()).isEqualTo(Status.MET);
	}

	@Test
	void onTheLineFromBaselineToTargetIsOnTrackBelowItOffTrack() {
		Target target = atLeast(80, 2030);
		assertThat(target.assess(List.of(p(2020, 70.0), p(2025, 75.5))).status()).isEqualTo(Status.ON_TRACK);
		assertThat(target.assess(List.of(p(2020, 70.0), p(2025, 72.0))).status()).isEqualTo(Status.OFF_TRACK);
		assertThat(target.assess(List.of(p(2020, 70.0), p(2025, 75.5))).expectedNow()).isCloseTo(75.0, within(0.1));
	}

	@Test
	void aRelativeReductionIsMeasuredFromTheBaseline() {
		Target minus70 = new Target(1, 1, null, Sex.T, Comparator.AT_MOST, -70, true, Period.year(2030),
				Period.year(2010), null);
		Target.Assessment assessment = minus70.assess(List.of(p(2010, 1000.0), p(2020, 600.0)));
		assertThat(assessment.targetValue()).isCloseTo(300.0, within(1e-9));
		assertThat(assessment.status()).isEqualTo(Status.ON_TRACK);
		assertThat(minus70.assess(List.of(p(2010, 1000.0), p(2020, 900.0))).status()).isEqualTo(Status.OFF_TRACK);
		assertThat(minus70.assess(List.of(p(2015, 1000.0))).status()).isEqualTo(Status.NO_DATA);
	}

	@Test
	void missingValuesGiveNoDataAndAPassedDeadlineIsOffTrack() {
		assertThat(atLeast(80, 2030).assess(List.of(p(2024, null))).status()).isEqualTo(Status.NO_DATA);
		assertThat(atLeast(80, 2022).assess(List.of(p(2020, 70.0), p(2024, 79.0))).status())
			.isEqualTo(Status.OFF_TRACK);
	}

}
