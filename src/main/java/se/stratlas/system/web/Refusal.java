package se.stratlas.system.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import se.stratlas.shared.web.WebRequests;

/**
 * The answer a filter gives before Spring MVC runs (database gone, too busy, upload too
 * large): a problem detail to the API and to clients that ask for JSON, a small page of
 * its own to browsers (the layout may need the database).
 */
final class Refusal {

	private Refusal() {
	}

	static void send(HttpServletRequest request, HttpServletResponse response, int status, String page, String problem)
			throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		if (wantsProblem(request)) {
			response.setContentType("application/problem+json");
			response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
		}
		else {
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** A page in Stratlas's look with this title and body, Swedish first. */
	static String page(String title, String body) {
		return """
				<!DOCTYPE html>
				<html lang="sv"><head><meta charset="utf-8"><title>%s</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<link rel="stylesheet" href="/css/stratlas.css"></head>
				<body><main id="main" class="container">
				%s
				</main></body></html>
				""".formatted(title, body.strip());
	}

	/**
	 * An API call or a client that asks for JSON gets a problem detail, a browser a page.
	 */
	static boolean wantsProblem(HttpServletRequest request) {
		return WebRequests.wantsProblem(request);
	}

	/** Static files and health probes: they need no database and never wait. */
	static boolean passive(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.startsWith("/actuator/health");
	}

}
