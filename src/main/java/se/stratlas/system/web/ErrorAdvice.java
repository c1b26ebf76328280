package se.stratlas.system.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * How the domain's refusals reach users: RFC 9457 problem details in the JSON API, the
 * error page on screens. Forms handle validation and conflicts themselves, at the field.
 */
final class ErrorAdvice {

	private ErrorAdvice() {
	}

	@RestControllerAdvice(annotations = RestController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		private final MessageSource messages;

		Api(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler(NotFoundException.class)
		ProblemDetail notFound(NotFoundException ex, HttpServletRequest request) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
			problem.setTitle("Not found");
			problem.setType(URI.create("https://stratlas.se/problems/not-found"));
			problem.setInstance(URI.create(request.getRequestURI()));
			return problem;
		}

		@ExceptionHandler(EditConflictException.class)
		ProblemDetail conflict(EditConflictException ex, HttpServletRequest request) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					ex.getMessage() + "; reload, merge your change into the current version and save again");
			problem.setTitle("Edit conflict");
			problem.setType(URI.create("https://stratlas.se/problems/edit-conflict"));
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("current", ex.current());
			return problem;
		}

		@ExceptionHandler(ValidationException.class)
		ProblemDetail invalid(ValidationException ex, HttpServletRequest request, Locale locale) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request breaks " + ex.violations().size() + " rule(s); see errors");
			problem.setTitle("Invalid request");
			problem.setType(URI.create("https://stratlas.se/problems/invalid"));
			problem.setInstance(URI.create(request.getRequestURI()));
			List<Map<String, Object>> errors = ex.violations()
				.stream()
				.map(v -> Map.<String, Object>of("field", v.field() == null ? "" : v.field(), "code", v.messageKey(),
						"message", this.messages.getMessage(v.messageKey(), v.args(), v.messageKey(), Locale.ENGLISH)))
				.toList();
			problem.setProperty("errors", errors);
			return problem;
		}

	}

	static ProblemDetail tooLargeProblem(HttpServletRequest request, org.springframework.util.unit.DataSize limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The file is larger than the " + limit.toMegabytes() + " MB an upload may have; "
						+ "split it or leave out what is not needed");
		problem.setTitle("File too large");
		problem.setType(URI.create("https://stratlas.se/problems/too-large"));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("limitBytes", limit.toBytes());
		return problem;
	}

	/**
	 * An upload over the limit is refused before any controller is chosen, so one advice
	 * for all answers it: a problem detail in the API, the error page on screens.
	 */
	@ControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Uploads {

		private final org.springframework.util.unit.DataSize limit;

		private final tools.jackson.databind.json.JsonMapper json;

		Uploads(@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:10MB}") org.springframework.util.unit.DataSize limit,
				tools.jackson.databind.json.JsonMapper json) {
			this.limit = limit;
			this.json = json;
		}

		@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
		ModelAndView tooLarge(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
				throws java.io.IOException {
			String accept = String.valueOf(request.getHeader("Accept"));
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
					|| (accept.contains("json") && !accept.contains("html"))) {
				response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
				response.setContentType("application/problem+json");
				this.json.writeValue(response.getOutputStream(), tooLargeProblem(request, this.limit));
				return new ModelAndView();
			}
			ModelAndView view = new ModelAndView("error",
					Map.of("status", 413, "limitMegabytes", this.limit.toMegabytes()));
			view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
			return view;
		}

	}

	@ControllerAdvice
	static class Screens {

		@ExceptionHandler(NotFoundException.class)
		ModelAndView notFound() {
			ModelAndView view = new ModelAndView("error", Map.of("status", 404));
			view.setStatus(HttpStatus.NOT_FOUND);
			return view;
		}

		@ExceptionHandler(EditConflictException.class)
		ModelAndView conflict() {
			ModelAndView view = new ModelAndView("error", Map.of("status", 409));
			view.setStatus(HttpStatus.CONFLICT);
			return view;
		}

	}

}
