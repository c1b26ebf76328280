package se.stratlas.system.web;

import java.util.Map;
import java.io.IOException;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

import se.stratlas.shared.web.WebRequests;

/**
 * The container's error page ({@code /error}), where errors sent with {@code sendError}
 * end up (a refusal by a filter, a rejected request): a problem detail to the API and to
 * JSON clients, the error page in Stratlas's layout to browsers, with the reason a filter
 * gave (an expired form).
 */
@Controller
class ErrorPages implements ErrorController {

	private final JsonMapper json;

	ErrorPages(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("/error")
	@PreAuthorize("permitAll()")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer number ? number : response.getStatus();
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			known = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (wantsProblem(request, uri)) {
			ProblemDetail problem = ProblemDetail.forStatus(known);
			if (WebRequests.REASON_CSRF.equals(request.getAttribute(WebRequests.ERROR_REASON))) {
				problem.setDetail("The CSRF token is missing or out of date; reload and try again");
			}
			if (uri != null) {
				problem.setInstance(URI.create(String.valueOf(uri).replace(" ", "%20")));
			}
			response.setStatus(known.value());
			response.setContentType("application/problem+json");
			this.json.writeValue(response.getOutputStream(), problem);
			return null;
		}
		ModelAndView view = new ModelAndView("error", Map.of("status", known.value()));
		Object reason = request.getAttribute(WebRequests.ERROR_REASON);
		if (reason != null) {
			view.addObject("reason", reason);
		}
		view.setStatus(known);
		return view;
	}

	private static boolean wantsProblem(HttpServletRequest request, Object uri) {
		String accept = request.getHeader("Accept");
		return (uri != null && String.valueOf(uri).startsWith(request.getContextPath() + "/api/"))
				|| (accept != null && accept.contains("json") && !accept.contains("html"));
	}

}
