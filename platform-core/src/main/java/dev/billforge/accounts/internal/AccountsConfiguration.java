package dev.billforge.accounts.internal;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.billforge.accounts.AccountsProperties;
import dev.billforge.accounts.CommandExit;
import dev.billforge.branding.Brand;
import dev.billforge.identity.ConditionalOnKeycloakLogin;
import dev.billforge.notifications.MailLinks;
import dev.billforge.notifications.Notifications;

/**
 * Local accounts exist only without Keycloak (Keycloak owns people, passwords and resets
 * there).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnKeycloakLogin(false)
@EnableConfigurationProperties(AccountsProperties.class)
class AccountsConfiguration {

	@Bean
	SignInThrottle signInThrottle(AccountsProperties properties, Clock clock) {
		return new SignInThrottle(properties, clock);
	}

	@Bean
	MongoAccounts accounts(MongoTemplate mongo, PasswordEncoder encoder, Notifications notifications,
			AccountsProperties properties, Brand brand, Clock clock, MessageSource messageSource, MailLinks links,
			SignInThrottle signIns) {
		return new MongoAccounts(mongo, encoder, notifications, properties, brand, clock, messageSource, links,
				signIns);
	}

	/** A tenant (or test) that declares its own user store keeps it. */
	@Bean
	@ConditionalOnMissingBean(UserDetailsService.class)
	LocalUserDetailsService localUserDetailsService(MongoAccounts accounts, SignInThrottle signIns) {
		return new LocalUserDetailsService(accounts, signIns);
	}

	@Bean
	@ConditionalOnMissingBean
	CommandExit accountsCommandExit(ConfigurableApplicationContext context) {
		return code -> System.exit(SpringApplication.exit(context, () -> code));
	}

	@Bean
	CreateOperatorCommand createOperatorCommand(MongoAccounts accounts, CommandExit exit) {
		return new CreateOperatorCommand(accounts, exit::exit);
	}

}
