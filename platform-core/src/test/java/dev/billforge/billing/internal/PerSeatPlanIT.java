package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.param.InvoiceLineItemListParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.IssuedInvitation;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A per-seat plan through the real Stripe client, the emulator and a test clock: bought
 * for two seats (two seats' allowance), a third invitation refused until a seat is added
 * (prorated now, a full seat's allowance at once), invitations racing for the last seat
 * (one wins), a revoked invitation lowering the seats without a proration, and the
 * renewal invoicing and granting the lower count.
 */
@BillingIntegrationTest(properties = { "billforge.value-metric.free-tier=0",
		"billforge.billing.catalog.location=classpath:entitlements-test-catalog.yml" })
class PerSeatPlanIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

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

	private final HttpClient http = HttpClient.newHttpClient();

	private String testClock;

	@Test
	void seatsAreBoughtAddedRacedForAndLoweredWithTheAllowanceFollowing() throws Exception {
		Org org = orgs.create("Seats", ZoneId.of("UTC"));
		memberships.add(org.id(), "owner@seats.test", Role.OWNER);
		String key = orgs.createApiKey(org.id(), "ci").key();
		Instant start = clock.instant();
		testClock = emulator.testClock(start);
		Customer customer = emulator.customerOn(testClock, org);

		// Bought for two seats: quantity 2 on the Checkout line item, two seats'
		// allowance.
		String session = flows.checkout(org.id(), "test_team_seat_monthly", 2).id();
		emulator.completeCheckout(session, "card_success");
		emulator.settle();
		SubscriptionView sub = subscriptions.current(org.id()).orElseThrow();
		assertThat(sub.perSeat()).isTrue();
		assertThat(sub.quantity()).isEqualTo(2);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2000));

		// The owner and one invitation fill both seats; a third person needs a seat
		// first.
		IssuedInvitation first = memberships.invite(org.id(), "a@seats.test", Role.MEMBER, "owner@seats.test",
				Duration.ofDays(7));
		assertThatThrownBy(
				() -> memberships.invite(org.id(), "b@seats.test", Role.MEMBER, "owner@seats.test", Duration.ofDays(7)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("seats_exhausted");
				assertThat(ex.status()).isEqualTo(402);
			});

		// A third seat, a day into the period: prorated now, and the full seat's
		// allowance at once.
		emulator.advance(testClock, start.plus(Duration.ofDays(1)));
		assertThat(api("PUT", "/api/v1/billing/seats", key, "{\"seats\":1}", 400).get("field").asString())
			.isEqualTo("seats");
		JsonNode seats = api("PUT", "/api/v1/billing/seats", key, "{\"seats\":3}", 200);
		assertThat(seats.get("paid").asLong()).isEqualTo(3);
		emulator.settle();
		String prorationInvoice = stripe.v1().subscriptions().retrieve(sub.id()).getLatestInvoice();
		Invoice invoice = stripe.v1().invoices().retrieve(prorationInvoice);
		assertThat(invoice.getBillingReason()).isEqualTo("subscription_update");
		assertThat(invoice.getAmountPaid()).isBetween(1L, 999L);
		List<Long> quantities = new ArrayList<>();
		for (InvoiceLineItem line : stripe.v1()
			.invoices()
			.lineItems()
			.list(prorationInvoice, InvoiceLineItemListParams.builder().build())
			.getData()) {
			quantities.add(line.getQuantity());
		}
		assertThat(quantities).containsExactlyInAnyOrder(2L, 3L);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(3000));

		// The same target again changes nothing in Stripe.
		api("PUT", "/api/v1/billing/seats", key, "{\"seats\":3}", 200);
		emulator.settle();
		assertThat(stripe.v1().subscriptions().retrieve(sub.id()).getLatestInvoice()).isEqualTo(prorationInvoice);

		// Six invitations race for the one free seat: exactly one is issued.
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String email = "race" + i + "@seats.test";
			Callable<Boolean> invite = () -> {
				go.await();
				try {
					memberships.invite(org.id(), email, Role.MEMBER, "owner@seats.test", Duration.ofDays(7));
					return true;
				}
				catch (ProblemException ex) {
					assertThat(ex.code()).isIn("seats_exhausted", "seats_busy");
					return false;
				}
			};
			results.add(pool.submit(invite));
		}
		go.countDown();
		int issued = 0;
		for (Future<Boolean> result : results) {
			issued += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(issued).isEqualTo(1);
		assertThat(memberships.seatsUsed(org.id())).isEqualTo(3);

		// A revoked invitation frees a seat: the quantity drops without a proration, from
		// the next invoice on.
		memberships.revokeInvitation(org.id(), first.invitation().id());
		emulator.settle();
		assertThat(stripe.v1().subscriptions().retrieve(sub.id()).getItems().getData().get(0).getQuantity())
			.isEqualTo(2);
		assertThat(stripe.v1().subscriptions().retrieve(sub.id()).getLatestInvoice()).isEqualTo(prorationInvoice);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(3000));

		// Renewal: two seats invoiced, two seats' allowance granted.
		Instant periodEnd = subscriptions.current(org.id()).orElseThrow().currentPeriodEnd();
		emulator.advance(testClock, periodEnd.plusSeconds(60));
		emulator.advance(testClock, periodEnd.plus(Duration.ofHours(2)));
		String renewal = stripe.v1().subscriptions().retrieve(sub.id()).getLatestInvoice();
		Invoice renewed = stripe.v1().invoices().retrieve(renewal);
		assertThat(renewed.getBillingReason()).isEqualTo("subscription_cycle");
		assertThat(renewed.getStatus()).isEqualTo("paid");
		assertThat(renewed.getAmountPaid()).isEqualTo(2000L);
		assertThat(ledger.balance(org.id()).grants()).anySatisfy(g -> {
			assertThat(g.reference()).isEqualTo(renewal);
			assertThat(g.amount()).isEqualTo(Credits.of(2000));
		});
	}

	private JsonNode api(String method, String path, String key, String body, int status) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

}
