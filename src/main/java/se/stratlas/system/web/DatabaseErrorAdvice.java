package se.stratlas.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A value the database refused (a check, a uniqueness, a number out of range), for every
 * handler: the code should have said so first, so it is logged, but the user gets a 422
 * (a 409 for a duplicate) naming the column, never a 500. An unreachable database is
 * {@link DatabaseOutage}'s.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseErrorAdvice.class);

	private final ProblemAnswers answers;

	DatabaseErrorAdvice(ProblemAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		DatabaseRefusal refusal = DatabaseRefusal.of(ex);
		log.warn("The database refused a value the code let through at {} {}: {}", request.getMethod(),
				request.getRequestURI(), refusal);
		ProblemDetail problem = Problems.problem(
				refusal.duplicate() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
				refusal.duplicate() ? "duplicate" : "invalid",
				refusal.duplicate() ? "Already exists" : "Invalid request", refusal.message(), request);
		problem.setProperty("errors",
				List.of(Map.of("field", refusal.field(), "code", refusal.code(), "message", refusal.message())));
		return this.answers.answer(request, response, problem, Map.of("detail", refusal.message()));
	}

}
