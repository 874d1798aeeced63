package dev.billforge.billing.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stripe's webhook and the Checkout return pages need no login: the webhook's signature
 * is its authentication, and the return pages only re-read what Stripe says about an
 * unguessable session id.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BillingSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain stripeWebhookSecurity(HttpSecurity http) throws Exception {
		// Exactly these paths: "/billing/checkout/**" would also match the web app's POST
		// /billing/checkout
		// button, taking it out of the browser chain (no session, no CSRF).
		http.securityMatcher("/stripe/webhook", "/billing/checkout/success", "/billing/checkout/cancel")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

}
