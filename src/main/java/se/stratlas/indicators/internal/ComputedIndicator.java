package se.stratlas.indicators.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * A computed indicator: a numerator expression, an optional denominator expression and a
 * factor (1, 100 for per cent, 1 000, 100 000), evaluated per area, period and sex. A
 * missing input or a zero denominator gives no value.
 */
public record ComputedIndicator(Expression numerator, Expression denominator, double factor) {

	/** The factors users choose between. */
	public static final Map<String, Double> FACTORS = Map.of("1", 1.0, "procent", 100.0, "per 1 000", 1_000.0,
			"per 100 000", 100_000.0);

	public static ComputedIndicator parse(String numerator, String denominator, double factor, Set<String> known) {
		if (factor <= 0) {
			throw new IllegalArgumentException("The factor must be above zero");
		}
		return new ComputedIndicator(Expression.parse(numerator, known),
				denominator == null || denominator.isBlank() ? null : Expression.parse(denominator, known), factor);
	}

	public Set<String> inputs() {
		Set<String> codes = new LinkedHashSet<>(this.numerator.codes());
		if (this.denominator != null) {
			codes.addAll(this.denominator.codes());
		}
		return codes;
	}

	public OptionalDouble evaluate(Function<String, OptionalDouble> values) {
		OptionalDouble top = this.numerator.evaluate(values);
		if (top.isEmpty()) {
			return top;
		}
		if (this.denominator == null) {
			return OptionalDouble.of(top.getAsDouble() * this.factor);
		}
		OptionalDouble bottom = this.denominator.evaluate(values);
		if (bottom.isEmpty() || bottom.getAsDouble() == 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(top.getAsDouble() / bottom.getAsDouble() * this.factor);
	}

}
