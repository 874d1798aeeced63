package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestClockIT {

	private static final long T0 = Instant.parse("2026-01-15T00:00:00Z").getEpochSecond();

	private static final long FEB_15 = Instant.parse("2026-02-15T00:00:00Z").getEpochSecond();

	private static final long MAR_15 = Instant.parse("2026-03-15T00:00:00Z").getEpochSecond();

	private static final long HOUR = 3600;

	private static final long DAY = 86_400;

	private Emu emu;

	private WebhookReceiver receiver;

	private String secret;

	private TestClock clock;

	private Customer customer;

	private Price basic;

	private Subscription sub;

	private void start(EmulatorConfig.Builder config) throws Exception {
		emu = Emu.start(config);
		receiver = new WebhookReceiver();
		secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();
		Catalog catalog = new Catalog(emu.stripe);
		clock = emu.stripe.v1()
			.testHelpers()
			.testClocks()
			.create(TestClockCreateParams.builder().setFrozenTime(T0).setName("renewals").build());
		customer = catalog.customer("owner@example.com", clock.getId());
		basic = catalog.monthly(catalog.product("Basic"), 1000);
		sub = catalog.subscribe(customer, basic);
	}

	@AfterEach
	void stop() {
		emu.close();
		receiver.close();
	}

	private void advanceTo(long t) throws Exception {
		TestClock advanced = emu.stripe.v1()
			.testHelpers()
			.testClocks()
			.advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(t).build());
		assertThat(advanced.getStatus()).isEqualTo("ready");
		assertThat(advanced.getFrozenTime()).isEqualTo(t);
	}

	private Invoice latestInvoice() throws Exception {
		return emu.stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setSubscription(sub.getId()).build())
			.getData()
			.get(0);
	}

	private static String objectId(Event e) {
		return ((com.stripe.model.HasId) e.getDataObjectDeserializer().getObject().orElseThrow()).getId();
	}

	private Subscription subscription() throws Exception {
		return emu.stripe.v1().subscriptions().retrieve(sub.getId());
	}

	@Test
	void renewalDraftsAnInvoiceThatAcceptsItemsAndIsPaidAfterTheDraftWindow() throws Exception {
		start(EmulatorConfig.builder());
		SubscriptionItem item = sub.getItems().getData().get(0);
		assertThat(item.getCurrentPeriodStart()).isEqualTo(T0);
		assertThat(item.getCurrentPeriodEnd()).isEqualTo(FEB_15);

		advanceTo(FEB_15 + 10 * 60);
		Invoice draft = latestInvoice();
		assertThat(draft.getStatus()).isEqualTo("draft");
		assertThat(draft.getBillingReason()).isEqualTo("subscription_cycle");
		SubscriptionItem renewed = subscription().getItems().getData().get(0);
		assertThat(renewed.getCurrentPeriodStart()).isEqualTo(FEB_15);
		assertThat(renewed.getCurrentPeriodEnd()).isEqualTo(MAR_15);
		emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(customer.getId())
				.setInvoice(draft.getId())
				.setAmount(345L)
				.setCurrency("usd")
				.setDescription("Overage")
				.build());

		advanceTo(FEB_15 + 2 * HOUR);
		Invoice paid = emu.stripe.v1().invoices().retrieve(draft.getId());
		assertThat(paid.getStatus()).isEqualTo("paid");
		assertThat(paid.getAmountPaid()).isEqualTo(1345L);
		assertThat(paid.getLines().getData()).hasSize(2);
		assertThat(paid.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(sub.getId());

		List<Event> events = emu.stripe.v1()
			.events()
			.list(EventListParams.builder().setType("invoice.*").setLimit(100L).build())
			.getData();
		Event created = events.stream()
			.filter(e -> e.getType().equals("invoice.created") && objectId(e).equals(draft.getId()))
			.findFirst()
			.orElseThrow();
		Event paidEvent = events.stream()
			.filter(e -> e.getType().equals("invoice.paid") && objectId(e).equals(draft.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(created.getCreated()).isEqualTo(FEB_15);
		assertThat(paidEvent.getCreated()).isEqualTo(FEB_15 + HOUR);
		receiver.await(secret, e -> e.getType().equals("invoice.paid") && objectId(e).equals(draft.getId()),
				Duration.ofSeconds(30));
	}

	@Test
	void invoiceItemsCannotBeAttachedOnceTheInvoiceIsFinalized() throws Exception {
		start(EmulatorConfig.builder());
		advanceTo(FEB_15 + 2 * HOUR);
		Invoice paid = latestInvoice();

		assertThatThrownBy(() -> emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(customer.getId())
				.setInvoice(paid.getId())
				.setAmount(100L)
				.setCurrency("usd")
				.build()))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					e -> assertThat(e.getCode()).isEqualTo("invoice_not_editable"));
	}

	@Test
	void pendingInvoiceItemsAreSweptIntoTheNextRenewal() throws Exception {
		start(EmulatorConfig.builder());
		InvoiceItem pending = emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(customer.getId())
				.setUnitAmountDecimal(new java.math.BigDecimal("12.5"))
				.setQuantity(4L)
				.setCurrency("usd")
				.setDescription("Overage 4 × 12.5")
				.build());
		assertThat(pending.getAmount()).isEqualTo(50L);
		assertThat(pending.getInvoice()).isNull();

		advanceTo(FEB_15 + 2 * HOUR);

		Invoice renewal = latestInvoice();
		assertThat(renewal.getAmountPaid()).isEqualTo(1050L);
		assertThat(emu.stripe.v1().invoiceItems().retrieve(pending.getId()).getInvoice()).isEqualTo(renewal.getId());
		assertThat(
				emu.stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setPending(true).build()).getData())
			.isEmpty();
	}

	@Test
	void declinedRenewalGoesPastDueAndBecomesUnpaidAfterTheLastScheduledRetry() throws Exception {
		start(EmulatorConfig.builder());
		var set = emu.api("POST", "/v1/test_helpers/customers/" + customer.getId() + "/payment_outcome",
				"outcome=decline");
		assertThat(set.statusCode()).isEqualTo(200);
		long finalized = FEB_15 + HOUR;

		advanceTo(FEB_15 + 2 * HOUR);
		Invoice failed = latestInvoice();
		assertThat(failed.getStatus()).isEqualTo("open");
		assertThat(failed.getAttemptCount()).isEqualTo(1L);
		assertThat(failed.getNextPaymentAttempt()).isEqualTo(finalized + 3 * DAY);
		assertThat(subscription().getStatus()).isEqualTo("past_due");
		receiver.awaitType(secret, "invoice.payment_failed");
		receiver.await(secret,
				e -> e.getType().equals("customer.subscription.updated")
						&& ((Subscription) e.getDataObjectDeserializer().getObject().orElseThrow()).getStatus()
							.equals("past_due"),
				Duration.ofSeconds(30));

		advanceTo(finalized + 3 * DAY + HOUR);
		assertThat(emu.stripe.v1().invoices().retrieve(failed.getId()).getAttemptCount()).isEqualTo(2L);
		assertThat(subscription().getStatus()).isEqualTo("past_due");

		advanceTo(finalized + 15 * DAY + HOUR);
		Invoice exhausted = emu.stripe.v1().invoices().retrieve(failed.getId());
		assertThat(exhausted.getAttemptCount()).isEqualTo(4L);
		assertThat(exhausted.getNextPaymentAttempt()).isNull();
		assertThat(exhausted.getStatus()).isEqualTo("open");
		assertThat(subscription().getStatus()).isEqualTo("unpaid");
	}

	@Test
	void cancelScheduleCancelsTheSubscriptionAndMarksTheInvoiceUncollectible() throws Exception {
		start(EmulatorConfig.builder()
			.dunning(new DunningSchedule(List.of(Duration.ofDays(1)), DunningSchedule.FinalAction.CANCEL)));
		emu.emulator.setPaymentOutcome(customer.getId(), PaymentOutcome.DECLINE);

		advanceTo(FEB_15 + HOUR + DAY + HOUR);

		assertThat(latestInvoice().getStatus()).isEqualTo("uncollectible");
		assertThat(subscription().getStatus()).isEqualTo("canceled");
		receiver.awaitType(secret, "customer.subscription.deleted");
	}

	@Test
	void paymentThatSucceedsOnRetryReactivatesThePastDueSubscription() throws Exception {
		start(EmulatorConfig.builder());
		emu.emulator.setPaymentOutcome(customer.getId(), PaymentOutcome.DECLINE);
		advanceTo(FEB_15 + 2 * HOUR);
		assertThat(subscription().getStatus()).isEqualTo("past_due");

		emu.emulator.setPaymentOutcome(customer.getId(), PaymentOutcome.SUCCEED);
		advanceTo(FEB_15 + HOUR + 3 * DAY + HOUR);

		assertThat(latestInvoice().getStatus()).isEqualTo("paid");
		assertThat(subscription().getStatus()).isEqualTo("active");
	}

	@Test
	void cancelAtPeriodEndEndsTheSubscriptionWithoutAnotherInvoice() throws Exception {
		start(EmulatorConfig.builder());
		Subscription ending = emu.stripe.v1()
			.subscriptions()
			.update(sub.getId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
		assertThat(ending.getCancelAt()).isEqualTo(FEB_15);

		advanceTo(FEB_15 + 2 * HOUR);

		Subscription ended = subscription();
		assertThat(ended.getStatus()).isEqualTo("canceled");
		assertThat(ended.getEndedAt()).isEqualTo(FEB_15);
		assertThat(latestInvoice().getBillingReason()).isEqualTo("subscription_create");
		receiver.awaitType(secret, "customer.subscription.deleted");
	}

	@Test
	void midPeriodUpgradeCreatesProrationItemsForTheRemainingTime() throws Exception {
		start(EmulatorConfig.builder());
		Price pro = new Catalog(emu.stripe).monthly(new Catalog(emu.stripe).product("Pro"), 3000);
		advanceTo(T0 + 15 * DAY);

		Subscription upgraded = emu.stripe.v1()
			.subscriptions()
			.update(sub.getId(),
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder()
							.setId(sub.getItems().getData().get(0).getId())
							.setPrice(pro.getId())
							.build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
						.build());

		assertThat(upgraded.getItems().getData().get(0).getPrice().getId()).isEqualTo(pro.getId());
		assertThat(upgraded.getItems().getData().get(0).getCurrentPeriodEnd()).isEqualTo(FEB_15);
		List<InvoiceItem> prorations = emu.stripe.v1()
			.invoiceItems()
			.list(InvoiceItemListParams.builder().setCustomer(customer.getId()).setPending(true).build())
			.getData();
		// 16 of 31 days remain: credit 1000 × 16/31 = 516.13, charge 3000 × 16/31 =
		// 1548.39.
		assertThat(prorations).extracting(InvoiceItem::getAmount).containsExactlyInAnyOrder(-516L, 1548L);
		assertThat(prorations).allMatch(InvoiceItem::getProration);
		assertThat(prorations)
			.allMatch(ii -> ii.getParent().getSubscriptionDetails().getSubscription().equals(sub.getId()));

		advanceTo(FEB_15 + 2 * HOUR);
		assertThat(latestInvoice().getAmountPaid()).isEqualTo(3000L - 516L + 1548L);
	}

	@Test
	void aSeatQuantityChangeProratesWithTheQuantitiesOnTheLinesAndNoneWaitsForRenewal() throws Exception {
		start(EmulatorConfig.builder());
		advanceTo(T0 + 15 * DAY);
		String item = sub.getItems().getData().get(0).getId();

		emu.stripe.v1()
			.subscriptions()
			.update(sub.getId(),
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder().setId(item).setQuantity(3L).build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
						.build());
		List<InvoiceItem> prorations = emu.stripe.v1()
			.invoiceItems()
			.list(InvoiceItemListParams.builder().setCustomer(customer.getId()).setPending(true).build())
			.getData();
		// 16 of 31 days remain: credit 1 × 1000 × 16/31 = 516.13, charge 3 × 1000 × 16/31
		// = 1548.39.
		assertThat(prorations).extracting(InvoiceItem::getAmount).containsExactlyInAnyOrder(-516L, 1548L);
		assertThat(prorations).extracting(InvoiceItem::getQuantity).containsExactlyInAnyOrder(1L, 3L);
		assertThat(prorations).filteredOn(ii -> ii.getQuantity() == 3L)
			.extracting(ii -> ii.getPricing().getUnitAmountDecimal())
			.containsExactly(new java.math.BigDecimal("516"));

		// Fewer seats without proration: nothing now, the renewal bills 2 × 1000 (plus
		// the pending prorations).
		emu.stripe.v1()
			.subscriptions()
			.update(sub.getId(),
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder().setId(item).setQuantity(2L).build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
						.build());
		assertThat(emu.stripe.v1()
			.invoiceItems()
			.list(InvoiceItemListParams.builder().setCustomer(customer.getId()).setPending(true).build())
			.getData()).hasSize(2);
		advanceTo(FEB_15 + 2 * HOUR);
		assertThat(latestInvoice().getAmountPaid()).isEqualTo(2000L - 516L + 1548L);
	}

	@Test
	void alwaysInvoiceChargesTheProrationImmediately() throws Exception {
		start(EmulatorConfig.builder());
		Price pro = new Catalog(emu.stripe).monthly(new Catalog(emu.stripe).product("Pro"), 3000);
		advanceTo(T0 + 15 * DAY);

		emu.stripe.v1()
			.subscriptions()
			.update(sub.getId(),
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder()
							.setId(sub.getItems().getData().get(0).getId())
							.setPrice(pro.getId())
							.build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
						.build());

		Invoice update = latestInvoice();
		assertThat(update.getBillingReason()).isEqualTo("subscription_update");
		assertThat(update.getStatus()).isEqualTo("paid");
		assertThat(update.getAmountPaid()).isEqualTo(1548L - 516L);
	}

	@Test
	void trialStartsTrialingAndTheFirstChargeComesAtTrialEnd() throws Exception {
		start(EmulatorConfig.builder());
		Customer trialer = new Catalog(emu.stripe).customer("trial@example.com", clock.getId());
		Subscription trial = emu.stripe.v1()
			.subscriptions()
			.create(SubscriptionCreateParams.builder()
				.setCustomer(trialer.getId())
				.setTrialPeriodDays(14L)
				.addItem(SubscriptionCreateParams.Item.builder().setPrice(basic.getId()).build())
				.build());
		assertThat(trial.getStatus()).isEqualTo("trialing");
		assertThat(emu.stripe.v1().invoices().retrieve(trial.getLatestInvoice()).getAmountPaid()).isZero();

		advanceTo(T0 + 14 * DAY + 2 * HOUR);

		Subscription active = emu.stripe.v1().subscriptions().retrieve(trial.getId());
		assertThat(active.getStatus()).isEqualTo("active");
		Invoice first = emu.stripe.v1().invoices().retrieve(active.getLatestInvoice());
		assertThat(first.getBillingReason()).isEqualTo("subscription_cycle");
		assertThat(first.getAmountPaid()).isEqualTo(1000L);
		assertThat(active.getItems().getData().get(0).getCurrentPeriodStart()).isEqualTo(T0 + 14 * DAY);
	}

	@Test
	void firstInvoiceDeclinedLeavesTheSubscriptionIncompleteUntilItExpires() throws Exception {
		start(EmulatorConfig.builder());
		Customer decliner = new Catalog(emu.stripe).customer("decline@example.com", clock.getId());
		emu.emulator.setPaymentOutcome(decliner.getId(), PaymentOutcome.DECLINE);

		Subscription incomplete = emu.stripe.v1()
			.subscriptions()
			.create(SubscriptionCreateParams.builder()
				.setCustomer(decliner.getId())
				.addItem(SubscriptionCreateParams.Item.builder().setPrice(basic.getId()).build())
				.build());
		assertThat(incomplete.getStatus()).isEqualTo("incomplete");
		assertThat(emu.stripe.v1().invoices().retrieve(incomplete.getLatestInvoice()).getStatus()).isEqualTo("open");

		advanceTo(T0 + DAY);

		assertThat(emu.stripe.v1().subscriptions().retrieve(incomplete.getId()).getStatus())
			.isEqualTo("incomplete_expired");
		assertThat(emu.stripe.v1().invoices().retrieve(incomplete.getLatestInvoice()).getStatus()).isEqualTo("void");
	}

	@Test
	void errorIfIncompleteRefusesADecliningCustomerAndCreatesNothing() throws Exception {
		start(EmulatorConfig.builder());
		Customer decliner = new Catalog(emu.stripe).customer("decline@example.com", clock.getId());
		emu.emulator.setPaymentOutcome(decliner.getId(), PaymentOutcome.DECLINE);

		assertThatThrownBy(() -> emu.stripe.v1()
			.subscriptions()
			.create(SubscriptionCreateParams.builder()
				.setCustomer(decliner.getId())
				.setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ERROR_IF_INCOMPLETE)
				.addItem(SubscriptionCreateParams.Item.builder().setPrice(basic.getId()).build())
				.build()))
			.isInstanceOf(com.stripe.exception.CardException.class);
		assertThat(emu.stripe.v1()
			.subscriptions()
			.list(com.stripe.param.SubscriptionListParams.builder()
				.setCustomer(decliner.getId())
				.setStatus(com.stripe.param.SubscriptionListParams.Status.ALL)
				.build())
			.getData()).isEmpty();
	}

	@Test
	void manualInvoiceWithAutoAdvanceIsCollectedAfterTheDraftWindow() throws Exception {
		start(EmulatorConfig.builder());
		emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(customer.getId())
				.setAmount(700L)
				.setCurrency("usd")
				.setDescription("Missed overage")
				.build());
		Invoice manual = emu.stripe.v1()
			.invoices()
			.create(com.stripe.param.InvoiceCreateParams.builder()
				.setCustomer(customer.getId())
				.setAutoAdvance(true)
				.setPendingInvoiceItemsBehavior(
						com.stripe.param.InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
				.build());
		assertThat(manual.getStatus()).isEqualTo("draft");
		assertThat(manual.getBillingReason()).isEqualTo("manual");
		assertThat(manual.getAutomaticallyFinalizesAt()).isEqualTo(T0 + HOUR);

		advanceTo(T0 + 2 * HOUR);

		Invoice collected = emu.stripe.v1().invoices().retrieve(manual.getId());
		assertThat(collected.getStatus()).isEqualTo("paid");
		assertThat(collected.getAmountPaid()).isEqualTo(700L);
	}

}
