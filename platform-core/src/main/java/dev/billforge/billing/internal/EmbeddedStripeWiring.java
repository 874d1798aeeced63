package dev.billforge.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointListParams;

import dev.billforge.stripe.emulator.WebhookEndpointRegistration;

/**
 * The emulator: once the web server's port is known, registers this app's
 * {@code /stripe/webhook} with it and trusts the returned secret. In-process: idempotent
 * on the URL, so a restart gets the same secret. An emulator service shows a secret only
 * on creation (as Stripe does), so an endpoint left by an earlier run for the same URL is
 * replaced. Nothing happens with real Stripe.
 */
class EmbeddedStripeWiring implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStripeWiring.class);

	private final StripeBackend backend;

	private final WebhookSecrets secrets;

	private final StripeClient stripe;

	private final String webhookUrl;

	EmbeddedStripeWiring(StripeBackend backend, WebhookSecrets secrets, StripeClient stripe, String webhookUrl) {
		this.backend = backend;
		this.secrets = secrets;
		this.stripe = stripe;
		this.webhookUrl = webhookUrl;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!backend.emulated() || event.getWebServer().getPort() <= 0) {
			return;
		}
		String url = StringUtils.hasText(webhookUrl) ? webhookUrl.strip()
				: "http://127.0.0.1:" + event.getWebServer().getPort() + "/stripe/webhook";
		if (backend.emulator() != null) {
			WebhookEndpointRegistration hook = backend.emulator().registerWebhookEndpoint(url);
			secrets.add(hook.secret());
		}
		else {
			secrets.add(replaceEndpoint(url));
		}
		log.info("Stripe emulator delivers webhooks to {}", url);
	}

	private String replaceEndpoint(String url) {
		try {
			for (WebhookEndpoint old : stripe.v1()
				.webhookEndpoints()
				.list(WebhookEndpointListParams.builder().setLimit(100L).build())
				.autoPagingIterable()) {
				if (url.equals(old.getUrl())) {
					stripe.v1().webhookEndpoints().delete(old.getId());
				}
			}
			return stripe.v1()
				.webhookEndpoints()
				.create(WebhookEndpointCreateParams.builder()
					.setUrl(url)
					.addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
					.build())
				.getSecret();
		}
		catch (StripeException ex) {
			throw new IllegalStateException("cannot register " + url + " with the Stripe emulator service", ex);
		}
	}

}
