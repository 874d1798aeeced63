package dev.billforge.identity;

import java.util.List;

import dev.billforge.identity.internal.BrowserSecurity;
import dev.billforge.identity.internal.KeycloakClientRegistrations;
import dev.billforge.identity.provisioning.KeycloakProvisioningConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Browser sign-in for every tenant: Keycloak (OIDC) when a Keycloak server is configured,
 * otherwise form login against a {@code UserDetailsService} bean supplied elsewhere.
 *
 * <p>
 * Runs after the branding auto-configuration, so the login theme can follow the brand
 * pack, and before Boot's security auto-configuration so Boot's defaults (generated user,
 * default chain, properties-based client registrations) back off when ours exist.
 */
@AutoConfiguration(afterName = "dev.billforge.branding.autoconfigure.BrandAutoConfiguration", beforeName = {
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@EnableConfigurationProperties({ KeycloakProperties.class, IdentityWebProperties.class })
@Import(KeycloakProvisioningConfiguration.class)
public class IdentityAutoConfiguration {

	/**
	 * Order of the browser chain. Chains with narrower {@code securityMatcher}s (the
	 * machine API at /api/**, the Stripe webhook) must use a smaller order; this chain
	 * matches every request.
	 */
	public static final int BROWSER_CHAIN_ORDER = 100;

	/** Keycloak mode: OIDC login, roles from the ID token, RP-initiated logout. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnKeycloakLogin
	static class KeycloakLoginConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KeycloakSettings keycloakSettings(KeycloakProperties properties, Environment environment) {
			return KeycloakSettings.resolve(properties, environment);
		}

		@Bean
		@ConditionalOnMissingBean
		ClientRegistrationRepository keycloakClientRegistrationRepository(KeycloakSettings settings,
				KeycloakProperties properties) {
			return new InMemoryClientRegistrationRepository(KeycloakClientRegistrations.of(settings,
					properties.getPublicBaseUrl(), properties.getBackchannelUrl()));
		}

		@Bean
		@ConditionalOnMissingBean(GrantedAuthoritiesMapper.class)
		KeycloakRoleAuthoritiesMapper keycloakRoleAuthoritiesMapper() {
			return new KeycloakRoleAuthoritiesMapper();
		}

		@Bean
		@Order(BROWSER_CHAIN_ORDER)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		SecurityFilterChain billforgeBrowserSecurityFilterChain(HttpSecurity http, KeycloakSettings settings,
				IdentityWebProperties web, ClientRegistrationRepository registrations,
				GrantedAuthoritiesMapper authoritiesMapper, ObjectProvider<BrowserSecurityCustomizer> customizers)
				throws Exception {
			BrowserSecurity.apply(http, web, ContentSecurityPolicy.strict(settings.origin()),
					customizers.orderedStream().toList(), "/login/**", "/oauth2/**");
			OidcClientInitiatedLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedLogoutSuccessHandler(
					registrations);
			logoutSuccess.setPostLogoutRedirectUri("{baseUrl}" + web.getLogoutSuccessPath());
			http.oauth2Login(
					login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(authoritiesMapper)
						.oidcUserService(new VerifiedEmailOidcUserService())))
				.logout(logout -> logout.logoutSuccessHandler(logoutSuccess));
			return http.build();
		}

	}

	/**
	 * Local-accounts mode: form login against the application's
	 * {@code UserDetailsService}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnKeycloakLogin(false)
	static class LocalLoginConfiguration {

		/**
		 * BCrypt for new passwords; the delegating encoder still reads
		 * {noop}/{bcrypt}-prefixed ones.
		 */
		@Bean
		@ConditionalOnMissingBean
		PasswordEncoder passwordEncoder() {
			return PasswordEncoderFactories.createDelegatingPasswordEncoder();
		}

		@Bean
		@Order(BROWSER_CHAIN_ORDER)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		SecurityFilterChain billforgeBrowserSecurityFilterChain(HttpSecurity http, IdentityWebProperties web,
				ObjectProvider<BrowserSecurityCustomizer> customizers) throws Exception {
			List<BrowserSecurityCustomizer> ordered = customizers.orderedStream().toList();
			BrowserSecurity.apply(http, web, ContentSecurityPolicy.strict(null), ordered);
			http.formLogin(form -> {
				if (StringUtils.hasText(web.getLoginPage())) {
					form.loginPage(web.getLoginPage());
				}
				form.permitAll();
			})
				// No permitAll() here: it would also open the logout success page (by
				// default "/") to everyone.
				.logout(logout -> logout.logoutSuccessUrl(web.getLogoutSuccessPath()));
			return http.build();
		}

	}

}
