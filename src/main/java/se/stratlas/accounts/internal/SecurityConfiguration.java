package se.stratlas.accounts.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.RoleHierarchyRules;
import se.stratlas.accounts.UserPasswords;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.DatabaseFailures;
import se.stratlas.shared.web.WebRequests;

/**
 * Who gets in: pages under {@link #PUBLIC_PATHS} are open, everything else needs a
 * signed-in user, and each endpoint's own rule ({@code @PreAuthorize}) says which role.
 * An endpoint of Stratlas without such a rule is refused by {@link EndpointRuleGuard}.
 * See ADR 2026-11-22-authorization-rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OidcProperties.class)
public class SecurityConfiguration {

	/**
	 * Paths anyone may open; everything else needs a signed-in user. A data donor's
	 * statement ({@code /exchange/donors/{pseudonym}}) and withdrawal of a consent are
	 * open and checked by the donor's secret token instead.
	 */
	static final String[] PUBLIC_PATHS = { "/", "/login", "/logout", "/public/**", "/css/**", "/js/**", "/img/**",
			"/webjars/**", "/favicon.ico", "/error", "/exchange/donors/*", "/exchange/donors/*/withdrawal",
			"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	static final String MUST_CHANGE_PASSWORD = UserPasswords.MUST_CHANGE_PASSWORD_ATTRIBUTE;

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI sets style attributes; it alone may use inline styles (never inline
	 * scripts).
	 */
	private static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> clients,
			OidcProperties oidc, Organisations organisations, JdbcClient jdbc, AuditTrail audit,
			TransactionTemplate transactions, LocalUserDetailsService users, JsonMapper json, ApiTokens tokens,
			@Value("${stratlas.metrics.token:}") String metricsToken) throws Exception {
		RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		RequestMatcher swagger = new OrRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
		http.authorizeHttpRequests(authorize -> authorize.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.access(metricsAccess(metricsToken))
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(successHandler(users))
				.failureHandler((request, response, exception) -> {
					DatabaseFailures.rethrowIfUnreachable(exception);
					new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response,
							exception);
				})
				.permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(problem(json, HttpStatus.UNAUTHORIZED)))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.deleteCookies("STRATLAS_SESSION"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(problem(json, HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(problem(json, HttpStatus.UNAUTHORIZED), actuator)
				.accessDeniedHandler(denied(json)))
			.addFilterBefore(new ApiTokenFilter(tokens, json), BasicAuthenticationFilter.class)
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::statelessBasic,
					SecurityConfiguration::statelessToken))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
						new StaticHeadersWriter("Content-Security-Policy", CSP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
						new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CSP)))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		if (clients.getIfAvailable() != null) {
			OidcUserMapper mapper = new OidcUserMapper(oidc, organisations, jdbc, audit, transactions);
			http.oauth2Login(login -> login.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(mapper))
				.failureUrl("/login?ssoError"));
		}
		return http.build();
	}

	/**
	 * The Prometheus scrape: an administrator, or a scraper with the bearer token of
	 * {@code STRATLAS_METRICS_TOKEN} (compared in constant time; no token configured
	 * means administrators only).
	 */
	static AuthorizationManager<RequestAuthorizationContext> metricsAccess(String token) {
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		return (authentication, context) -> {
			String header = context.getRequest().getHeader("Authorization");
			boolean scraper = !token.isBlank() && header != null
					&& MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
			Authentication who = authentication.get();
			boolean administrator = who != null && who.isAuthenticated()
					&& who.getAuthorities()
						.stream()
						.anyMatch(a -> ("ROLE_" + Role.ADMINISTRATOR.name()).equals(a.getAuthority()));
			return new AuthorizationDecision(scraper || administrator);
		};
	}

	private static SavedRequestAwareAuthenticationSuccessHandler successHandler(LocalUserDetailsService users) {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				if (authentication.getPrincipal() instanceof LocalUser user) {
					users.recordLogin(user.userId());
					if (user.mustChangePassword()) {
						request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
						getRedirectStrategy().sendRedirect(request, response, "/account/password");
						return;
					}
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		redirect.setDefaultTargetUrl("/");
		return redirect;
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(RoleHierarchyRules.springNotation());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationEntryPoint problem(JsonMapper json, HttpStatus status) {
		return (request, response, exception) -> {
			DatabaseFailures.rethrowIfUnreachable(exception);
			writeProblem(json, response, status,
					"Sign in, with a session, HTTP Basic or an API token, to use this endpoint.",
					request.getRequestURI());
		};
	}

	/**
	 * A request that needs no CSRF token: signed in with HTTP Basic and carrying no
	 * session cookie, so no browser could have sent it on a page's behalf. A session
	 * cookie with any Authorization header is a browser's request and needs the token.
	 */
	static boolean statelessBasic(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		return noSessionCookie(request);
	}

	/**
	 * A request signed in with an API token and carrying no session cookie needs no CSRF
	 * token: no browser sends a token on a page's behalf. An unknown token is refused by
	 * {@link ApiTokenFilter} before any controller runs. With a session cookie it is a
	 * browser's request and needs the CSRF token like any other.
	 */
	private static boolean noSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies == null || Arrays.stream(cookies).noneMatch(c -> "STRATLAS_SESSION".equals(c.getName()));
	}

	static boolean statelessToken(HttpServletRequest request) {
		if (ApiTokenFilter.token(request).isEmpty()) {
			return false;
		}
		return noSessionCookie(request);
	}

	/**
	 * A refusal says why: a form whose CSRF token is missing or out of date has expired
	 * (reload and try again); anything else is a matter of roles. The API and JSON
	 * clients get a problem detail, browsers the error page.
	 */
	private static AccessDeniedHandler denied(JsonMapper json) {
		return (request, response, exception) -> {
			boolean csrf = exception instanceof CsrfException;
			if (WebRequests.wantsProblem(request)) {
				writeProblem(json, response, HttpStatus.FORBIDDEN,
						csrf ? "The CSRF token is missing or out of date: send the X-CSRF-TOKEN header of the session "
								+ "(or sign in with HTTP Basic and no session cookie), or reload the page and try again."
								: "Your roles do not allow this.",
						request.getRequestURI());
				return;
			}
			if (csrf) {
				request.setAttribute(WebRequests.ERROR_REASON, WebRequests.REASON_CSRF);
			}
			response.sendError(HttpStatus.FORBIDDEN.value());
		};
	}

	static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail,
			String instance) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(instance));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}

	static List<String> publicPaths() {
		return List.of(PUBLIC_PATHS);
	}

}
