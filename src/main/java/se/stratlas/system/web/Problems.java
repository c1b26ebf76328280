package se.stratlas.system.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * The pieces every error advice shares: an RFC 9457 problem detail with Stratlas's type
 * URIs, the cause of a given type in an exception's chain, and a value shortened for a
 * message. Which status means what is in docs/adr/2026-12-02-refusals.md.
 */
final class Problems {

	private Problems() {
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://stratlas.se/problems/" + type));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	static ProblemDetail tooLargeProblem(HttpServletRequest request, DataSize limit) {
		ProblemDetail problem = problem(
				HttpStatus.CONTENT_TOO_LARGE, "too-large", "File too large", "The file is larger than the "
						+ limit.toMegabytes() + " MB an upload may have; " + "split it or leave out what is not needed",
				request);
		problem.setProperty("limitBytes", limit.toBytes());
		return problem;
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

	static String abbreviate(Object value) {
		String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

}
