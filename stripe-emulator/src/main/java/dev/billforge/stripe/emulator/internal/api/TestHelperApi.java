package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.Fault;
import dev.billforge.stripe.emulator.PaymentOutcome;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.CheckoutFlow;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test clocks (as on Stripe) and the emulator-only helpers under
 * {@code /v1/test_helpers}.
 */
final class TestHelperApi {

	private final Services s;

	private final Core core;

	TestHelperApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/test_helpers/test_clocks", this::createClock)
			.get("/v1/test_helpers/test_clocks",
					r -> Lists.page(core.store().where("test_helpers.test_clock", c -> !Json.bool(c, "_deleted")),
							r.params().allowOnly(Lists.PAGING), "/v1/test_helpers/test_clocks",
							c -> s.renderer().render(c)))
			.get("/v1/test_helpers/test_clocks/{id}", r -> s.renderer().render(clock(r.id())))
			.delete("/v1/test_helpers/test_clocks/{id}", this::deleteClock)
			.post("/v1/test_helpers/test_clocks/{id}/advance", this::advance)
			.post("/v1/test_helpers/checkout/sessions/{id}/complete", this::completeCheckout)
			.post("/v1/test_helpers/checkout/sessions/{id}/settle", r -> {
				ObjectNode cs = core.require("checkout.session", r.id());
				s.checkout().settle(cs);
				return s.renderer().render(cs, r.expand());
			})
			.post("/v1/test_helpers/customers/{id}/payment_outcome", this::paymentOutcome)
			.post("/v1/test_helpers/refunds/{id}/fail", r -> {
				ObjectNode re = core.require("refund", r.id());
				return s.renderer().render(s.payments().failRefund(re), r.expand());
			})
			.post("/v1/test_helpers/invoices/{id}/finalize_now", this::finalizeNow)
			.post("/v1/test_helpers/faults", this::addFault)
			.delete("/v1/test_helpers/faults", r -> {
				s.faults().clear();
				ObjectNode o = Json.obj();
				o.put("object", "emulator.faults");
				o.put("cleared", true);
				return o;
			});
	}

	private ObjectNode clock(String id) {
		return core.require("test_helpers.test_clock", id);
	}

	private JsonNode createClock(ApiRequest r) {
		FormParams p = r.params().allowOnly("frozen_time", "name");
		Long frozen = p.longValue("frozen_time");
		if (frozen == null) {
			throw ApiError.missingParam("frozen_time");
		}
		long now = core.epoch(null);
		ObjectNode c = Json.obj();
		c.put("id", core.store().newId("clock_", 24));
		c.put("object", "test_helpers.test_clock");
		c.put("created", now);
		c.put("deletes_after", now + 30L * 86_400);
		c.put("frozen_time", frozen);
		c.put("livemode", false);
		c.put("name", p.string("name"));
		c.put("status", "ready");
		c.putObject("status_details");
		core.store().put("test_helpers.test_clock", c);
		return s.renderer().render(c);
	}

	private JsonNode deleteClock(ApiRequest r) {
		ObjectNode c = clock(r.id());
		for (ObjectNode sub : core.store().where("subscription", x -> r.id().equals(Json.str(x, "test_clock")))) {
			sub.put("status", "canceled");
		}
		for (ObjectNode cus : core.store().where("customer", x -> r.id().equals(Json.str(x, "test_clock")))) {
			cus.put("_deleted", true);
		}
		c.put("_deleted", true);
		core.store().touched();
		return ApiSupport.deleted(r.id(), "test_helpers.test_clock");
	}

	private JsonNode advance(ApiRequest r) {
		ObjectNode c = clock(r.id());
		FormParams p = r.params().allowOnly("frozen_time");
		Long target = p.longValue("frozen_time");
		if (target == null) {
			throw ApiError.missingParam("frozen_time");
		}
		if (target <= Json.lng(c, "frozen_time", 0)) {
			throw ApiError.invalid("frozen_time", "The frozen_time must be after the test clock's current "
					+ "frozen_time (" + Json.lng(c, "frozen_time", 0) + ").");
		}
		s.time().advance(r.id(), target);
		return s.renderer().render(c);
	}

	private JsonNode completeCheckout(ApiRequest r) {
		ObjectNode cs = core.require("checkout.session", r.id());
		FormParams p = r.params().allowOnly("outcome", "email", "promotion_code", "country");
		s.checkout()
			.complete(cs,
					new CheckoutFlow.Entry(
							p.oneOf("outcome", "card_success", "card_success", "card_decline", "delayed_success",
									"delayed_failure", "no_card"),
							p.string("email"), p.string("promotion_code"), p.string("country")));
		return s.renderer().render(cs, r.expand());
	}

	private JsonNode paymentOutcome(ApiRequest r) {
		ObjectNode c = core.require("customer", r.id());
		FormParams p = r.params().allowOnly("outcome");
		String wire = p.oneOf("outcome", null, "succeed", "decline");
		if (wire == null) {
			throw ApiError.missingParam("outcome");
		}
		PaymentOutcome outcome = PaymentOutcome.fromWire(wire);
		c.put("_payment_outcome", outcome.wireName());
		c.remove("_no_payment_method"); // telling the customer's outcome stands for
										// adding a card
		core.store().touched();
		return s.renderer().render(c);
	}

	private JsonNode finalizeNow(ApiRequest r) {
		ObjectNode inv = core.require("invoice", r.id());
		s.invoices().finalizeInvoice(inv);
		if ("open".equals(Json.str(inv, "status"))) {
			s.invoices().attemptPayment(inv, true);
		}
		return s.renderer().render(inv, r.expand());
	}

	private JsonNode addFault(ApiRequest r) {
		FormParams p = r.params().allowOnly("path", "method", "type", "count", "delay_ms");
		String type = p.oneOf("type", null, "server_error", "rate_limit", "delay");
		if (type == null) {
			throw ApiError.missingParam("type");
		}
		Fault fault;
		try {
			fault = new Fault(p.string("method"), p.requiredString("path"),
					Fault.Kind.valueOf(type.toUpperCase(Locale.ROOT)), (int) p.longValue("count", 1),
					Duration.ofMillis(p.longValue("delay_ms", 0)));
		}
		catch (IllegalArgumentException e) {
			throw ApiError.invalid("path", e.getMessage());
		}
		s.faults().add(fault);
		ObjectNode o = Json.obj();
		o.put("object", "emulator.fault");
		o.put("path", fault.pathPrefix());
		o.put("method", fault.method());
		o.put("type", type);
		o.put("count", fault.count());
		o.put("delay_ms", fault.delay().toMillis());
		return o;
	}

}
