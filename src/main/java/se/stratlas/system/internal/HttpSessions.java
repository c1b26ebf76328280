package se.stratlas.system.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * HTTP sessions are kept in PostgreSQL (Spring Session JDBC, tables of V023), so the
 * application holds no state of its own: several instances behind a load balancer share
 * one database and a user keeps their session when the balancer sends them to another
 * instance. The cookie keeps the settings of {@code server.servlet.session.cookie.*}.
 * Wired by hand because Boot's {@code spring-boot-session-jdbc} 4.1.1 is missing from the
 * registry here (see docs/adr/2026-11-22-reliability.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 60 * 60, cleanupCron = "0 * * * * *")
public class HttpSessions {

	@Bean
	CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.name:STRATLAS_SESSION}") String name,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(name);
		cookies.setUseSecureCookie(secure);
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		cookies.setCookiePath("/");
		return cookies;
	}

}
