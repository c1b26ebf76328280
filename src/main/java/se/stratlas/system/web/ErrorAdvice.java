package se.stratlas.system.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.web.WebRequests;

/**
 * How refusals reach users: RFC 9457 problem details in the JSON API (and to clients that
 * ask for JSON), the error page in browsers; never a bare 500 for input that is wrong.
 * Which status means what is in docs/adr/2026-12-02-refusals.md: 400 when the request
 * cannot be read (syntax, a value of the wrong type, a missing parameter), 422 when it
 * was read and breaks a rule (validation, an import file's problems), 404, 409 for edit
 * conflicts and duplicates, 413 for size. Forms handle their own validation and conflicts
 * at the field.
 */
final class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private ErrorAdvice() {
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://stratlas.se/problems/" + type));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
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
			return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage(), request);
		}

		@ExceptionHandler(EditConflictException.class)
		ProblemDetail conflict(EditConflictException ex, HttpServletRequest request) {
			ProblemDetail problem = problem(HttpStatus.CONFLICT, "edit-conflict", "Edit conflict",
					ex.getMessage() + "; reload, merge your change into the current version and save again", request);
			problem.setProperty("current", ex.current());
			return problem;
		}

		@ExceptionHandler(ValidationException.class)
		ProblemDetail invalid(ValidationException ex, HttpServletRequest request) {
			ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Invalid request",
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
			ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-refused", "Import refused",
					ex.getMessage(), request);
			problem.setProperty("errors", ex.problems());
			return problem;
		}

	}

	static ProblemDetail tooLargeProblem(HttpServletRequest request, DataSize limit) {
		ProblemDetail problem = problem(
				HttpStatus.CONTENT_TOO_LARGE, "too-large", "File too large", "The file is larger than the "
						+ limit.toMegabytes() + " MB an upload may have; " + "split it or leave out what is not needed",
				request);
		problem.setProperty("limitBytes", limit.toBytes());
		return problem;
	}

	/**
	 * What the framework refuses before or while a handler runs, for every handler and
	 * none (an unknown path): a problem detail to the API, the error page with the reason
	 * to browsers.
	 */
	@ControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Requests {

		private final DataSize fileLimit;

		private final DataSize requestLimit;

		private final JsonMapper json;

		private final MessageSource messages;

		Requests(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize fileLimit,
				@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize requestLimit, JsonMapper json,
				MessageSource messages) {
			this.fileLimit = fileLimit;
			this.requestLimit = requestLimit;
			this.json = json;
			this.messages = messages;
		}

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
			if (WebRequests.wantsProblem(request)) {
				return write(response, tooLargeProblem(request, this.fileLimit));
			}
			ModelAndView view = new ModelAndView("error",
					Map.of("status", 413, "limitMegabytes", this.fileLimit.toMegabytes()));
			view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
			return view;
		}

		@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
		ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
			return answer(request, response, problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
					"There is nothing at " + request.getRequestURI(), request), null);
		}

		@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
		ModelAndView method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			if (ex.getSupportedHttpMethods() != null) {
				response.setHeader("Allow", String.join(", ",
						ex.getSupportedHttpMethods().stream().map(org.springframework.http.HttpMethod::name).toList()));
			}
			return answer(request, response, problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"Method not allowed", request.getMethod() + " is not supported here", request), null);
		}

		@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
		ModelAndView mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			return answer(request, response,
					problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
							"Send one of " + ex.getSupportedMediaTypes() + ", not " + ex.getContentType(), request),
					null);
		}

		@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
		ModelAndView notAcceptable(HttpServletRequest request, HttpServletResponse response)
				throws java.io.IOException {
			return answer(request, response, problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
					"This endpoint cannot answer in the media type asked for", request), null);
		}

		@ExceptionHandler(TypeMismatchException.class)
		ModelAndView typeMismatch(TypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
				throws java.io.IOException {
			String field = ex.getPropertyName() != null ? ex.getPropertyName()
					: ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
							? m.getName() : "";
			boolean control = ex.getMostSpecificCause().getMessage() != null
					&& ex.getMostSpecificCause().getMessage().contains(InputText.CONTROL_MESSAGE);
			return badRequest(request, response,
					List.of(new FieldProblem(field, control ? "character" : "type", "\"" + abbreviate(ex.getValue())
							+ "\" "
							+ (control ? InputText.CONTROL_MESSAGE : "is not " + typeName(ex.getRequiredType())))));
		}

		@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
				MissingPathVariableException.class, MissingRequestHeaderException.class })
		ModelAndView missing(Exception ex, HttpServletRequest request, HttpServletResponse response)
				throws java.io.IOException {
			String field = switch (ex) {
				case MissingServletRequestParameterException m -> m.getParameterName();
				case MissingServletRequestPartException m -> m.getRequestPartName();
				case MissingPathVariableException m -> m.getVariableName();
				case MissingRequestHeaderException m -> m.getHeaderName();
				default -> "";
			};
			return badRequest(request, response, List.of(new FieldProblem(field, "required", "is required")));
		}

		@ExceptionHandler(BindException.class)
		ModelAndView bind(BindException ex, HttpServletRequest request, HttpServletResponse response)
				throws java.io.IOException {
			List<FieldProblem> problems = new ArrayList<>();
			for (FieldError error : ex.getFieldErrors()) {
				boolean control = error.isBindingFailure()
						&& InputText.hasControl(String.valueOf(error.getRejectedValue()));
				problems.add(new FieldProblem(error.getField(),
						control ? "character" : error.isBindingFailure() ? "type" : "invalid",
						control ? InputText.CONTROL_MESSAGE
								: error.isBindingFailure()
										? "\"" + abbreviate(error.getRejectedValue()) + "\" cannot be read here"
										: this.messages.getMessage(error, Locale.ENGLISH)));
			}
			ex.getGlobalErrors()
				.forEach(error -> problems
					.add(new FieldProblem("", "invalid", this.messages.getMessage(error, Locale.ENGLISH))));
			return badRequest(request, response, problems);
		}

		@ExceptionHandler(HandlerMethodValidationException.class)
		ModelAndView methodValidation(HandlerMethodValidationException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			List<FieldProblem> problems = ex.getParameterValidationResults()
				.stream()
				.flatMap(result -> result.getResolvableErrors()
					.stream()
					.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), "invalid",
							this.messages.getMessage(error, Locale.ENGLISH))))
				.toList();
			return badRequest(request, response, problems);
		}

		@ExceptionHandler(ServletRequestBindingException.class)
		ModelAndView binding(ServletRequestBindingException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			return badRequest(request, response, List.of(new FieldProblem("", "invalid", ex.getMessage())));
		}

		@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
		ModelAndView unreadable(org.springframework.http.converter.HttpMessageNotReadableException ex,
				HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
			if (causedBy(ex, UploadLimit.BodyTooLargeException.class) != null) {
				return bodyTooLarge(request, response);
			}
			JacksonException jackson = causedBy(ex, JacksonException.class);
			String field = jackson == null ? "" : jsonPath(jackson);
			String why = jackson == null ? "the body cannot be read" : readable(jackson.getOriginalMessage());
			return badRequest(request, response, List.of(new FieldProblem(field, "unreadable", abbreviate(why))));
		}

		@ExceptionHandler(UploadLimit.BodyTooLargeException.class)
		ModelAndView bodyTooLarge(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
			ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
					"The request body is larger than the " + this.requestLimit.toMegabytes() + " MB a request may have",
					request);
			problem.setProperty("limitBytes", this.requestLimit.toBytes());
			return answer(request, response, problem, Map.of("limitMegabytes", this.requestLimit.toMegabytes()));
		}

		@ExceptionHandler(MultipartException.class)
		ModelAndView multipart(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
				throws java.io.IOException {
			if (causedBy(ex, UploadLimit.BodyTooLargeException.class) != null
					|| causedBy(ex, org.apache.tomcat.util.http.fileupload.impl.SizeException.class) != null) {
				return tooLarge(request, response);
			}
			return badRequest(request, response,
					List.of(new FieldProblem("", "unreadable", "the multipart body cannot be read")));
		}

		@ExceptionHandler(se.stratlas.shared.ImportBusyException.class)
		ModelAndView importBusy(se.stratlas.shared.ImportBusyException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			response.setHeader("Retry-After", "30");
			ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "import-busy", "Import already running",
					ex.getMessage(), request);
			problem.setProperty("limit", ex.limit());
			problem.setProperty("reason", ex.reason().name());
			return answer(request, response, problem, Map.of("busy", ex.reason().name(), "limit", ex.limit()));
		}

		/**
		 * A value the database refused (a check, a uniqueness, a number out of range):
		 * the code should have said so first, so it is logged, but the user gets a 422 (a
		 * 409 for a duplicate) naming the column, never a 500.
		 */
		@ExceptionHandler(DataIntegrityViolationException.class)
		ModelAndView integrity(DataIntegrityViolationException ex, HttpServletRequest request,
				HttpServletResponse response) throws java.io.IOException {
			DatabaseRefusal refusal = DatabaseRefusal.of(ex);
			log.warn("The database refused a value the code let through at {} {}: {}", request.getMethod(),
					request.getRequestURI(), refusal);
			ProblemDetail problem = problem(
					refusal.duplicate() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
					refusal.duplicate() ? "duplicate" : "invalid",
					refusal.duplicate() ? "Already exists" : "Invalid request", refusal.message(), request);
			problem.setProperty("errors",
					List.of(Map.of("field", refusal.field(), "code", refusal.code(), "message", refusal.message())));
			return answer(request, response, problem, Map.of("detail", refusal.message()));
		}

		private ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response,
				List<FieldProblem> problems) throws java.io.IOException {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
					"The request cannot be read: " + String.join("; ",
							problems.stream()
								.map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.message())
								.toList()),
					request);
			problem.setProperty("errors", problems);
			return answer(request, response, problem, Map.of("detail", problem.getDetail()));
		}

		private ModelAndView answer(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
				Map<String, Object> page) throws java.io.IOException {
			if (WebRequests.wantsProblem(request)) {
				return write(response, problem);
			}
			Map<String, Object> model = new java.util.HashMap<>(page == null ? Map.of() : page);
			model.put("status", problem.getStatus());
			ModelAndView view = new ModelAndView("error", model);
			view.setStatus(HttpStatus.valueOf(problem.getStatus()));
			return view;
		}

		private ModelAndView write(HttpServletResponse response, ProblemDetail problem) throws java.io.IOException {
			response.setStatus(problem.getStatus());
			response.setContentType("application/problem+json");
			this.json.writeValue(response.getOutputStream(), problem);
			return new ModelAndView();
		}

	}

	/** One thing wrong in a request: the parameter, field or JSON path, and what. */
	record FieldProblem(String field, String code, String message) {
	}

	@ControllerAdvice
	static class Screens {

		private final MessageSource messages;

		Screens(MessageSource messages) {
			this.messages = messages;
		}

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

		/**
		 * A rule broken where the screen has no form to show it at (a crafted request, an
		 * action button): the error page says what.
		 */
		@ExceptionHandler(ValidationException.class)
		ModelAndView invalid(ValidationException ex, Locale locale) {
			String detail = String.join(" ",
					ex.violations()
						.stream()
						.map(v -> this.messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
						.toList());
			ModelAndView view = new ModelAndView("error", Map.of("status", 422, "detail", detail));
			view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return view;
		}

		@ExceptionHandler(ImportRefusedException.class)
		ModelAndView importRefused(ImportRefusedException ex) {
			ModelAndView view = new ModelAndView("error", Map.of("status", 422, "detail", String.join("; ",
					ex.problems().stream().limit(20).map(p -> p.where() + ": " + p.message()).toList())));
			view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return view;
		}

	}

	static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
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

	private static String typeName(Class<?> type) {
		if (type == null) {
			return "of the right kind";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number in range";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "a real date (YYYY-MM-DD)";
		}
		if (type == java.util.UUID.class) {
			return "a UUID";
		}
		return "a " + type.getSimpleName();
	}

	static String abbreviate(Object value) {
		String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

}
