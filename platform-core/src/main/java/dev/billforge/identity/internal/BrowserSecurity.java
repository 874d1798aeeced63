package dev.billforge.identity.internal;

import java.util.List;

import dev.billforge.identity.BrowserSecurityCustomizer;
import dev.billforge.identity.IdentityWebProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.StringUtils;

/** The parts of the browser chain shared by Keycloak and local-accounts mode. */
public final class BrowserSecurity {

	/** Static resources and health checks anyone may fetch. */
	static final String[] ALWAYS_PUBLIC = { "/css/**", "/js/**", "/images/**", "/img/**", "/webjars/**", "/favicon.ico",
			"/favicon.svg", "/brand/**", "/error", "/actuator/health", "/actuator/health/**" };

	private BrowserSecurity() {
	}

	/**
	 * Applies headers, CSRF, session handling, the customizers' rules and then identity's
	 * rules (operator console needs ROLE_OPERATOR, everything else needs a signed-in
	 * person).
	 */
	public static void apply(HttpSecurity http, IdentityWebProperties web, String contentSecurityPolicy,
			List<BrowserSecurityCustomizer> customizers, String... extraPublic) throws Exception {
		String csp = StringUtils.hasText(web.getContentSecurityPolicy()) ? web.getContentSecurityPolicy()
				: contentSecurityPolicy;
		http.headers(headers -> headers.contentSecurityPolicy(c -> c.policyDirectives(csp))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			// CSRF stays on (Spring's default, session-stored token); session fixation:
			// new id on sign-in.
			.csrf(csrf -> {
			})
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
		for (BrowserSecurityCustomizer customizer : customizers) {
			customizer.customize(http);
		}
		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers(ALWAYS_PUBLIC).permitAll();
			if (extraPublic.length > 0) {
				auth.requestMatchers(extraPublic).permitAll();
			}
			if (!web.getPublicPaths().isEmpty()) {
				auth.requestMatchers(web.getPublicPaths().toArray(String[]::new)).permitAll();
			}
			auth.requestMatchers("/operator", "/operator/**").hasRole("OPERATOR");
			auth.anyRequest().authenticated();
		});
	}

}
