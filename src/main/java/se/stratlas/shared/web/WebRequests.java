package se.stratlas.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every module's web layer needs to know of a request: whether it is an API call (or
 * a client that asks for JSON) that gets a problem detail, or a browser that gets a page;
 * and why an error page is shown when the status alone does not say it.
 */
public final class WebRequests {

	/**
	 * Request attribute that names the reason behind an error page, e.g.
	 * {@link #REASON_CSRF}.
	 */
	public static final String ERROR_REASON = "stratlas.error.reason";

	/** The form's CSRF token was missing or out of date (the session expired). */
	public static final String REASON_CSRF = "csrf";

	private WebRequests() {
	}

	/**
	 * An API call, or a client that asks for JSON and not for HTML, gets a problem
	 * detail; a browser a page.
	 */
	public static boolean wantsProblem(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (accept != null && accept.contains("json") && !accept.contains("html"));
	}

}
