package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.PromotionCode;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion codes and coupons on invoices, automatic tax by country, trial_will_end and a
 * trial without a card.
 */
class DiscountsTaxTrialsIT {

	private static final long T0 = Instant.parse("2026-01-15T00:00:00Z").getEpochSecond();

	private static final long DAY = 86_400;

	private Emu emu;

	private Catalog catalog;

	private TestClock clock;

	private Price monthly;

	@BeforeEach
	void start() throws Exception {
		emu = Emu.start();
		catalog = new Catalog(emu.stripe);
		clock = emu.stripe.v1()
			.testHelpers()
			.testClocks()
			.create(TestClockCreateParams.builder().setFrozenTime(T0).build());
		monthly = catalog.monthly(catalog.product("Team"), 9900);
	}

	@AfterEach
	void stop() {
		emu.close();
	}

	private PromotionCode promo(CouponCreateParams coupon, String code) throws Exception {
		Coupon c = emu.stripe.v1().coupons().create(coupon);
		return emu.stripe.v1()
			.promotionCodes()
			.create(PromotionCodeCreateParams.builder()
				.setCode(code)
				.setPromotion(PromotionCodeCreateParams.Promotion.builder()
					.setCoupon(c.getId())
					.setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
					.build())
				.build());
	}

	private Session session(Customer customer, SessionCreateParams.Builder extra) throws Exception {
		return emu.stripe.v1()
			.checkout()
			.sessions()
			.create(extra.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
				.setCustomer(customer.getId())
				.setSuccessUrl("http://localhost/ok")
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(1L).build())
				.build());
	}

	private HttpResponse<String> complete(Session s, String form) {
		return emu.api("POST", "/v1/test_helpers/checkout/sessions/" + s.getId() + "/complete", form);
	}

	private void advanceTo(long t) throws Exception {
		emu.stripe.v1()
			.testHelpers()
			.testClocks()
			.advance(clock.getId(), TestClockAdvanceParams.builder().setFrozenTime(t).build());
	}

	@Test
	void aRepeatingPercentCodeDiscountsTwoInvoicesAndGermanTaxIsAddedOnTheDiscountedAmountOfEveryLine()
			throws Exception {
		promo(CouponCreateParams.builder()
			.setId("LAUNCH25")
			.setPercentOff(new BigDecimal("25"))
			.setDuration(CouponCreateParams.Duration.REPEATING)
			.setDurationInMonths(2L)
			.build(), "LAUNCH");
		Customer customer = catalog.customer("de@example.com", clock.getId());
		Session s = session(customer,
				SessionCreateParams.builder()
					.setAllowPromotionCodes(true)
					.setAutomaticTax(SessionCreateParams.AutomaticTax.builder().setEnabled(true).build())
					.setBillingAddressCollection(SessionCreateParams.BillingAddressCollection.REQUIRED));

		assertThat(complete(s, "outcome=card_success").statusCode()).as("country required").isEqualTo(400);
		assertThat(complete(s, "outcome=card_success&country=DE&promotion_code=NOPE").statusCode()).isEqualTo(400);
		assertThat(complete(s, "outcome=card_success&country=de&promotion_code=launch").statusCode()).isEqualTo(200);

		Session done = emu.stripe.v1().checkout().sessions().retrieve(s.getId());
		Subscription sub = emu.stripe.v1().subscriptions().retrieve(done.getSubscription());
		Invoice first = emu.stripe.v1().invoices().retrieve(sub.getLatestInvoice());
		// 9900 - 25 % = 7425; 19 % of 7425 = 1410.75 -> 1411
		assertThat(first.getSubtotal()).isEqualTo(9900L);
		assertThat(first.getTotalDiscountAmounts()).singleElement()
			.satisfies(d -> assertThat(d.getAmount()).isEqualTo(2475L));
		assertThat(first.getTotalExcludingTax()).isEqualTo(7425L);
		assertThat(first.getTotalTaxes()).singleElement().satisfies(t -> {
			assertThat(t.getAmount()).isEqualTo(1411L);
			assertThat(t.getTaxableAmount()).isEqualTo(7425L);
			assertThat(t.getTaxRateDetails().getTaxRate()).isEqualTo("txr_emulator_DE");
		});
		assertThat(first.getAmountPaid()).isEqualTo(7425L + 1411L);
		assertThat(first.getAutomaticTax().getStatus()).isEqualTo("complete");
		assertThat(done.getTotalDetails().getAmountDiscount()).isEqualTo(2475L);
		assertThat(done.getTotalDetails().getAmountTax()).isEqualTo(1411L);
		assertThat(emu.stripe.v1().customers().retrieve(customer.getId()).getAddress().getCountry()).isEqualTo("DE");

		// An invoice item on the renewal draft (overage) is taxed like the plan line.
		long periodEnd = sub.getItems().getData().get(0).getCurrentPeriodEnd();
		advanceTo(periodEnd + 60);
		Invoice renewal = emu.stripe.v1()
			.invoices()
			.retrieve(emu.stripe.v1().subscriptions().retrieve(sub.getId()).getLatestInvoice());
		emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(customer.getId())
				.setInvoice(renewal.getId())
				.setAmount(500L)
				.setCurrency("usd")
				.build());
		advanceTo(periodEnd + 2 * 3600);
		renewal = emu.stripe.v1().invoices().retrieve(renewal.getId());
		// (9900 + 500) - 25 % = 7800; 19 % = 1482
		assertThat(renewal.getTotalExcludingTax()).isEqualTo(7800L);
		assertThat(renewal.getTotalTaxes().get(0).getAmount()).isEqualTo(1482L);
		assertThat(renewal.getLines().getData()).allSatisfy(l -> assertThat(l.getTaxes()).hasSize(1));
		assertThat(renewal.getAmountPaid()).isEqualTo(7800L + 1482L);

		// The third month is past the two-month discount: full price, still taxed.
		long third = emu.stripe.v1()
			.subscriptions()
			.retrieve(sub.getId())
			.getItems()
			.getData()
			.get(0)
			.getCurrentPeriodEnd();
		advanceTo(third + 2 * 3600);
		Invoice full = emu.stripe.v1()
			.invoices()
			.retrieve(emu.stripe.v1().subscriptions().retrieve(sub.getId()).getLatestInvoice());
		assertThat(full.getTotalDiscountAmounts()).isEmpty();
		assertThat(full.getAmountPaid()).isEqualTo(9900L + 1881L);
	}

	@Test
	void theHostedPageAsksForTheCodeAndTheCountryAndExplainsABadCode() throws Exception {
		promo(CouponCreateParams.builder().setPercentOff(new BigDecimal("10")).build(), "PAGE10");
		Customer customer = catalog.customer("page@example.com", clock.getId());
		Session s = session(customer,
				SessionCreateParams.builder()
					.setAllowPromotionCodes(true)
					.setAutomaticTax(SessionCreateParams.AutomaticTax.builder().setEnabled(true).build()));
		String page = emu.get(s.getUrl()).body();
		assertThat(page).contains("name=\"promotion_code\"")
			.contains("name=\"country\"")
			.doesNotContain("without a card");
		HttpResponse<String> bad = emu.postForm(s.getUrl() + "/pay",
				java.util.Map.of("method", "card_success", "promotion_code", "NOPE", "country", "FR"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("This code is invalid.");
		HttpResponse<String> good = emu.postForm(s.getUrl() + "/pay",
				java.util.Map.of("method", "card_success", "promotion_code", "page10", "country", "FR"));
		assertThat(good.statusCode()).isEqualTo(303);
		Invoice first = emu.stripe.v1()
			.invoices()
			.retrieve(emu.stripe.v1()
				.subscriptions()
				.retrieve(emu.stripe.v1().checkout().sessions().retrieve(s.getId()).getSubscription())
				.getLatestInvoice());
		// 9900 - 990 = 8910; 20 % = 1782
		assertThat(first.getAmountPaid()).isEqualTo(8910L + 1782L);
		assertThat(emu.get(first.getHostedInvoiceUrl()).body()).contains("Discount").contains("txr_emulator_FR");
	}

	@Test
	void anAmountOffCodeOnAPackIsCappedAtThePriceAndUsTaxIsZero() throws Exception {
		promo(CouponCreateParams.builder()
			.setAmountOff(1500L)
			.setCurrency("usd")
			.setDuration(CouponCreateParams.Duration.ONCE)
			.build(), "FIFTEEN");
		Price pack = catalog.oneTime(catalog.product("Pack"), 1000, "usd");
		Customer customer = catalog.customer("us@example.com", null);
		Session s = emu.stripe.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.setCustomer(customer.getId())
				.setSuccessUrl("http://localhost/ok")
				.setAllowPromotionCodes(true)
				.setAutomaticTax(SessionCreateParams.AutomaticTax.builder().setEnabled(true).build())
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(pack.getId()).setQuantity(1L).build())
				.build());
		assertThat(complete(s, "outcome=card_success&country=US&promotion_code=FIFTEEN").statusCode()).isEqualTo(200);
		Session done = emu.stripe.v1().checkout().sessions().retrieve(s.getId());
		assertThat(done.getAmountSubtotal()).isEqualTo(1000L);
		assertThat(done.getTotalDetails().getAmountDiscount()).isEqualTo(1000L);
		assertThat(done.getTotalDetails().getAmountTax()).isZero();
		assertThat(done.getAmountTotal()).isZero();
	}

	@Test
	void promotionCodesAreRefusedWhereTheSessionDoesNotAllowThemAndCouponsAreValidated() throws Exception {
		promo(CouponCreateParams.builder().setPercentOff(new BigDecimal("10")).build(), "TEN");
		Customer customer = catalog.customer("x@example.com", clock.getId());
		Session s = session(customer, SessionCreateParams.builder());
		assertThat(complete(s, "outcome=card_success&promotion_code=TEN").body()).contains("promotion codes");
		assertThatThrownBy(() -> emu.stripe.v1()
			.coupons()
			.create(CouponCreateParams.builder().setPercentOff(new BigDecimal("120")).build()))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> promo(CouponCreateParams.builder().setPercentOff(BigDecimal.ONE).build(), "ten"))
			.as("an active code is unique, whatever its case")
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aTrialWithoutACardAnnouncesItsEndThreeDaysAheadAndIsCanceledAtTheEnd() throws Exception {
		Customer customer = catalog.customer("trial@example.com", clock.getId());
		Session s = session(customer, SessionCreateParams.builder()
			.setPaymentMethodCollection(SessionCreateParams.PaymentMethodCollection.IF_REQUIRED)
			.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
				.setTrialPeriodDays(14L)
				.setTrialSettings(SessionCreateParams.SubscriptionData.TrialSettings.builder()
					.setEndBehavior(SessionCreateParams.SubscriptionData.TrialSettings.EndBehavior.builder()
						.setMissingPaymentMethod(
								SessionCreateParams.SubscriptionData.TrialSettings.EndBehavior.MissingPaymentMethod.CANCEL)
						.build())
					.build())
				.build()));
		assertThat(complete(s, "outcome=no_card").statusCode()).isEqualTo(200);
		String subId = emu.stripe.v1().checkout().sessions().retrieve(s.getId()).getSubscription();
		assertThat(emu.stripe.v1().subscriptions().retrieve(subId).getStatus()).isEqualTo("trialing");

		advanceTo(T0 + 11 * DAY - 60);
		assertThat(trialWillEnd()).isZero();
		advanceTo(T0 + 11 * DAY + 60);
		assertThat(trialWillEnd()).isEqualTo(1);
		advanceTo(T0 + 14 * DAY + 3600);
		assertThat(trialWillEnd()).isEqualTo(1);
		Subscription ended = emu.stripe.v1().subscriptions().retrieve(subId);
		assertThat(ended.getStatus()).isEqualTo("canceled");
		assertThat(emu.stripe.v1()
			.invoices()
			.list(com.stripe.param.InvoiceListParams.builder().setSubscription(subId).build())
			.getData()).allSatisfy(i -> assertThat(i.getAmountPaid()).isZero());
	}

	@Test
	void aCardIsRequiredUnlessTheSessionSaysIfRequiredWithATrial() throws Exception {
		Customer customer = catalog.customer("card@example.com", clock.getId());
		Session s = session(customer, SessionCreateParams.builder()
			.setSubscriptionData(SessionCreateParams.SubscriptionData.builder().setTrialPeriodDays(7L).build()));
		assertThat(complete(s, "outcome=no_card").statusCode()).isEqualTo(400);
		assertThat(complete(s, "outcome=card_success").statusCode()).isEqualTo(200);
	}

	private long trialWillEnd() throws Exception {
		return emu.stripe.v1()
			.events()
			.list(EventListParams.builder().setType("customer.subscription.trial_will_end").build())
			.getData()
			.stream()
			.map(Event::getId)
			.count();
	}

}
