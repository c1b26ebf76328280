package se.stratlas.system.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;

import io.micrometer.core.instrument.Gauge;

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
			@Value("${stratlas.web.concurrent-requests:${spring.datasource.hikari.maximum-pool-size:20}}") int concurrent,
			@Value("${stratlas.web.queue-timeout:30s}") Duration wait, ObjectProvider<MeterRegistry> meters) {
		RequestLimit limit = new RequestLimit(concurrent, wait);
		meters.ifAvailable(registry -> Gauge.builder("stratlas.web.requests.waiting", limit, RequestLimit::waiting)
			.description("Requests waiting for their turn (RequestLimit)")
			.register(registry));
		FilterRegistrationBean<RequestLimit> registration = new FilterRegistrationBean<>(limit);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<UploadLimit> uploadLimit(
			@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize request,
			@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize file) {
		FilterRegistrationBean<UploadLimit> registration = new FilterRegistrationBean<>(new UploadLimit(request, file));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
