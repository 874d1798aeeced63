package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PromotionCodeListParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantSource;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.notifications.Notification;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import dev.billforge.web.BillingLinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trials, promotion codes and Stripe Tax through Checkout and a test clock, as the org's
 * credits, notifications and invoices see them (catalog
 * {@code billing-trials-catalog.yml}, tax on; the emulator taxes DE at 19 %).
 */
@BillingIntegrationTest(properties = { "billforge.billing.catalog.location=classpath:billing-trials-catalog.yml",
		"billforge.billing.tax.enabled=true" })
class TrialsCouponsTaxIT {

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	BillingFlows flows;

	@Autowired
	SubscriptionSync subscriptions;

	@Autowired
	Notifications notifications;

	@Autowired
	BillingLinks links;

	@Autowired
	Metering metering;

	@Autowired
	WebhookProcessor processor;

	@Autowired
	MutableClock clock;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	CatalogPusher pusher;

	@Test
	void aTrialGrantsItsCreditsWarnsThreeDaysAheadAndConvertsWithADiscountedTaxedInvoiceAndTheFullAllowance()
			throws Exception {
		Org org = orgs.create("Trial team", ZoneId.of("UTC"));
		Instant start = clock.instant();
		String testClock = customerOnTestClock(org);
		assertThat(links.plans(org.id(), Locale.ENGLISH)).anySatisfy(o -> {
			assertThat(o.lookupKey()).isEqualTo("trial_team_monthly");
			assertThat(o.trialDays()).isEqualTo(14);
		});

		String session = flows.checkout(org.id(), "trial_team_monthly", 1).id();
		Session created = stripe.v1().checkout().sessions().retrieve(session);
		assertThat(created.getAllowPromotionCodes()).isTrue();
		assertThat(created.getAutomaticTax().getEnabled()).isTrue();
		assertThat(created.getBillingAddressCollection()).isEqualTo("required");
		assertThat(created.getTaxIdCollection().getEnabled()).isTrue();
		assertThat(created.getPaymentMethodCollection()).as("card required for this trial").isEqualTo("always");
		emulator.form("/v1/test_helpers/checkout/sessions/" + session + "/complete",
				"outcome=card_success&country=DE&promotion_code=launch");
		emulator.settle();

		SubscriptionView sub = subscriptions.current(org.id()).orElseThrow();
		assertThat(sub.status()).isEqualTo("trialing");
		Instant trialEnd = sub.trialEnd();
		assertThat(trialEnd).isEqualTo(start.plus(Duration.ofDays(14)));
		assertThat(ledger.balance(org.id()).available()).as("free 100 + trial 500, no allowance yet")
			.isEqualTo(Credits.of(600));
		assertThat(ledger.balance(org.id()).grants()).anySatisfy(g -> {
			assertThat(g.source()).isEqualTo(GrantSource.PROMO);
			assertThat(g.amount()).isEqualTo(Credits.of(500));
			assertThat(g.expiresAt()).isEqualTo(trialEnd);
		}).noneSatisfy(g -> assertThat(g.source()).isEqualTo(GrantSource.PLAN_ALLOWANCE));

		// Three days ahead: one notice in the org's inbox (and its delivery channels),
		// even when redelivered.
		emulator.advance(testClock, trialEnd.minus(Duration.ofDays(3)).minusSeconds(60));
		assertThat(trialNotices(org)).isEmpty();
		emulator.advance(testClock, trialEnd.minus(Duration.ofDays(3)).plusSeconds(60));
		assertThat(trialNotices(org)).singleElement().satisfies(n -> {
			assertThat(n.details()).containsEntry("trialEnd", trialEnd.toString());
			assertThat(n.details()).containsEntry("subscription", sub.id());
		});
		for (JsonNode event : StripeEvents.all(backend, json)) {
			processor.apply(event.get("type").asString(), event.get("data").get("object"));
		}
		assertThat(trialNotices(org)).hasSize(1);

		// The trial ends: the first paid invoice is 50 % off, taxed at 19 %, and grants
		// the full allowance.
		emulator.advance(testClock, trialEnd.plusSeconds(60));
		emulator.advance(testClock, trialEnd.plus(Duration.ofHours(2)));
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("active");
		Invoice first = cycleInvoices(org).get(0);
		assertThat(first.getStatus()).isEqualTo("paid");
		assertThat(first.getSubtotal()).isEqualTo(9900L);
		assertThat(CheckoutOptions.discount(first)).isEqualTo(4950L);
		assertThat(CheckoutOptions.tax(first)).as("19 % of 4,950").isEqualTo(941L);
		assertThat(first.getAmountPaid()).isEqualTo(4950L + 941L);
		assertThat(ledger.balance(org.id()).grants()).anySatisfy(g -> {
			assertThat(g.source()).isEqualTo(GrantSource.PLAN_ALLOWANCE);
			assertThat(g.reference()).isEqualTo(first.getId());
			assertThat(g.amount()).as("a discount never changes the credits").isEqualTo(Credits.of(15000));
		});
		assertThat(links.invoices(org.id(), Locale.ENGLISH)).anySatisfy(i -> {
			assertThat(i.number()).isEqualTo(first.getNumber());
			assertThat(i.amount()).isEqualTo("$58.91");
			assertThat(i.discount()).isEqualTo("$49.50");
			assertThat(i.tax()).isEqualTo("$9.41");
		});
		JsonNode listed = json.valueToTree(flows.invoices(org.id(), 10));
		assertThat(listed.findValues("tax").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(941L);

		// 100 SPU beyond allowance and free credits: the overage line is discounted and
		// taxed like the plan.
		Instant periodEnd = subscriptions.current(org.id()).orElseThrow().currentPeriodEnd();
		metering.record(org.id(),
				List.of(new UsageEvent("u2", "page", new BigDecimal("15200"), clock.instant(), Map.of())), false);
		emulator.advance(testClock, periodEnd.plusSeconds(60));
		emulator.advance(testClock, periodEnd.plus(Duration.ofHours(2)));
		Invoice second = cycleInvoices(org).get(0);
		List<InvoiceLineItem> overage = stripe.v1()
			.invoices()
			.lineItems()
			.list(second.getId())
			.getData()
			.stream()
			.filter(l -> l.getDescription() != null && l.getDescription().startsWith("Overage"))
			.toList();
		assertThat(overage).singleElement().satisfies(l -> {
			assertThat(l.getAmount()).isEqualTo(100L);
			assertThat(l.getTaxes()).singleElement().satisfies(t -> {
				assertThat(t.getTaxableAmount()).isEqualTo(50L);
				assertThat(t.getAmount()).isEqualTo(10L);
			});
		});
		assertThat(second.getAmountPaid()).as("(9,900 + 100) / 2 + 19 % per line (941 + 10)").isEqualTo(5000L + 951L);
	}

	@Test
	void aTrialWithoutACardThatEndsUnpaidFallsBackToTheFreeTier() throws Exception {
		Org org = orgs.create("Trial starter", ZoneId.of("UTC"));
		String testClock = customerOnTestClock(org);
		String session = flows.checkout(org.id(), "trial_starter_monthly", 1).id();
		assertThat(stripe.v1().checkout().sessions().retrieve(session).getPaymentMethodCollection())
			.isEqualTo("if_required");
		emulator.form("/v1/test_helpers/checkout/sessions/" + session + "/complete", "outcome=no_card&country=FR");
		emulator.settle();
		SubscriptionView sub = subscriptions.current(org.id()).orElseThrow();
		assertThat(sub.status()).isEqualTo("trialing");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(300));

		emulator.advance(testClock, sub.trialEnd().plusSeconds(60));
		assertThat(subscriptions.current(org.id()).orElseThrow().status()).isEqualTo("canceled");
		assertThat(ledger.balance(org.id()).blockedReason()).as("free tier, not blocked").isNull();
		assertThat(ledger.balance(org.id()).overageAllowed()).isFalse();
		assertThat(ledger.check(org.id(), Credits.of(1)).allowed()).isTrue();
		assertThat(ledger.balance(org.id()).grants())
			.noneSatisfy(g -> assertThat(g.source()).isEqualTo(GrantSource.PLAN_ALLOWANCE));

		// No second trial: the org has had a subscription.
		assertThat(links.plans(org.id(), Locale.ENGLISH)).allSatisfy(o -> assertThat(o.trialDays()).isNull());
		String again = flows.checkout(org.id(), "trial_starter_monthly", 1).id();
		assertThat(stripe.v1().checkout().sessions().retrieve(again).getPaymentMethodCollection()).isEqualTo("always");
	}

