package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;

import dev.billforge.identity.BrowserSecurityCustomizer;
import dev.billforge.identity.ConditionalOnKeycloakLogin;

/** Local accounts: the web app's own sign-in page instead of Spring Security's generated one. */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
@ConditionalOnKeycloakLogin(false)
class LocalLoginPage {

	@Bean
	BrowserSecurityCustomizer webLoginPage() {
		// The reason goes into the URL (not the session), so the page can say "locked" without a session.
		return http -> http.formLogin(form -> form.loginPage("/login")
			.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
					+ (ex instanceof LockedException ? "/login?error=locked" : "/login?error"))));
	}

}
