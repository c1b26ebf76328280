package se.stratlas.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many requests work at once (by default as many as the connection pool has
 * connections); the others wait their turn, first come first served, and get a clear 503
 * only if they have waited too long. Without it, under a peak every request started at
 * once and hundreds waited inside the connection pool, whose timeout (kept short so that
 * a lost database is noticed) then failed some of them with 500. Static files and health
 * probes do not wait.
 */
public class RequestLimit extends OncePerRequestFilter {

	private static final String PAGE = Refusal.page("Stratlas är hårt belastad", """
			<h1>Stratlas är hårt belastad</h1>
			<p>Många arbetar i Stratlas just nu och din förfrågan fick vänta för länge. Inget ändrades.
			Försök igen om en stund.</p>
			<p lang="en">Stratlas is very busy: your request waited too long and changed nothing. Try again
			in a moment.</p>
			<p>Status 503</p>
			""");

	private static final String PROBLEM = """
			{"type":"https://stratlas.se/problems/busy","title":"Service busy","status":503,\
			"detail":"Too many requests at once; this one waited %d s and changed nothing. Retry in a few seconds."}""";

	private final Semaphore permits;

	private final Duration wait;

	public RequestLimit(int concurrent, Duration wait) {
		this.permits = new Semaphore(concurrent, true);
		this.wait = wait;
	}

	/** Requests waiting for their turn now. */
	public int waiting() {
		return this.permits.getQueueLength();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (Refusal.passive(request)) {
			chain.doFilter(request, response);
			return;
		}
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		Refusal.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, PAGE,
				PROBLEM.formatted(this.wait.toSeconds()));
	}

}
