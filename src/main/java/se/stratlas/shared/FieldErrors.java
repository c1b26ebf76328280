package se.stratlas.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The violations of a {@link ValidationException} as the messages a form shows at each
 * field (key {@code ""} for the form as a whole), in the user's language.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(ValidationException ex, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ValidationException.Violation violation : ex.violations()) {
			String field = violation.field() == null ? "" : violation.field();
			String message = messages.getMessage(violation.messageKey(), violation.args(), violation.messageKey(),
					locale);
			errors.merge(field, message, (a, b) -> a + " " + b);
		}
		return errors;
	}

}
