package se.stratlas.system.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitTests {

	@Test
	void aRequestThatWaitsTooLongGetsA503ThatSaysSoWhileProbesAndStaticFilesGoThrough() throws Exception {
		RequestLimit limit = new RequestLimit(1, Duration.ofMillis(200));
		CountDownLatch release = new CountDownLatch(1);
		Thread first = holdTheOnlyPermit(limit, release);

		MockHttpServletResponse api = run(limit, request("/api/strategies", "application/json"), (req, res) -> {
			throw new AssertionError("must not run");
		});
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getContentType()).isEqualTo("application/problem+json");
		assertThat(api.getHeader("Retry-After")).isEqualTo("5");
		assertThat(api.getContentAsString()).contains("\"status\":503").contains("changed nothing");

		MockHttpServletResponse page = run(limit, request("/followup", "text/html"), (req, res) -> {
			throw new AssertionError("must not run");
		});
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains("Stratlas är hårt belastad");

		for (String passive : new String[] { "/actuator/health/liveness", "/css/stratlas.css" }) {
			AtomicBoolean ran = new AtomicBoolean();
			MockHttpServletResponse response = run(limit, request(passive, "*/*"), (req, res) -> ran.set(true));
			assertThat(ran).as(passive).isTrue();
			assertThat(response.getStatus()).isEqualTo(200);
		}

		release.countDown();
		first.join(5000);
		AtomicBoolean ran = new AtomicBoolean();
		assertThat(run(limit, request("/followup", "text/html"), (req, res) -> ran.set(true)).getStatus())
			.isEqualTo(200);
		assertThat(ran).as("the permit came back").isTrue();
	}

	@Test
	void aWaitingRequestRunsAsSoonAsItsTurnComes() throws Exception {
		RequestLimit limit = new RequestLimit(1, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		Thread first = holdTheOnlyPermit(limit, release);
		AtomicBoolean secondRan = new AtomicBoolean();
		Thread second = Thread.ofVirtual()
			.start(() -> run(limit, request("/followup", "text/html"), (req, res) -> secondRan.set(true)));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (limit.waiting() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(limit.waiting()).isEqualTo(1);
		assertThat(secondRan).isFalse();
		release.countDown();
		second.join(5000);
		first.join(5000);
		assertThat(secondRan).isTrue();
		assertThat(limit.waiting()).isZero();
	}

	/** A request that works until {@code release}; returns once it is inside. */
	private static Thread holdTheOnlyPermit(RequestLimit limit, CountDownLatch release) throws InterruptedException {
		CountDownLatch inside = new CountDownLatch(1);
		Thread thread = Thread.ofVirtual().start(() -> run(limit, request("/strategies", "text/html"), (req, res) -> {
			inside.countDown();
			await(release);
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		return thread;
	}

	private static MockHttpServletRequest request(String path, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept", accept);
		return request;
	}

	private static MockHttpServletResponse run(RequestLimit limit, MockHttpServletRequest request, FilterChain chain) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			limit.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
