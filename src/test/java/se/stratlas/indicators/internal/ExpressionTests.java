package se.stratlas.indicators.internal;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpressionTests {

	private static final Map<String, Double> VALUES = Map.of("N00914", 120.0, "N00915", 80.0, "POP", 1000.0, "ZERO",
			0.0);

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1 + 2 * 3;7", "(1 + 2) * 3;9", "N00914 + N00915;200",
			"(N00914 - N00915) / 2;20", "-N00915 + 100;20", "--3;3", "10 / 4;2.5", "2 * (3 + (4 - 1)) / 3;4" })
	void evaluatesWithThePrecedenceOfArithmetic(String expression, double expected) {
		assertThat(Expression.parse(expression).evaluate(VALUES).getAsDouble()).isCloseTo(expected, within(1e-9));
	}

	@Test
	void aMissingInputOrADivisionByZeroGivesNoValue() {
		assertThat(Expression.parse("N00914 / ZERO").evaluate(VALUES)).isEmpty();
		assertThat(Expression.parse("N00914 + MISSING").evaluate(VALUES)).isEmpty();
	}

	@Test
	void unknownCodesAreNamed() {
		assertThatThrownBy(() -> Expression.parse("N00914 + N99999", VALUES.keySet()))
			.isInstanceOf(Expression.ExpressionException.class)
			.hasMessageContaining("unknown indicator N99999")
			.hasMessageContaining("position 10");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1 +;4", "(1 + 2;7", "1 2;3", "1 $ 2;3", "1.2.3;1", ");1", "'';1" })
	void badSyntaxSaysWhere(String expression, int position) {
		assertThatThrownBy(() -> Expression.parse(expression)).isInstanceOf(Expression.ExpressionException.class)
			.hasMessageContaining("position " + position);
	}

	@Test
	void deepNestingIsRefusedNotAStackOverflow() {
		String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
		assertThatThrownBy(() -> Expression.parse(deep)).isInstanceOf(Expression.ExpressionException.class);
	}

	@Test
	void aComputedIndicatorAppliesItsFactorAndGuardsTheDenominator() {
		ComputedIndicator perThousand = ComputedIndicator.parse("N00914", "POP", 1000, VALUES.keySet());
		assertThat(perThousand.evaluate(code -> OptionalDouble.of(VALUES.get(code))).getAsDouble()).isEqualTo(120.0);
		ComputedIndicator byZero = ComputedIndicator.parse("N00914", "ZERO", 100, VALUES.keySet());
		assertThat(byZero.evaluate(code -> OptionalDouble.of(VALUES.get(code)))).isEmpty();
		assertThat(perThousand.inputs()).containsExactly("N00914", "POP");
	}

	@Test
	void randomTextNeverThrowsAnythingButAnExpressionException() {
		Random random = new Random(42);
		String alphabet = "0123456789.+-*/() ABCxyz_$#'\"\n";
		for (int i = 0; i < 50_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(30);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			try {
				Expression expression = Expression.parse(text.toString());
				expression.evaluate(code -> OptionalDouble.of(random.nextInt(5)));
				assertThat(expression.codes()).isNotNull();
			}
			catch (Expression.ExpressionException expected) {
				assertThat(expected.position()).isBetween(0, text.length());
			}
		}
		assertThat(Set.of()).isEmpty();
	}

}
