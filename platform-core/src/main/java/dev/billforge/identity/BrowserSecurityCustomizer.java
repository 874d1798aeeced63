package dev.billforge.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets other features adjust the browser security chain (order
 * {@link IdentityAutoConfiguration#BROWSER_CHAIN_ORDER}) before identity adds its own
 * rules. Authorization rules added here come BEFORE identity's final
 * {@code anyRequest().authenticated()}, so they can open pages ({@code permitAll()}) or
 * restrict them further. Declare as a bean; all beans are applied in {@code @Order}.
 */
@FunctionalInterface
public interface BrowserSecurityCustomizer {

	void customize(HttpSecurity http) throws Exception;

}
