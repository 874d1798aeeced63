package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionUpdateParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.stripe.emulator.PaymentOutcome;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * A subscription's life through a test clock, as the org's credits and access see it:
 * subscribe → upgrade (only the allowance difference) → downgrade (nothing granted,
 * overage off) → renewal with a declined card (past_due, still allowed within the grace)
 * → dunning past the grace (blocked) → paid (unblocked, the renewal's allowance granted)
 * → canceled (blocked).
 */
@BillingIntegrationTest(properties = "billforge.billing.past-due-grace=7d")
class SubscriptionLifecycleIT {

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	BillingFlows flows;

	@Autowired
	SubscriptionSync subscriptions;

	@Autowired
	MutableClock clock;

	@Autowired
	EmulatorSteps emulator;

	private String testClock;

	@Test
	void upgradeDowngradeDunningAndCancelReachTheLedger() throws Exception {
		Org org = orgs.create("Lifecycle", ZoneId.of("UTC"));
		testClock = emulator.testClock(clock.instant());
		Customer customer = emulator.customerOn(testClock, org);

		String session = flows.checkout(org.id(), "test_individual_monthly", 1).id();
		emulator.completeCheckout(session, "card_success");
		emulator.settle();
		SubscriptionView sub = subscriptions.current(org.id()).orElseThrow();
		assertThat(sub.tier()).isEqualTo("individual");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2100));
		assertThat(ledger.balance(org.id()).overageAllowed()).as("individual has no overage price").isFalse();

		// Upgrade now with proration: only the difference (15,000 - 2,000), never a
		// second full allowance.
		switchTo(sub.id(), "test_team_monthly");
		assertThat(subscriptions.current(org.id()).orElseThrow().tier()).isEqualTo("team");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(15100));
		assertThat(ledger.balance(org.id()).overageAllowed()).isTrue();

		// Downgrade: a credit note on the invoice, no credits; overage off again.
		switchTo(sub.id(), "test_individual_monthly");
		assertThat(subscriptions.current(org.id()).orElseThrow().tier()).isEqualTo("individual");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(15100));
		assertThat(ledger.balance(org.id()).overageAllowed()).isFalse();

		// Renewal with a declining card: past_due, but work is still allowed within the
		// grace.
		backend.emulator().setPaymentOutcome(customer.getId(), PaymentOutcome.DECLINE);
		Instant periodEnd = subscriptions.current(org.id()).orElseThrow().currentPeriodEnd();
		emulator.advance(testClock, periodEnd.plusSeconds(60));
		emulator.advance(testClock, periodEnd.plus(Duration.ofHours(2)));
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("past_due");
		assertThat(ledger.balance(org.id()).blockedReason()).isNull();
		assertThat(ledger.check(org.id(), Credits.of(1)).allowed()).isTrue();

		// Dunning retries fail past the 7-day grace: new work is denied.
		emulator.advance(testClock, periodEnd.plus(Duration.ofDays(8)).plus(Duration.ofHours(3)));
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("past_due");
		assertThat(ledger.balance(org.id()).blockedReason()).isEqualTo("payment_past_due");
		assertThat(ledger.check(org.id(), Credits.of(1)).allowed()).isFalse();

		// The customer fixes the card and the open invoice is paid: access is back, the
		// allowance arrives.
		backend.emulator().setPaymentOutcome(customer.getId(), PaymentOutcome.SUCCEED);
		String open = stripe.v1().subscriptions().retrieve(sub.id()).getLatestInvoice();
		emulator.form("/v1/invoices/" + open + "/pay", "");
		emulator.settle();
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("active");
		assertThat(ledger.balance(org.id()).blockedReason()).isNull();
		assertThat(ledger.balance(org.id()).grants()).anySatisfy(g -> {
			assertThat(g.reference()).isEqualTo(open);
			assertThat(g.amount()).isEqualTo(Credits.of(2000));
		});

		// Cancel: no new work.
		stripe.v1().subscriptions().cancel(sub.id());
		emulator.settle();
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("canceled");
		assertThat(ledger.balance(org.id()).blockedReason()).isEqualTo("subscription_canceled");
	}

	private void switchTo(String subscriptionId, String lookupKey) throws Exception {
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		String price = stripe.v1()
			.prices()
			.list(PriceListParams.builder().addLookupKey(lookupKey).build())
			.getData()
			.get(0)
			.getId();
		stripe.v1()
			.subscriptions()
			.update(subscriptionId,
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder()
							.setId(sub.getItems().getData().get(0).getId())
							.setPrice(price)
							.build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
						.build());
		emulator.settle();
	}

}
