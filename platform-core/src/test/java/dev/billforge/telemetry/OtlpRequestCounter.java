package dev.billforge.telemetry;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the OTLP requests that reach the app, to see that an exporter does not retry a
 * refusal.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OtlpRequestCounter {

	@Bean
	AtomicInteger otlpRequests() {
		return new AtomicInteger();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> otlpRequestCounter(AtomicInteger otlpRequests) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (request.getRequestURI().startsWith("/v1/")) {
							otlpRequests.incrementAndGet();
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(Integer.MIN_VALUE);
		return registration;
	}

}