	@Test
	void aDiscountedPackGrantsAllItsCreditsAndItsTaxIsOnTheSession() throws Exception {
		Org org = orgs.create("Pack buyer", ZoneId.of("UTC"));
		customerOnTestClock(org);
		String session = flows.checkout(org.id(), "trial_pack_1000", 1).id();
		emulator.form("/v1/test_helpers/checkout/sessions/" + session + "/complete",
				"outcome=card_success&country=GB&promotion_code=TENOFF");
		emulator.settle();
		Session paid = stripe.v1().checkout().sessions().retrieve(session);
		assertThat(paid.getTotalDetails().getAmountDiscount()).as("capped at the price").isEqualTo(1000L);
		assertThat(paid.getAmountTotal()).isZero();
		assertThat(ledger.balance(org.id()).available()).as("free 100 + the whole pack").isEqualTo(Credits.of(1100));
	}

	@Test
	void pushingTheCatalogAgainChangesNothingAndACouponsTermsNeverChange() throws Exception {
		CatalogFile file = CatalogFile.load(new ClassPathResource("billing-trials-catalog.yml")).orElseThrow();
		assertThat(pusher.diff(file)).as("pushed at startup").isEmpty();
		assertThat(stripe.v1()
			.promotionCodes()
			.list(PromotionCodeListParams.builder().setCode("LAUNCH").build())
			.getData()).singleElement().satisfies(p -> assertThat(p.getPromotion().getCoupon()).isEqualTo("LAUNCH50"));

		CatalogFile spring = new CatalogFile(file.currency(), file.items(), file.features(),
				List.of(new CatalogFile.CouponSpec("SPRING26", "Spring", new BigDecimal("20"), null, "forever", null,
						List.of("SPRING"))));
		assertThat(pusher.push(spring)).extracting(CatalogPusher.Change::action)
			.containsExactly("create coupon", "create promotion code");
		assertThat(pusher.push(spring)).isEmpty();

		CatalogFile changed = new CatalogFile(file.currency(), file.items(), file.features(),
				List.of(new CatalogFile.CouponSpec("LAUNCH50", "Launch", new BigDecimal("40"), null, "repeating", 2,
						List.of("LAUNCH"))));
		assertThatThrownBy(() -> pusher.push(changed)).hasMessageContaining("give the new terms a new id");
		assertThat(stripe.v1().coupons().retrieve("LAUNCH50").getPercentOff()).isEqualByComparingTo("50");
	}

	private List<Notification> trialNotices(Org org) {
		return notifications.inbox(org.id(), 50).stream().filter(n -> "trial_will_end".equals(n.type())).toList();
	}

	private List<Invoice> cycleInvoices(Org org) throws Exception {
		String customer = customers.customerOf(org.id()).orElseThrow();
		return stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setCustomer(customer).build())
			.getData()
			.stream()
			.filter(i -> "subscription_cycle".equals(i.getBillingReason()))
			.toList();
	}

	private String customerOnTestClock(Org org) throws Exception {
		// Each test's clock starts where the app's clock is (tests run in any order and
		// move it forward).
		String testClock = emulator.testClock(clock.instant());
		emulator.customerOn(testClock, org);
		return testClock;
	}

}
