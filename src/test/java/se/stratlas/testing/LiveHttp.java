package se.stratlas.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests that talk to a running Stratlas over real HTTP (a child JVM, nginx, the
 * load test) need: a free port, the session cookie and a page's CSRF token.
 */
public final class LiveHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private LiveHttp() {
	}

	/** A port free on loopback right now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	/**
	 * The session cookie a response sets, as {@code name=value} for a Cookie header (sent
	 * by hand because the cookie is Secure and the tests speak plain HTTP).
	 */
	public static String sessionCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith("STRATLAS_SESSION="))
			.map(c -> c.split(";", 2)[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

	/**
	 * Signs in with the demo password through the login form and returns the session
	 * cookie.
	 */
	public static String signIn(java.net.http.HttpClient http, String base, String username) throws Exception {
		HttpResponse<String> page = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> login = http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
				.header("Cookie", sessionCookie(page))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("username=" + username + "&password=stratlas-demo&_csrf="
							+ java.net.URLEncoder.encode(csrf(page.body()), java.nio.charset.StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("sign-in as " + username + " failed: " + login.statusCode());
		}
		return sessionCookie(login);
	}

	/** The CSRF token of a page: a form's hidden field or the layout's meta tag. */
	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token on the page");
		}
		return matcher.group(1);
	}

}
