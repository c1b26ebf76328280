package se.stratlas.system.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link DatabaseOutage}, {@link UploadLimit} and {@link RequestLimit} before
 * every other filter, the session store included.
 */
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

	/**
	 * {@code stratlas.web.concurrent-requests} (default: the connection pool's size) and
	 * {@code stratlas.web.queue-timeout}; the number waiting is the gauge
	 * {@code stratlas.web.requests.waiting}.
	 */
	@Bean
	FilterRegistrationBean<RequestLimit> requestLimit(
			@org.springframework.beans.factory.annotation.Value("${stratlas.web.concurrent-requests:${spring.datasource.hikari.maximum-pool-size:20}}") int concurrent,
			@org.springframework.beans.factory.annotation.Value("${stratlas.web.queue-timeout:30s}") java.time.Duration wait,
			org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
		RequestLimit limit = new RequestLimit(concurrent, wait);
		meters.ifAvailable(registry -> io.micrometer.core.instrument.Gauge
			.builder("stratlas.web.requests.waiting", limit, RequestLimit::waiting)
			.description("Requests waiting for their turn (RequestLimit)")
			.register(registry));
		FilterRegistrationBean<RequestLimit> registration = new FilterRegistrationBean<>(limit);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
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
