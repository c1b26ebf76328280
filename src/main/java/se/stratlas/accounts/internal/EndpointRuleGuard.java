package se.stratlas.accounts.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Deny by default: a Stratlas endpoint whose method (or class) carries no
 * {@link PreAuthorize} rule is refused for everyone, and the missing rule is logged. Also
 * sends a user who must change their password to the password page before anything else.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointRuleGuard implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EndpointRuleGuard.class);

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method && !hasRule(method)) {
					log.error("Endpoint {} has no authorization rule: refused", method);
					throw new AccessDeniedException("Endpoint without an authorization rule");
				}
				return true;
			}
		});
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws IOException {
				var session = request.getSession(false);
				if (session != null && session.getAttribute(SecurityConfiguration.MUST_CHANGE_PASSWORD) != null
						&& handler instanceof HandlerMethod
						&& !request.getRequestURI().startsWith(request.getContextPath() + "/account/password")) {
					response.sendRedirect(request.getContextPath() + "/account/password");
					return false;
				}
				return true;
			}
		});
	}

	/**
	 * Whether a handler of Stratlas states who may call it; handlers of libraries are not
	 * ours to judge.
	 */
	static boolean hasRule(HandlerMethod method) {
		if (!method.getBeanType().getPackageName().startsWith("se.stratlas")) {
			return true;
		}
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
	}

}
