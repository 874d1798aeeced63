package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import dev.billforge.accounts.Accounts;
import dev.billforge.identity.BrowserSecurityCustomizer;
import dev.billforge.identity.ConditionalOnKeycloakLogin;

/**
 * Local accounts: the web app's own sign-in page instead of Spring Security's generated
 * one, and the per-request account check ({@link AccountSessionFilter}).
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
@ConditionalOnKeycloakLogin(false)
class LocalLoginPage {

	@Bean
	BrowserSecurityCustomizer webLoginPage(Accounts accounts) {
		// The reason goes into the URL (not the session), so the page can say "locked"
		// without a session.
		// Not a bean itself: a Filter bean would also be registered with the servlet
		// container.
		return http -> http
			.formLogin(form -> form.loginPage("/login")
				.failureHandler((request, response,
						ex) -> response.sendRedirect(request.getContextPath()
								+ (ex instanceof LockedException ? "/login?error=locked" : "/login?error"))))
			.addFilterBefore(new AccountSessionFilter(accounts), AuthorizationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/verify-email/**").permitAll());
	}

}
