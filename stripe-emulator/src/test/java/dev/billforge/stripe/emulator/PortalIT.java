package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.billingportal.Session;
import com.stripe.param.billingportal.SessionCreateParams;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalIT {

	@Test
	void portalSwitchesPlanCancelsAtPeriodEndAndReactivates() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Price basic = catalog.monthly(catalog.product("Basic"), 1000);
			Price pro = catalog.monthly(catalog.product("Pro"), 3000);
			Customer customer = catalog.customer("owner@example.com", null);
			Subscription sub = catalog.subscribe(customer, basic);
			Session portal = emu.stripe.v1()
				.billingPortal()
				.sessions()
				.create(SessionCreateParams.builder()
					.setCustomer(customer.getId())
					.setReturnUrl("https://app.test/billing")
					.build());
			assertThat(portal.getUrl()).startsWith(emu.emulator.publicBaseUrl() + "/portal/bps_");

			String page = emu.get(portal.getUrl()).body();
			assertThat(page).contains("TEST MODE — payments are simulated")
				.contains("Basic")
				.contains("Cancel at period end")
				.contains("https://app.test/billing");

			HttpResponse<String> switched = emu.postForm(portal.getUrl() + "/switch",
					Map.of("subscription", sub.getId(), "price", pro.getId()));
			assertThat(switched.statusCode()).isEqualTo(303);
			Subscription onPro = emu.stripe.v1().subscriptions().retrieve(sub.getId());
			assertThat(onPro.getItems().getData().get(0).getPrice().getId()).isEqualTo(pro.getId());
			Invoice proration = emu.stripe.v1().invoices().retrieve(onPro.getLatestInvoice());
			assertThat(proration.getBillingReason()).isEqualTo("subscription_update");
			assertThat(proration.getStatus()).isEqualTo("paid");
			assertThat(proration.getAmountPaid()).isPositive();

			emu.postForm(portal.getUrl() + "/cancel", Map.of("subscription", sub.getId()));
			assertThat(emu.stripe.v1().subscriptions().retrieve(sub.getId()).getCancelAtPeriodEnd()).isTrue();
			assertThat(emu.get(portal.getUrl()).body()).contains("Cancels on").contains("Reactivate");

			emu.postForm(portal.getUrl() + "/reactivate", Map.of("subscription", sub.getId()));
			Subscription reactivated = emu.stripe.v1().subscriptions().retrieve(sub.getId());
			assertThat(reactivated.getCancelAtPeriodEnd()).isFalse();
			assertThat(reactivated.getCancelAt()).isNull();
		}
	}

	@Test
	void portalRefusesSubscriptionsOfOtherCustomers() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Price basic = catalog.monthly(catalog.product("Basic"), 1000);
			Subscription foreign = catalog.subscribe(catalog.customer("other@example.com", null), basic);
			Customer me = catalog.customer("me@example.com", null);
			Session portal = emu.stripe.v1()
				.billingPortal()
				.sessions()
				.create(SessionCreateParams.builder().setCustomer(me.getId()).build());

			HttpResponse<String> attempt = emu.postForm(portal.getUrl() + "/cancel",
					Map.of("subscription", foreign.getId()));

			assertThat(attempt.statusCode()).isEqualTo(404);
			assertThat(emu.stripe.v1().subscriptions().retrieve(foreign.getId()).getCancelAtPeriodEnd()).isFalse();
		}
	}

}
