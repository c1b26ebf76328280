package se.stratlas.system.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * The refusals of the modules on screens: the error page with the status and, where a
 * rule was broken, what. Forms handle their own validation and conflicts at the field;
 * this is for what reaches a screen without a form to show it at. Last of the advices:
 * the JSON API answers these in {@link ApiErrorAdvice}.
 */
@ControllerAdvice
class ScreenErrorAdvice {

	private final MessageSource messages;

	ScreenErrorAdvice(MessageSource messages) {
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
		ModelAndView view = new ModelAndView("error", Map.of("status", 422, "detail",
				String.join("; ", ex.problems().stream().limit(20).map(p -> p.where() + ": " + p.message()).toList())));
		view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return view;
	}

}
