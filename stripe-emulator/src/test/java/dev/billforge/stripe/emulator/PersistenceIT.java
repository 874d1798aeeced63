package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceListParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceIT {

	@Test
	void customersSubscriptionsKeysAndWebhookSecretsSurviveARestart(@TempDir Path dir) throws Exception {
		String customerId;
		String subscriptionId;
		String priceId;
		WebhookEndpointRegistration hook;
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("org-7-customer").build();
		CustomerCreateParams params = CustomerCreateParams.builder().setEmail("keep@example.com").build();
		try (Emu first = Emu.start(EmulatorConfig.builder().stateDirectory(dir))) {
			Catalog catalog = new Catalog(first.stripe);
			Price price = catalog.monthly(catalog.product("Pro"), 2000);
			Customer customer = first.stripe.v1().customers().create(params, key);
			Subscription sub = catalog.subscribe(customer, price);
			hook = first.emulator.registerWebhookEndpoint("http://127.0.0.1:9/stripe/webhook");
			customerId = customer.getId();
			subscriptionId = sub.getId();
			priceId = price.getId();
		}

		try (Emu second = Emu.start(EmulatorConfig.builder().stateDirectory(dir))) {
			assertThat(second.stripe.v1().customers().retrieve(customerId).getEmail()).isEqualTo("keep@example.com");
			assertThat(second.stripe.v1().subscriptions().retrieve(subscriptionId).getStatus()).isEqualTo("active");
			assertThat(second.stripe.v1().prices().list(PriceListParams.builder().build()).getData())
				.extracting(Price::getId)
				.containsExactly(priceId);
			assertThat(second.stripe.v1().customers().create(params, key).getId()).isEqualTo(customerId);
			assertThat(second.emulator.registerWebhookEndpoint("http://127.0.0.1:9/stripe/webhook")).isEqualTo(hook);
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stripe-emulator-state.json");
		}
	}

	@Test
	void deliveriesStillPendingAtShutdownAreSentAfterTheRestart(@TempDir Path dir) throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.failNext(1);
			String secret;
			String customerId;
			try (Emu first = new Emu(StripeEmulator.start(EmulatorConfig.builder()
				.stateDirectory(dir)
				.webhookInitialBackoff(java.time.Duration.ofMinutes(10))
				.build()))) {
				secret = first.emulator.registerWebhookEndpoint(receiver.url()).secret();
				customerId = first.stripe.v1()
					.customers()
					.create(CustomerCreateParams.builder().setEmail("late@example.com").build())
					.getId();
				long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
				while (receiver.rejectedCount() == 0 && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(receiver.rejectedCount()).isEqualTo(1);
			}

			try (Emu second = Emu.start(EmulatorConfig.builder().stateDirectory(dir))) {
				com.stripe.model.Event event = receiver.awaitType(secret, "customer.created");
				assertThat(((Customer) event.getDataObjectDeserializer().getObject().orElseThrow()).getId())
					.isEqualTo(customerId);
				assertThat(second.emulator.awaitWebhookDeliveries(java.time.Duration.ofSeconds(30))).isTrue();
				assertThat(second.stripe.v1().events().retrieve(event.getId()).getPendingWebhooks()).isZero();
			}
		}
	}

}
