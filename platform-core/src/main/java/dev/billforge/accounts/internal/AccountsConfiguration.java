package dev.billforge.accounts.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.billforge.accounts.AccountsProperties;
import dev.billforge.branding.Brand;
import dev.billforge.identity.ConditionalOnKeycloakLogin;
import org.springframework.context.MessageSource;
import dev.billforge.notifications.Notifications;

/** Local accounts exist only without Keycloak (Keycloak owns people, passwords and resets there). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnKeycloakLogin(false)
@EnableConfigurationProperties(AccountsProperties.class)
class AccountsConfiguration {

	@Bean
	MongoAccounts accounts(MongoTemplate mongo, PasswordEncoder encoder, Notifications notifications,
			AccountsProperties properties, Brand brand, Clock clock, MessageSource messageSource) {
		return new MongoAccounts(mongo, encoder, notifications, properties, brand, clock, messageSource);
	}

	/** A tenant (or test) that declares its own user store keeps it. */
	@Bean
	@ConditionalOnMissingBean(UserDetailsService.class)
	LocalUserDetailsService localUserDetailsService(MongoAccounts accounts, AccountsProperties properties, Clock clock) {
		return new LocalUserDetailsService(accounts,
				new Throttle(properties.maxFailedSignIns(), properties.throttleWindow(), clock));
	}

}
