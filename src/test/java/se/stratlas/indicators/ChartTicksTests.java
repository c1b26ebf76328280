package se.stratlas.indicators;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chart axes a reader can read: round steps, and room above the highest value. */
class ChartTicksTests {

	@Test
	void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
		for (double[] range : new double[][] { { 4.0, 5.2 }, { 7.3, 8.7 }, { 83.6, 84.9 }, { 2319, 4050 },
				{ 0, 1_250_000 }, { -49, 15 } }) {
			double[] ticks = SvgCharts.ticks(range[0], range[1]);
			BigDecimal step = BigDecimal.valueOf(ticks[1] - ticks[0]).round(new java.math.MathContext(6));
			BigDecimal mantissa = step.movePointLeft(step.precision() - step.scale() - 1).stripTrailingZeros();
			assertThat(mantissa.doubleValue()).as("step %s for %s–%s", step, range[0], range[1]).isIn(1.0, 2.0, 5.0);
			assertThat(ticks[0]).isLessThanOrEqualTo(range[0]);
			assertThat(ticks[ticks.length - 1]).isGreaterThanOrEqualTo(range[1]);
			assertThat(ticks.length).isBetween(3, 11);
		}
	}

	@Test
	void aHighestValueOnARoundTickGetsAStepAboveIt() {
		double[] ticks = SvgCharts.ticks(2.1, 2.5);
		assertThat(ticks[ticks.length - 1]).isGreaterThan(2.5 + 1e-9);
		assertThat(ticks[0]).isLessThanOrEqualTo(2.1);
	}

}
