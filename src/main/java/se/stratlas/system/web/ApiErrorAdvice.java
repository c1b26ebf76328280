package se.stratlas.system.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * The refusals of the modules in the JSON API, as RFC 9457 problem details: 404, 409 for
 * an edit conflict (with the current record), 422 for broken rules and refused import
 * files. Which status means what is in docs/adr/2026-12-02-refusals.md. Before every
 * other advice, so that a REST controller never gets the error page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

	private final MessageSource messages;

	ApiErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, HttpServletRequest request) {
		return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage(), request);
	}

	@ExceptionHandler(EditConflictException.class)
	ProblemDetail conflict(EditConflictException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "edit-conflict", "Edit conflict",
				ex.getMessage() + "; reload, merge your change into the current version and save again", request);
		problem.setProperty("current", ex.current());
		return problem;
	}

	@ExceptionHandler(ValidationException.class)
	ProblemDetail invalid(ValidationException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Invalid request",
				"The request breaks " + ex.violations().size() + " rule(s); see errors", request);
		List<Map<String, Object>> errors = ex.violations()
			.stream()
			.map(v -> Map.<String, Object>of("field", v.field() == null ? "" : v.field(), "code", v.messageKey(),
					"message", this.messages.getMessage(v.messageKey(), v.args(), v.messageKey(), Locale.ENGLISH)))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(ImportRefusedException.class)
	ProblemDetail importRefused(ImportRefusedException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-refused", "Import refused",
				ex.getMessage(), request);
		problem.setProperty("errors", ex.problems());
		return problem;
	}

}
