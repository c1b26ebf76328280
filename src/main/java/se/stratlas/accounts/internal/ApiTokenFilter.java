package se.stratlas.accounts.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stratlas.accounts.ApiTokens;

/**
 * Signs a request in with a personal API token ({@code Authorization: Bearer stl_…}): for
 * this request only, so no session is made. A token opens the JSON API only, within its
 * scopes (a GET or HEAD needs the area's read scope, anything else its write scope); an
 * unknown, revoked or expired token is a 401, a path or scope outside the token a 403,
 * each as a problem detail.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final JsonMapper json;

	ApiTokenFilter(ApiTokens tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
	}

	/** The token of a request, if it carries one of Stratlas's. */
	static Optional<String> token(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = header.substring(7).strip();
		return token.startsWith(ApiTokens.PREFIX) ? Optional.of(token) : Optional.empty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> token = token(request);
		if (token.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.Bearer> bearer = this.tokens.authenticate(token.get());
		if (bearer.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			SecurityConfiguration.writeProblem(this.json, response, HttpStatus.UNAUTHORIZED,
					"The API token is unknown, revoked or expired.", request.getRequestURI());
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/")) {
			SecurityConfiguration.writeProblem(this.json, response, HttpStatus.FORBIDDEN,
					"An API token opens the JSON API under /api only.", request.getRequestURI());
			return;
		}
		boolean write = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
		Optional<ApiTokens.Area> area = ApiTokens.Area.of(path);
		// Who the token belongs to (/api/me) needs no scope; every other part needs its
		// own.
		if (!path.equals("/api/me") && (area.isEmpty() || !bearer.get().allows(area.get(), write))) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
			SecurityConfiguration.writeProblem(this.json, response, HttpStatus.FORBIDDEN,
					area.map(a -> "The API token lacks the scope " + (write ? a.write() : a.read()) + ".")
						.orElse("No API token scope covers this path."),
					request.getRequestURI());
			return;
		}
		UserDetails user = (UserDetails) bearer.get().user();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
