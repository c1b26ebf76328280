package se.stratlas.system.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

import se.stratlas.shared.DatabaseFailures;

/**
 * When PostgreSQL cannot be reached, users get a clear 503 (a page on screens, a problem
 * detail in the API) with {@code Retry-After}, instead of a stack trace or a request that
 * hangs. It sits before every other filter, the session store included (sessions live in
 * PostgreSQL too). After a failure, requests are answered at once for a short pause
 * rather than each waiting for the connection pool's timeout; afterwards the next request
 * tries again, so service resumes by itself as soon as the database is back. Nothing is
 * lost: a request that failed had its transaction rolled back.
 */
public class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** How long requests are refused at once after a failure before one tries again. */
	static final Duration PAUSE = Duration.ofSeconds(2);

	private static final String PAGE = Refusal.page("Stratlas är tillfälligt otillgänglig", """
			<h1>Stratlas är tillfälligt otillgänglig</h1>
			<p>Databasen svarar inte just nu. Inget av det du har sparat är förlorat: en ändring som
			inte hann sparas avbröts helt. Ladda om sidan om en stund.</p>
			<p lang="en">Stratlas is temporarily unavailable: the database does not answer. Nothing you
			saved is lost. Reload the page in a moment.</p>
			<p>Status 503</p>
			""");

	private static final String PROBLEM = """
			{"type":"https://stratlas.se/problems/unavailable","title":"Service unavailable","status":503,\
			"detail":"The database does not answer; nothing was changed. Retry after a few seconds.","instance":"%s"}""";

	private final Clock clock;

	private final AtomicReference<Instant> refusingUntil = new AtomicReference<>(Instant.MIN);

	public DatabaseOutage(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!Refusal.passive(request) && this.clock.instant().isBefore(this.refusingUntil.get())) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!databaseUnreachable(ex)) {
				throw ex;
			}
			this.refusingUntil.set(this.clock.instant().plus(PAUSE));
			log.warn("PostgreSQL unreachable ({}): answering 503 for {}", rootMessage(ex), request.getRequestURI());
			if (response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		Refusal.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, PAGE,
				PROBLEM.formatted(request.getRequestURI().replace("\"", "%22").replace("\\", "%5C")));
	}

	static boolean databaseUnreachable(Throwable failure) {
		return DatabaseFailures.unreachable(failure);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
