package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Event;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookDeliveryIT {

	private static List<String> createCustomers(Emu emu, int n) throws Exception {
		for (int i = 0; i < n; i++) {
			emu.stripe.v1()
				.customers()
				.create(CustomerCreateParams.builder().setEmail("c" + i + "@example.com").build());
		}
		List<String> ids = new ArrayList<>();
		emu.stripe.v1()
			.events()
			.list(EventListParams.builder().setType("customer.created").setLimit(100L).build())
			.getData()
			.forEach(e -> ids.add(e.getId()));
		Collections.reverse(ids);
		return ids;
	}

	/**
	 * How many verified copies of each event arrived, in creation order of the events.
	 */
	private static List<Integer> copies(List<String> eventIds, List<Event> received) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		received.forEach(e -> counts.merge(e.getId(), 1, Integer::sum));
		return eventIds.stream().map(id -> counts.getOrDefault(id, 0)).toList();
	}

	@Test
	void failedDeliveriesAreRetriedUntilTheEndpointAccepts() throws Exception {
		try (Emu emu = Emu.start(); WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();
			receiver.failNext(3);

			List<String> ids = createCustomers(emu, 1);

			assertThat(receiver.awaitType(secret, "customer.created").getId()).isEqualTo(ids.get(0));
			assertThat(receiver.rejectedCount()).isEqualTo(3);
			assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(30))).isTrue();
			assertThat(receiver.events(secret)).hasSize(1);
		}
	}

	@Test
	void endpointsOnlyReceiveTheEventTypesTheyEnabled() throws Exception {
		try (Emu emu = Emu.start(); WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator.registerWebhookEndpoint(receiver.url(), List.of("product.created")).secret();
			createCustomers(emu, 2);
			new Catalog(emu.stripe).product("Pro");

			receiver.awaitType(secret, "product.created");
			assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(30))).isTrue();
			assertThat(receiver.events(secret)).extracting(Event::getType).containsExactly("product.created");
		}
	}

	@Test
	void chaoticDeliveryDeliversEveryEventWithDuplicatesAndReordering() throws Exception {
		try (Emu emu = Emu.start(EmulatorConfig.builder().chaos(new WebhookChaos(42, 2000, 0.25)));
				WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();

			List<String> ids = createCustomers(emu, 30);

			assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(60))).isTrue();
			List<Event> received = receiver.events(secret);
			List<Integer> copies = copies(ids, received);
			assertThat(copies).allMatch(c -> c >= 1 && c <= 3);
			assertThat(copies).anyMatch(c -> c >= 2);
			List<String> firstArrival = received.stream().map(Event::getId).distinct().toList();
			assertThat(firstArrival).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(firstArrival).isNotEqualTo(ids);
		}
	}

	@Test
	void theSameSeedMakesTheSameDuplicationDecisions() throws Exception {
		List<List<Integer>> runs = new ArrayList<>();
		for (int run = 0; run < 2; run++) {
			try (Emu emu = Emu.start(EmulatorConfig.builder().chaos(new WebhookChaos(7, 20, 0.3)));
					WebhookReceiver receiver = new WebhookReceiver()) {
				String secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();
				List<String> ids = createCustomers(emu, 15);
				assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(60))).isTrue();
				runs.add(copies(ids, receiver.events(secret)));
			}
		}
		assertThat(runs.get(1)).isEqualTo(runs.get(0));
	}

}
