package dev.billforge.billing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import com.stripe.StripeClient;

import dev.billforge.billing.BillingMode;
import dev.billforge.billing.BillingProperties;
import dev.billforge.storage.StorageMode;
import dev.billforge.stripe.emulator.EmulatorConfig;
import dev.billforge.stripe.emulator.StripeEmulator;

/**
 * One {@link StripeClient}: real Stripe when {@code STRIPE_SECRET_KEY} is set, otherwise
 * the in-process emulator — but only on the embedded storage default or with the explicit
 * development switch. A deployment with a real database and no key refuses to start, and
 * so does a live key on the embedded store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class StripeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

	static final String EMULATOR_KEY = "sk_test_billforge_emulator";

	@Bean
	StripeBackend stripeBackend(BillingProperties properties, Environment environment, StorageMode storage) {
		String key = firstText(properties.getStripeSecretKey(), environment.getProperty("STRIPE_SECRET_KEY"));
		if (key != null) {
			if (isLive(key.strip()) && storage.isEmbedded()) {
				throw new LiveKeyOnEmbeddedStorageException();
			}
			return new StripeBackend(key.strip(), null, null);
		}
		Boolean dev = properties.getEmulator().getEnabled();
		boolean run = dev != null ? dev : storage.isEmbedded();
		if (!run) {
			throw new StripeNotConfiguredException();
		}
		String service = properties.getEmulator().getUrl();
		if (Boolean.TRUE.equals(dev) && StringUtils.hasText(service)) {
			log.warn("No STRIPE_SECRET_KEY: Stripe emulator service at {} (TEST MODE — payments are simulated)",
					service);
			return new StripeBackend(EMULATOR_KEY, service.strip(), null);
		}
		Path state = storage.dataDirectory().resolve("stripe-emulator");
		StripeEmulator emulator = StripeEmulator.start(EmulatorConfig.builder()
			.port(properties.getEmulator().getPort())
			.stateDirectory(state)
			.publicBaseUrl(properties.getEmulator().getPublicBaseUrl())
			.build());
		log.warn("No STRIPE_SECRET_KEY: Stripe emulator running at {} (TEST MODE — payments are simulated)",
				emulator.baseUrl());
		return new StripeBackend(EMULATOR_KEY, emulator.baseUrl(), emulator);
	}

	@Bean
	StripeClient stripeClient(StripeBackend backend, BillingProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(backend.secretKey())
			.setMaxNetworkRetries(properties.getMaxNetworkRetries())
			.setConnectTimeout((int) properties.getConnectTimeout().toMillis())
			.setReadTimeout((int) properties.getReadTimeout().toMillis());
		if (backend.apiBase() != null) {
			builder.setApiBase(backend.apiBase());
		}
		return builder.build();
	}

	@Bean
	BillingMode billingMode(StripeBackend backend) {
		return new BillingMode(backend.emulated(), backend.emulated() || backend.secretKey().startsWith("sk_test_")
				|| backend.secretKey().startsWith("rk_test_"));
	}

	@Bean
	WebhookSecrets webhookSecrets(BillingProperties properties, Environment environment) {
		List<String> secrets = new ArrayList<>(properties.getWebhookSecrets());
		String env = environment.getProperty("STRIPE_WEBHOOK_SECRET");
		if (StringUtils.hasText(env)) {
			secrets.addAll(Arrays.asList(env.split(",")));
		}
		return new WebhookSecrets(secrets);
	}

	@Bean
	EmbeddedStripeWiring embeddedStripeWiring(StripeBackend backend, WebhookSecrets secrets, StripeClient stripe,
			BillingProperties properties) {
		return new EmbeddedStripeWiring(backend, secrets, stripe, properties.getEmulator().getWebhookUrl());
	}

	/** Real money: a live secret or restricted key. */
	static boolean isLive(String key) {
		return key.startsWith("sk_live_") || key.startsWith("rk_live_");
	}

	private static String firstText(String... values) {
		for (String value : values) {
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		return null;
	}

}
