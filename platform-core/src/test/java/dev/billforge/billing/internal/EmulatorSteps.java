package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;

import dev.billforge.orgs.Org;
import dev.billforge.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe emulator's test helpers as the billing ITs use them
 * ({@link BillingIntegrationTest} provides it): a customer on a test clock linked to an
 * org, completing a Checkout, moving the test clock together with the app's clock, and
 * waiting until the webhooks a step caused are handled.
 */
class EmulatorSteps {

	private final StripeBackend backend;

	private final StripeClient stripe;

	private final CustomerDirectory customers;

	private final MutableClock clock;

	private final JsonMapper json;

	private final String product;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	EmulatorSteps(StripeBackend backend, StripeClient stripe, CustomerDirectory customers, MutableClock clock,
			JsonMapper json, @Value("${billforge.product.tag}") String product) {
		this.backend = backend;
		this.stripe = stripe;
		this.customers = customers;
		this.clock = clock;
		this.json = json;
		this.product = product;
	}

	/** A new test clock frozen at {@code time}: its id. */
	String testClock(Instant time) throws Exception {
		return form("/v1/test_helpers/test_clocks", "frozen_time=" + time.getEpochSecond()).get("id").asString();
	}

	/**
	 * A DocRouter customer for {@code org} on {@code testClock}, linked as the org's
	 * Stripe customer.
	 */
	Customer customerOn(String testClock, Org org) throws StripeException {
		Customer customer = stripe.v1()
			.customers()
			.create(CustomerCreateParams.builder()
				.setName(org.name())
				.putMetadata("org_id", org.id().value())
				.putMetadata("product", product)
				.setTestClock(testClock)
				.build());
		customers.link(org.id(), customer.getId());
		return customer;
	}

	/**
	 * Pays (or fails) a Checkout Session the way the hosted page would: {@code outcome}
	 * e.g. card_success.
	 */
	void completeCheckout(String sessionId, String outcome) throws Exception {
		form("/v1/test_helpers/checkout/sessions/" + sessionId + "/complete", "outcome=" + outcome);
	}

	/**
	 * Moves the app's clock and the test clock to {@code to}, then waits for the webhooks
	 * that caused.
	 */
	void advance(String testClock, Instant to) throws Exception {
		clock.set(to);
		form("/v1/test_helpers/test_clocks/" + testClock + "/advance", "frozen_time=" + to.getEpochSecond());
		settle();
	}

	/** Waits until every webhook the emulator has sent so far was answered. */
	void settle() throws InterruptedException {
		assertThat(backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(60))).as("webhooks delivered").isTrue();
	}

	/**
	 * A form POST to the emulator's API with the secret key; asserts 200 and returns the
	 * JSON answer.
	 */
	JsonNode form(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(backend.apiBase() + path))
			.header("Authorization", "Bearer " + backend.secretKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
