package dev.billforge.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import dev.billforge.stripe.emulator.WebhookEndpointRegistration;

/**
 * The embedded default: once the web server's port is known, registers this app's
 * {@code /stripe/webhook} with the in-process emulator (idempotent on the URL, so a restart gets the
 * same secret) and trusts the returned secret. Nothing happens with real Stripe.
 */
class EmbeddedStripeWiring implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStripeWiring.class);

	private final StripeBackend backend;

	private final WebhookSecrets secrets;

	EmbeddedStripeWiring(StripeBackend backend, WebhookSecrets secrets) {
		this.backend = backend;
		this.secrets = secrets;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!backend.emulated() || event.getWebServer().getPort() <= 0) {
			return;
		}
		String url = "http://127.0.0.1:" + event.getWebServer().getPort() + "/stripe/webhook";
		WebhookEndpointRegistration hook = backend.emulator().registerWebhookEndpoint(url);
		secrets.add(hook.secret());
		log.info("Stripe emulator delivers webhooks to {}", url);
	}

}
