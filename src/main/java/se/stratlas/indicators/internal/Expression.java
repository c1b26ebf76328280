package se.stratlas.indicators.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * An arithmetic expression over indicator codes, as computed indicators use them:
 * {@code N00914 + N00915}, {@code (A - B) / 2}. Numbers, the four operators, unary minus
 * and parentheses; an indicator code starts with a letter and holds letters, digits, "_"
 * and ".". Parsing never runs user code; evaluation gives no value (rather than an error)
 * when an input is missing or a division by zero occurs.
 */
public final class Expression {

	private final String text;

	private final Node root;

	private Expression(String text, Node root) {
		this.text = text;
		this.root = root;
	}

	/**
	 * Parses an expression.
	 * @throws ExpressionException with the position and what was expected
	 */
	public static Expression parse(String text) {
		if (text == null || text.isBlank()) {
			throw new ExpressionException(text, 0, "the expression is empty");
		}
		if (text.length() > 2000) {
			throw new ExpressionException(text, 2000, "the expression is longer than 2000 characters");
		}
		Parser parser = new Parser(text);
		Node root = parser.expression(0);
		parser.skipSpace();
		if (parser.position < text.length()) {
			throw new ExpressionException(text, parser.position,
					"unexpected '" + text.charAt(parser.position) + "'; expected an operator or the end");
		}
		return new Expression(text, root);
	}

	/** Parses and checks that every code is known. */
	public static Expression parse(String text, Set<String> knownCodes) {
		Expression expression = parse(text);
		for (String code : expression.codes()) {
			if (!knownCodes.contains(code)) {
				throw new ExpressionException(text, text.indexOf(code), "unknown indicator " + code);
			}
		}
		return expression;
	}

	/** The indicator codes the expression uses, in order of appearance. */
	public Set<String> codes() {
		Set<String> codes = new LinkedHashSet<>();
		this.root.collect(codes);
		return codes;
	}

	/**
	 * Evaluates with the values given; empty when a value is missing or a division by
	 * zero occurs.
	 */
	public OptionalDouble evaluate(Function<String, OptionalDouble> values) {
		double result = this.root.evaluate(values);
		return Double.isNaN(result) || Double.isInfinite(result) ? OptionalDouble.empty() : OptionalDouble.of(result);
	}

	public OptionalDouble evaluate(Map<String, Double> values) {
		return evaluate(
				code -> values.get(code) == null ? OptionalDouble.empty() : OptionalDouble.of(values.get(code)));
	}

	public String text() {
		return this.text;
	}

	@Override
	public String toString() {
		return this.text;
	}

	private sealed interface Node permits Number, Reference, Negate, Binary {

		double evaluate(Function<String, OptionalDouble> values);

		void collect(Set<String> codes);

	}

	private record Number(double value) implements Node {

		public double evaluate(Function<String, OptionalDouble> values) {
			return this.value;
		}

		public void collect(Set<String> codes) {
		}

	}

	private record Reference(String code) implements Node {

		public double evaluate(Function<String, OptionalDouble> values) {
			OptionalDouble value = values.apply(this.code);
			return value.isPresent() ? value.getAsDouble() : Double.NaN;
		}

		public void collect(Set<String> codes) {
			codes.add(this.code);
		}

	}

	private record Negate(Node operand) implements Node {

		public double evaluate(Function<String, OptionalDouble> values) {
			return -this.operand.evaluate(values);
		}

		public void collect(Set<String> codes) {
			this.operand.collect(codes);
		}

	}

	private record Binary(char operator, Node left, Node right) implements Node {

		public double evaluate(Function<String, OptionalDouble> values) {
			double a = this.left.evaluate(values);
			double b = this.right.evaluate(values);
			return switch (this.operator) {
				case '+' -> a + b;
				case '-' -> a - b;
				case '*' -> a * b;
				default -> b == 0 ? Double.NaN : a / b;
			};
		}

		public void collect(Set<String> codes) {
			this.left.collect(codes);
			this.right.collect(codes);
		}

	}

	/**
	 * A recursive-descent parser with a depth limit, so no input can exhaust the stack.
	 */
	private static final class Parser {

		private static final int MAX_DEPTH = 100;

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text;
		}

		Node expression(int depth) {
			Node left = term(depth);
			while (true) {
				skipSpace();
				if (peek() == '+' || peek() == '-') {
					char operator = this.text.charAt(this.position++);
					left = new Binary(operator, left, term(depth));
				}
				else {
					return left;
				}
			}
		}

		Node term(int depth) {
			Node left = factor(depth);
			while (true) {
				skipSpace();
				if (peek() == '*' || peek() == '/') {
					char operator = this.text.charAt(this.position++);
					left = new Binary(operator, left, factor(depth));
				}
				else {
					return left;
				}
			}
		}

		Node factor(int depth) {
			if (depth > MAX_DEPTH) {
				throw new ExpressionException(this.text, this.position, "the expression nests too deeply");
			}
			skipSpace();
			char c = peek();
			if (c == '(') {
				this.position++;
				Node inner = expression(depth + 1);
				skipSpace();
				if (peek() != ')') {
					throw new ExpressionException(this.text, this.position, "expected ')'");
				}
				this.position++;
				return inner;
			}
			if (c == '-') {
				this.position++;
				return new Negate(factor(depth + 1));
			}
			if (Character.isDigit(c) || c == '.') {
				int start = this.position;
				while (Character.isDigit(peek()) || peek() == '.') {
					this.position++;
				}
				try {
					return new Number(Double.parseDouble(this.text.substring(start, this.position)));
				}
				catch (NumberFormatException ex) {
					throw new ExpressionException(this.text, start,
							"'" + this.text.substring(start, this.position) + "' is not a number");
				}
			}
			if (Character.isLetter(c)) {
				int start = this.position;
				while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.') {
					this.position++;
				}
				return new Reference(this.text.substring(start, this.position));
			}
			if (c == 0) {
				throw new ExpressionException(this.text, this.position,
						"the expression ends where a number, an indicator or '(' was expected");
			}
			throw new ExpressionException(this.text, this.position,
					"unexpected '" + c + "'; expected a number, an indicator or '('");
		}

		void skipSpace() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

		char peek() {
			return this.position < this.text.length() ? this.text.charAt(this.position) : 0;
		}

	}

	/**
	 * An expression that cannot be parsed: where (0-based character position) and why.
	 */
	public static class ExpressionException extends IllegalArgumentException {

		private final int position;

		ExpressionException(String text, int position, String reason) {
			super("Error at position " + (position + 1) + " in \"" + text + "\": " + reason);
			this.position = position;
		}

		public int position() {
			return this.position;
		}

	}

}
