package se.stratlas.system.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link DatabaseOutage} before every other filter. */
@Configuration(proxyBeanMethods = false)
class OutageConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseOutage> databaseOutage() {
		FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(
				new DatabaseOutage(Clock.systemUTC()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
