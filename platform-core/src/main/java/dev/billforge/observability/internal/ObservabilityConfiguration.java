package dev.billforge.observability.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.stripe.StripeClient;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The readiness parts "keycloak" and "stripe" (named by their bean names) and the ledger
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

	@Bean
	KeycloakHealthIndicator keycloakHealthIndicator(ObjectProvider<KeycloakSettings> settings,
			ObjectProvider<KeycloakProperties> properties, ObjectProvider<Clock> clock) {
		return new KeycloakHealthIndicator(settings.getIfAvailable(),
				properties.getIfAvailable(KeycloakProperties::new), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	StripeHealthIndicator stripeHealthIndicator(ObjectProvider<StripeClient> stripe, ObjectProvider<Clock> clock) {
		return new StripeHealthIndicator(stripe.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CreditsChargedMetrics creditsChargedMetrics(MeterRegistry registry) {
		return new CreditsChargedMetrics(registry);
	}

}
