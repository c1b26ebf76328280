package se.stratlas.system.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

import se.stratlas.shared.web.WebRequests;

/**
 * How the advices for every handler (and none) answer a refusal: a problem detail to the
 * API and to clients that ask for JSON, the error page with the reason to browsers.
 */
@Component
class ProblemAnswers {

	private final JsonMapper json;

	ProblemAnswers(JsonMapper json) {
		this.json = json;
	}

	/** 400: the request cannot be read, with each thing wrong in it. */
	ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response, List<FieldProblem> problems)
			throws IOException {
		ProblemDetail problem = Problems
			.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "The request cannot be read: " + String.join(
					"; ",
					problems.stream().map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).toList()),
					request);
		problem.setProperty("errors", problems);
		return answer(request, response, problem, Map.of("detail", problem.getDetail()));
	}

	/** The problem, or the error page with its status and the page's own values. */
	ModelAndView answer(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			Map<String, Object> page) throws IOException {
		if (WebRequests.wantsProblem(request)) {
			return write(response, problem);
		}
		Map<String, Object> model = new HashMap<>(page == null ? Map.of() : page);
		model.put("status", problem.getStatus());
		ModelAndView view = new ModelAndView("error", model);
		view.setStatus(HttpStatus.valueOf(problem.getStatus()));
		return view;
	}

	/** The problem written as application/problem+json. */
	ModelAndView write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType("application/problem+json");
		this.json.writeValue(response.getOutputStream(), problem);
		return new ModelAndView();
	}

}
