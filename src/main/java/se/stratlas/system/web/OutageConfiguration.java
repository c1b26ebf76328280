package se.stratlas.system.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link DatabaseOutage} and {@link UploadLimit} before every other filter. */
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

	@Bean
	FilterRegistrationBean<UploadLimit> uploadLimit(
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:12MB}") org.springframework.util.unit.DataSize request,
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:10MB}") org.springframework.util.unit.DataSize file) {
		FilterRegistrationBean<UploadLimit> registration = new FilterRegistrationBean<>(new UploadLimit(request, file));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
