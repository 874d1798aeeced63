package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsIT {

	private Emu emu;

	@BeforeEach
	void start() {
		emu = Emu.start();
	}

	@AfterEach
	void stop() {
		emu.close();
	}

	private static CustomerCreateParams customer(String email) {
		return CustomerCreateParams.builder().setEmail(email).build();
	}

	@Test
	void sameIdempotencyKeyReplaysTheFirstResponse() throws Exception {
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("signup-org-1").build();

		Customer first = emu.stripe.v1().customers().create(customer("a@example.com"), key);
		Customer replay = emu.stripe.v1().customers().create(customer("a@example.com"), key);

		assertThat(replay.getId()).isEqualTo(first.getId());
		assertThat(replay.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(emu.stripe.v1()
			.customers()
			.list(CustomerListParams.builder().setEmail("a@example.com").build())
			.getData()).hasSize(1);
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneObject() throws Exception {
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("race-1").build();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				ids.add(pool
					.submit(() -> emu.stripe.v1().customers().create(customer("race@example.com"), key).getId()));
			}
			java.util.Set<String> distinct = new java.util.HashSet<>();
			for (var id : ids) {
				distinct.add(id.get());
			}
			assertThat(distinct).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(emu.stripe.v1().customers().list(CustomerListParams.builder().build()).getData()).hasSize(1);
	}

	@Test
	void reusingAKeyWithOtherParametersIsAnIdempotencyError() throws Exception {
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("signup-org-2").build();
		emu.stripe.v1().customers().create(customer("a@example.com"), key);

		assertThatThrownBy(() -> emu.stripe.v1().customers().create(customer("b@example.com"), key))
			.isInstanceOfSatisfying(IdempotencyException.class, e -> {
				assertThat(e.getStatusCode()).isEqualTo(400);
				assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
			});
	}

	@Test
	void unknownObjectIsResourceMissing() {
		assertThatThrownBy(() -> emu.stripe.v1().customers().retrieve("cus_nope"))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> {
				assertThat(e.getStatusCode()).isEqualTo(404);
				assertThat(e.getCode()).isEqualTo("resource_missing");
				assertThat(e.getStripeError().getMessage()).isEqualTo("No such customer: 'cus_nope'");
			});
	}

	@Test
	void missingRequiredParameterNamesTheParameter() {
		assertThatThrownBy(() -> emu.stripe.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT).build()))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> {
				assertThat(e.getCode()).isEqualTo("parameter_missing");
				assertThat(e.getParam()).isEqualTo("success_url");
			});
	}

	@Test
	void liveAndMalformedKeysAreRejected() {
		for (String key : new String[] { "sk_live_123", "pk_test_123", "sk_test_" }) {
			StripeClient client = StripeClient.builder().setApiKey(key).setApiBase(emu.emulator.baseUrl()).build();
			assertThatThrownBy(() -> client.v1().customers().create(customer("x@example.com")))
				.isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void configuredKeyIsTheOnlyKeyAccepted() throws Exception {
		try (Emu strict = Emu.start(EmulatorConfig.builder().apiKey("sk_test_emulator"))) {
			assertThat(strict.stripe.v1().customers().create(customer("a@example.com")).getId()).startsWith("cus_");
			StripeClient other = StripeClient.builder()
				.setApiKey("sk_test_other")
				.setApiBase(strict.emulator.baseUrl())
				.build();
			assertThatThrownBy(() -> other.v1().customers().create(customer("b@example.com")))
				.isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void liveKeyCannotBeConfigured() {
		assertThatThrownBy(() -> EmulatorConfig.builder().apiKey("sk_live_123").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("sk_test_");
	}

	@Test
	void injectedRateLimitIsARateLimitExceptionAndPassesAfterwards() throws Exception {
		emu.emulator.injectFault(new Fault("POST", "/v1/customers", Fault.Kind.RATE_LIMIT, 1, null));

		assertThatThrownBy(() -> emu.stripe.v1().customers().create(customer("a@example.com")))
			.isInstanceOf(RateLimitException.class);
		assertThat(emu.stripe.v1().customers().create(customer("a@example.com")).getId()).startsWith("cus_");
	}

	@Test
	void serverErrorInjectedOverRestIsAnApiExceptionAndCreatesNothing() throws Exception {
		var added = emu.api("POST", "/v1/test_helpers/faults", "path=/v1/customers&type=server_error&count=2");
		assertThat(added.statusCode()).isEqualTo(200);
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("retry-me").build();

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> emu.stripe.v1().customers().create(customer("a@example.com"), key))
				.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
		}
		Customer created = emu.stripe.v1().customers().create(customer("a@example.com"), key);

		assertThat(emu.stripe.v1().customers().list(CustomerListParams.builder().build()).getData())
			.extracting(Customer::getId)
			.containsExactly(created.getId());
	}

	@Test
	void slowAnswerTimesOutAndARetryWithTheSameKeyCreatesNoDuplicate() throws Exception {
		Catalog catalog = new Catalog(emu.stripe);
		var price = catalog.oneTime(catalog.product("Pack"), 900, "usd");
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl("https://app.test/ok")
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
			.build();
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("checkout-pack-1").build();
		emu.emulator
			.injectFault(new Fault("POST", "/v1/checkout/sessions", Fault.Kind.DELAY, 1, Duration.ofMillis(1500)));

		assertThatThrownBy(() -> emu.client(300).v1().checkout().sessions().create(params, key))
			.isInstanceOf(ApiConnectionException.class);
		Session retried = emu.stripe.v1().checkout().sessions().create(params, key);

		assertThat(emu.stripe.v1().checkout().sessions().list(SessionListParams.builder().build()).getData())
			.extracting(Session::getId)
			.containsExactly(retried.getId());
	}

	@Test
	void declinedInvoicePaymentIsACardException() throws Exception {
		Customer c = emu.stripe.v1().customers().create(customer("d@example.com"));
		emu.emulator.setPaymentOutcome(c.getId(), PaymentOutcome.DECLINE);
		emu.stripe.v1()
			.invoiceItems()
			.create(InvoiceItemCreateParams.builder()
				.setCustomer(c.getId())
				.setAmount(500L)
				.setCurrency("usd")
				.setDescription("Overage")
				.build());
		Invoice draft = emu.stripe.v1()
			.invoices()
			.create(InvoiceCreateParams.builder()
				.setCustomer(c.getId())
				.setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
				.build());
		assertThat(draft.getAmountDue()).isEqualTo(500L);
		emu.stripe.v1().invoices().finalizeInvoice(draft.getId());

		assertThatThrownBy(() -> emu.stripe.v1().invoices().pay(draft.getId()))
			.isInstanceOfSatisfying(CardException.class, e -> {
				assertThat(e.getStatusCode()).isEqualTo(402);
				assertThat(e.getCode()).isEqualTo("card_declined");
				assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
			});
		Invoice after = emu.stripe.v1().invoices().retrieve(draft.getId());
		assertThat(after.getStatus()).isEqualTo("open");
		assertThat(after.getAttemptCount()).isEqualTo(1L);
	}

}
