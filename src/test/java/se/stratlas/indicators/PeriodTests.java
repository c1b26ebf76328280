package se.stratlas.indicators;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.stratlas.indicators.internal.PeriodType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTests {

	static Stream<Arguments> codes() {
		return Stream.of(Arguments.of("2024", PeriodType.YEAR, "2024-01-01", "2024-12-31"),
				Arguments.of("2024H2", PeriodType.HALF_YEAR, "2024-07-01", "2024-12-31"),
				Arguments.of("2024T1", PeriodType.TERTIAL, "2024-01-01", "2024-04-30"),
				Arguments.of("2024T2", PeriodType.TERTIAL, "2024-05-01", "2024-08-31"),
				Arguments.of("2024T3", PeriodType.TERTIAL, "2024-09-01", "2024-12-31"),
				Arguments.of("2024Q1", PeriodType.QUARTER, "2024-01-01", "2024-03-31"),
				Arguments.of("2024-02", PeriodType.MONTH, "2024-02-01", "2024-02-29"),
				Arguments.of("2023-02", PeriodType.MONTH, "2023-02-01", "2023-02-28"));
	}

	@ParameterizedTest
	@MethodSource("codes")
	void codesParseToTheirDatesAndBack(String code, PeriodType type, String start, String end) {
		Period period = Period.parse(code);
		assertThat(period.type()).isEqualTo(type);
		assertThat(period.start()).isEqualTo(LocalDate.parse(start));
		assertThat(period.end()).isEqualTo(LocalDate.parse(end));
		assertThat(period.code()).isEqualTo(code);
	}

	@Test
	void lowerCaseAndSpacesAreAccepted() {
		assertThat(Period.parse(" 2024t3 ")).isEqualTo(Period.tertial(2024, 3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "24", "2024T4", "2024T0", "2024Q5", "2024H3", "2024-13", "2024-00", "2024X1", "20245",
			"T1 2024", "2024-1" })
	void badCodesAreRefusedWithAReason(String code) {
		assertThatThrownBy(() -> Period.parse(code)).isInstanceOf(Period.PeriodFormatException.class)
			.hasMessageContaining("is not a period");
	}

	@Test
	void arithmeticCrossesYearBoundaries() {
		assertThat(Period.tertial(2024, 3).next()).isEqualTo(Period.tertial(2025, 1));
		assertThat(Period.tertial(2024, 1).previous()).isEqualTo(Period.tertial(2023, 3));
		assertThat(Period.month(2024, 1).plus(-13)).isEqualTo(Period.month(2022, 12));
		assertThat(Period.parse("2024Q2").sameLastYear()).isEqualTo(Period.parse("2023Q2"));
		assertThat(Period.year(2010).until(Period.year(2024))).hasSize(15);
	}

	@Test
	void aTertialSplitsIntoFourMonthsAndLiesWithinItsYearAndHalfYearOnlyWhenItFits() {
		assertThat(Period.tertial(2024, 2).split(PeriodType.MONTH)).extracting(Period::code)
			.containsExactly("2024-05", "2024-06", "2024-07", "2024-08");
		assertThat(Period.tertial(2024, 2).within(PeriodType.YEAR)).isEqualTo(Period.year(2024));
		assertThat(Period.year(2024).split(PeriodType.TERTIAL)).hasSize(3);
		assertThat(Period.year(2024).contains(Period.parse("2024T2"))).isTrue();
		assertThat(Period.parse("2024H1").contains(Period.parse("2024T2"))).isFalse();
		assertThatThrownBy(() -> Period.tertial(2024, 2).within(PeriodType.HALF_YEAR))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Period.year(2024).split(PeriodType.TERTIAL).getFirst().split(PeriodType.QUARTER))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void periodsOrderByStartThenLongestFirst() {
		assertThat(Stream.of("2024-05", "2024T2", "2024", "2023T3", "2024Q1").map(Period::parse).sorted())
			.extracting(Period::code)
			.containsExactly("2023T3", "2024", "2024Q1", "2024T2", "2024-05");
	}

	@Test
	void plusAndMinusAreInversesForRandomPeriods() {
		Random random = new Random(20261122L);
		for (int i = 0; i < 10_000; i++) {
			PeriodType type = PeriodType.values()[random.nextInt(PeriodType.values().length)];
			Period period = new Period(type, 1900 + random.nextInt(300), 1 + random.nextInt(type.perYear()));
			int n = random.nextInt(400) - 200;
			assertThat(period.plus(n).plus(-n)).isEqualTo(period);
			assertThat(Period.parse(period.code())).isEqualTo(period);
			assertThat(period.plus(1).start()).isEqualTo(period.end().plusDays(1));
		}
	}

}
