package dev.billforge.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The machine API's security: stateless Bearer authentication, no sessions, no CSRF (no
 * cookies are involved). Org API keys reach {@code /api/v1/**} and the OTLP receiver's
 * {@code /v1/traces|metrics|logs} (telemetry, when switched on); only the operator token
 * reaches {@code /api/v1/operator/**}, and only when it is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, Orgs orgs, ApiProperties properties, Environment environment,
			ProblemWriter problems) throws Exception {
		OperatorToken operatorToken = OperatorToken.resolve(properties, environment);
		http.securityMatcher("/api/**", "/v1/traces", "/v1/metrics", "/v1/logs")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new BearerFilter(orgs, operatorToken, new RateLimiter(properties.getRequestsPerSecond())),
					AnonymousAuthenticationFilter.class)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "unauthorized",
						"a valid API key is required: Authorization: Bearer <key>"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "forbidden",
						"this key may not call " + request.getRequestURI())))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/operator/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.hasRole("ORG"));
		return http.build();
	}

	/** The API's description is public: it documents the API, it grants nothing. */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * Authenticates the Bearer token; leaves the request anonymous (→ 401) when it is
	 * missing or wrong.
	 */
	static final class BearerFilter extends OncePerRequestFilter {

		private final Orgs orgs;

		private final OperatorToken operatorToken;

		private final RateLimiter limiter;

		BearerFilter(Orgs orgs, OperatorToken operatorToken, RateLimiter limiter) {
			this.orgs = orgs;
			this.operatorToken = operatorToken;
			this.limiter = limiter;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				String token = header.substring(7).strip();
				ApiPrincipal principal = null;
				if (operatorToken.matches(token)) {
					principal = ApiPrincipal.ofOperator();
				}
				else {
					Optional<OrgId> org = orgs.authenticate(token);
					if (org.isPresent()) {
						principal = ApiPrincipal.org(org.get());
					}
				}
				if (principal != null) {
					if (!limiter.tryAcquire(token)) {
						response.setHeader("Retry-After", "1");
						ProblemWriter.writeStatic(response, 429, "rate_limited",
								"too many requests for this key; retry shortly");
						return;
					}
					SecurityContextHolder.getContext().setAuthentication(new ApiAuthentication(principal));
				}
			}
			chain.doFilter(request, response);
		}

	}

	static final class ApiAuthentication extends AbstractAuthenticationToken {

		private final ApiPrincipal principal;

		ApiAuthentication(ApiPrincipal principal) {
			super(List.of(new SimpleGrantedAuthority(principal.operator() ? "ROLE_OPERATOR" : "ROLE_ORG")));
			this.principal = principal;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public ApiPrincipal getPrincipal() {
			return principal;
		}

	}

}
