package se.stratlas.system.web;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the framework refuses before a handler runs, for every handler and none (an
 * unknown path): no such path or method, a media type it cannot read or write, a
 * parameter missing, of the wrong type or invalid. A problem detail to the API, the error
 * page with the reason to browsers; 400 when the request cannot be read (see
 * docs/adr/2026-12-02-refusals.md). Bodies, uploads and the database are in
 * {@link BodyErrorAdvice} and {@link DatabaseErrorAdvice}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestErrorAdvice {

	private final ProblemAnswers answers;

	private final MessageSource messages;

	RequestErrorAdvice(ProblemAnswers answers, MessageSource messages) {
		this.answers = answers;
		this.messages = messages;
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return this.answers.answer(request, response, Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"There is nothing at " + request.getRequestURI(), request), null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (ex.getSupportedHttpMethods() != null) {
			response.setHeader("Allow",
					String.join(", ", ex.getSupportedHttpMethods().stream().map(HttpMethod::name).toList()));
		}
		return this.answers.answer(request, response, Problems.problem(HttpStatus.METHOD_NOT_ALLOWED,
				"method-not-allowed", "Method not allowed", request.getMethod() + " is not supported here", request),
				null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ModelAndView mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return this.answers.answer(request, response,
				Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
						"Send one of " + ex.getSupportedMediaTypes() + ", not " + ex.getContentType(), request),
				null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ModelAndView notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return this.answers.answer(request, response, Problems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
				"Not acceptable", "This endpoint cannot answer in the media type asked for", request), null);
	}

	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView typeMismatch(TypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String field = ex.getPropertyName() != null ? ex.getPropertyName()
				: ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : "";
		boolean control = ex.getMostSpecificCause().getMessage() != null
				&& ex.getMostSpecificCause().getMessage().contains(InputText.CONTROL_MESSAGE);
		return this.answers
			.badRequest(request, response,
					List.of(new FieldProblem(field, control ? "character" : "type", "\""
							+ Problems.abbreviate(ex.getValue()) + "\" "
							+ (control ? InputText.CONTROL_MESSAGE : "is not " + typeName(ex.getRequiredType())))));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			MissingPathVariableException.class, MissingRequestHeaderException.class })
	ModelAndView missing(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String field = switch (ex) {
			case MissingServletRequestParameterException m -> m.getParameterName();
			case MissingServletRequestPartException m -> m.getRequestPartName();
			case MissingPathVariableException m -> m.getVariableName();
			case MissingRequestHeaderException m -> m.getHeaderName();
			default -> "";
		};
		return this.answers.badRequest(request, response, List.of(new FieldProblem(field, "required", "is required")));
	}

	@ExceptionHandler(BindException.class)
	ModelAndView bind(BindException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			boolean control = error.isBindingFailure()
					&& InputText.hasControl(String.valueOf(error.getRejectedValue()));
			problems.add(new FieldProblem(error.getField(),
					control ? "character" : error.isBindingFailure() ? "type" : "invalid",
					control ? InputText.CONTROL_MESSAGE
							: error.isBindingFailure()
									? "\"" + Problems.abbreviate(error.getRejectedValue()) + "\" cannot be read here"
									: this.messages.getMessage(error, Locale.ENGLISH)));
		}
		ex.getGlobalErrors()
			.forEach(error -> problems
				.add(new FieldProblem("", "invalid", this.messages.getMessage(error, Locale.ENGLISH))));
		return this.answers.badRequest(request, response, problems);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ModelAndView methodValidation(HandlerMethodValidationException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), "invalid",
						this.messages.getMessage(error, Locale.ENGLISH))))
			.toList();
		return this.answers.badRequest(request, response, problems);
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ModelAndView binding(ServletRequestBindingException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return this.answers.badRequest(request, response, List.of(new FieldProblem("", "invalid", ex.getMessage())));
	}

	private static String typeName(Class<?> type) {
		if (type == null) {
			return "of the right kind";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number in range";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a real date (YYYY-MM-DD)";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		return "a " + type.getSimpleName();
	}

}
