package se.stratlas.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.core.JacksonException;

import se.stratlas.shared.ImportBusyException;
import se.stratlas.shared.web.WebRequests;

/**
 * What is refused about a request's body, for every handler: a file or body over its
 * limit (413), a body or multipart that cannot be read (400, naming the JSON path), and
 * an import while another runs (429 with Retry-After). A problem detail to the API, the
 * error page with the reason to browsers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodyErrorAdvice {

	private final DataSize fileLimit;

	private final DataSize requestLimit;

	private final ProblemAnswers answers;

	BodyErrorAdvice(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize fileLimit,
			@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize requestLimit, ProblemAnswers answers) {
		this.fileLimit = fileLimit;
		this.requestLimit = requestLimit;
		this.answers = answers;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (WebRequests.wantsProblem(request)) {
			return this.answers.write(response, Problems.tooLargeProblem(request, this.fileLimit));
		}
		ModelAndView view = new ModelAndView("error",
				Map.of("status", 413, "limitMegabytes", this.fileLimit.toMegabytes()));
		view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		return view;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ModelAndView unreadable(HttpMessageNotReadableException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (Problems.causedBy(ex, UploadLimit.BodyTooLargeException.class) != null) {
			return bodyTooLarge(request, response);
		}
		JacksonException jackson = Problems.causedBy(ex, JacksonException.class);
		String field = jackson == null ? "" : jsonPath(jackson);
		String why = jackson == null ? "the body cannot be read" : readable(jackson.getOriginalMessage());
		return this.answers.badRequest(request, response,
				List.of(new FieldProblem(field, "unreadable", Problems.abbreviate(why))));
	}

	@ExceptionHandler(UploadLimit.BodyTooLargeException.class)
	ModelAndView bodyTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
				"The request body is larger than the " + this.requestLimit.toMegabytes() + " MB a request may have",
				request);
		problem.setProperty("limitBytes", this.requestLimit.toBytes());
		return this.answers.answer(request, response, problem,
				Map.of("limitMegabytes", this.requestLimit.toMegabytes()));
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView multipart(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (Problems.causedBy(ex, UploadLimit.BodyTooLargeException.class) != null
				|| Problems.causedBy(ex, SizeException.class) != null) {
			return tooLarge(request, response);
		}
		return this.answers.badRequest(request, response,
				List.of(new FieldProblem("", "unreadable", "the multipart body cannot be read")));
	}

	@ExceptionHandler(ImportBusyException.class)
	ModelAndView importBusy(ImportBusyException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("Retry-After", "30");
		ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "import-busy", "Import already running",
				ex.getMessage(), request);
		problem.setProperty("limit", ex.limit());
		problem.setProperty("reason", ex.reason().name());
		return this.answers.answer(request, response, problem, Map.of("busy", ex.reason().name(), "limit", ex.limit()));
	}

	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.length() == 1 ? "" : path.toString();
	}

	/** Jackson's words without its advice to the programmer. */
	private static String readable(String message) {
		if (message == null) {
			return "cannot be read";
		}
		if (message.contains("`null`") && (message.contains("Cannot map") || message.contains("Cannot coerce"))) {
			return "is required";
		}
		int advice = message.indexOf(" (set `");
		if (advice < 0) {
			advice = message.indexOf(" (disable `");
		}
		if (advice < 0) {
			advice = message.indexOf(" (enable `");
		}
		return advice > 0 ? message.substring(0, advice) : message;
	}

}
