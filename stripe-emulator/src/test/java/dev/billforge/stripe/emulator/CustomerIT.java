package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Customer;
import com.stripe.model.StripeSearchResult;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.SubscriptionRetrieveParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerIT {

	@Test
	void updateEmitsPreviousAttributesAndDeleteLeavesATombstone() throws Exception {
		try (Emu emu = Emu.start(); WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();
			Catalog catalog = new Catalog(emu.stripe);
			Customer customer = catalog.customer("old@example.com", null);
			Subscription sub = catalog.subscribe(customer, catalog.monthly(catalog.product("Pro"), 2000));

			emu.stripe.v1()
				.customers()
				.update(customer.getId(), CustomerUpdateParams.builder().setEmail("new@example.com").build());
			Event updated = receiver.awaitType(secret, "customer.updated");
			@SuppressWarnings("unchecked")
			Map<String, Object> previous = (Map<String, Object>) (Map<?, ?>) updated.getData().getPreviousAttributes();
			assertThat(previous).containsEntry("email", "old@example.com");

			Customer deleted = emu.stripe.v1().customers().delete(customer.getId());
			assertThat(deleted.getDeleted()).isTrue();
			assertThat(emu.stripe.v1().customers().retrieve(customer.getId()).getDeleted()).isTrue();
			assertThat(emu.stripe.v1().subscriptions().retrieve(sub.getId()).getStatus()).isEqualTo("canceled");
			receiver.awaitType(secret, "customer.subscription.deleted");
			Event gone = receiver.awaitType(secret, "customer.deleted");
			assertThat(((Customer) gone.getDataObjectDeserializer().getObject().orElseThrow()).getEmail())
				.isEqualTo("new@example.com");
		}
	}

	@Test
	void expandReplacesIdsWithObjects() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Customer customer = catalog.customer("o@example.com", null);
			Subscription sub = catalog.subscribe(customer, catalog.monthly(catalog.product("Pro"), 2000));

			Subscription expanded = emu.stripe.v1()
				.subscriptions()
				.retrieve(sub.getId(),
						SubscriptionRetrieveParams.builder()
							.addExpand("latest_invoice")
							.addExpand("customer")
							.addExpand("items.data.price.product")
							.build());

			Invoice invoice = expanded.getLatestInvoiceObject();
			assertThat(invoice.getStatus()).isEqualTo("paid");
			assertThat(expanded.getCustomerObject().getEmail()).isEqualTo("o@example.com");
			assertThat(expanded.getItems().getData().get(0).getPrice().getProductObject().getName()).isEqualTo("Pro");
		}
	}

	@Test
	void customersAreSearchableByMetadata() throws Exception {
		try (Emu emu = Emu.start()) {
			Customer mine = new Catalog(emu.stripe).customer("o@example.com", null);
			emu.stripe.v1()
				.customers()
				.create(com.stripe.param.CustomerCreateParams.builder().putMetadata("org_id", "org_2").build());

			StripeSearchResult<Customer> result = emu.stripe.v1()
				.customers()
				.search(CustomerSearchParams.builder().setQuery("metadata['org_id']:'org_1'").build());

			assertThat(result.getData()).extracting(Customer::getId).containsExactly(mine.getId());
		}
	}

}
