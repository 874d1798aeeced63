package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.stripe.StripeClient;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.stripe.emulator.EmulatorConfig;
import dev.billforge.stripe.emulator.StripeEmulator;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose demo runs the Stripe emulator as its own service: the app, with the
 * development switch and the service's URL, pushes its catalog there, registers its
 * webhook there, and a paid Checkout grants credits.
 */
@BillingIntegrationTest
class EmulatorServiceIT {

	static final StripeEmulator SERVICE = StripeEmulator
		.start(EmulatorConfig.builder().webhookInitialBackoff(Duration.ofMillis(50)).build());

	@DynamicPropertySource
	static void emulatorService(DynamicPropertyRegistry registry) {
		registry.add("billforge.billing.emulator.url", SERVICE::baseUrl);
	}

	@AfterAll
	static void stop() {
		SERVICE.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	StripeBackend backend;

	@Autowired
	StripeClient stripe;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void paidCheckoutOnTheEmulatorServiceGrantsThePack() throws Exception {
		assertThat(backend.emulator()).as("no in-process emulator").isNull();
		assertThat(backend.apiBase()).isEqualTo(SERVICE.baseUrl());
		assertThat(stripe.v1()
			.webhookEndpoints()
			.list(com.stripe.param.WebhookEndpointListParams.builder().build())
			.getData()).extracting(we -> we.getUrl()).containsExactly("http://127.0.0.1:" + port + "/stripe/webhook");

		Org org = orgs.create("Acme " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		JsonNode catalog = call(key, "GET", "/api/v1/billing/catalog", null);
		assertThat(catalog.get("testMode").asBoolean()).isTrue();
		String session = call(key, "POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}")
			.get("id")
			.asString();

		HttpResponse<String> completed = http.send(HttpRequest
			.newBuilder(URI.create(SERVICE.baseUrl() + "/v1/test_helpers/checkout/sessions/" + session + "/complete"))
			.header("Authorization", "Bearer " + backend.secretKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("outcome=card_success"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

		assertThat(SERVICE.awaitWebhookDeliveries(Duration.ofSeconds(20))).isTrue();
		assertThat(ledger.balance(org.id()).available()).as("free 100 + pack 1,000, through the webhook")
			.isEqualTo(Credits.of(1100));
	}

	private JsonNode call(String key, String method, String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
		return json.readTree(response.body());
	}

}
