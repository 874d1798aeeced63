package dev.billforge.api;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /actuator/prometheus} answers only to the operator token as Bearer (metrics name
 * orgs' activity and the platform's load). Without an operator token it answers nobody.
 * Stateless, no CSRF (no cookies).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OperatorMetricsSecurity {

	static final String PATH = "/actuator/prometheus";

	@Bean
	@Order(3)
	SecurityFilterChain prometheusSecurity(HttpSecurity http, ApiProperties properties, Environment environment)
			throws Exception {
		OperatorToken token = OperatorToken.resolve(properties, environment);
		http.securityMatcher(PATH, PATH + "/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new OperatorBearerFilter(token), AnonymousAuthenticationFilter.class)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, ex) -> ProblemWriter.writeStatic(response, 401,
						"unauthorized", "the operator token is required: Authorization: Bearer <token>")))
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("OPERATOR"));
		return http.build();
	}

	/** Authenticates the operator token only; org API keys get nothing here. */
	static final class OperatorBearerFilter extends OncePerRequestFilter {

		private final OperatorToken token;

		OperatorBearerFilter(OperatorToken token) {
			this.token = token;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& token.matches(header.substring(7).strip())) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
							List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
			}
			chain.doFilter(request, response);
		}

	}

}
