package se.stratlas.shared;

import java.util.List;

/**
 * A domain rule refused a change. Each violation names the field it concerns (or null for
 * the whole record) and a message key in the i18n bundles, with arguments.
 */
public class ValidationException extends RuntimeException {

	private final List<Violation> violations;

	public ValidationException(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public ValidationException(String field, String messageKey, Object... args) {
		this(List.of(new Violation(field, messageKey, args)));
	}

	public List<Violation> violations() {
		return this.violations;
	}

	public record Violation(String field, String messageKey, Object... args) {
	}

}
