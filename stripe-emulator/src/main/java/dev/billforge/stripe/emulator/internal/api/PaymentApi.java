package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Charges, payment intents (read-only) and refunds. */
final class PaymentApi {

	private final Services s;

	private final Core core;

	PaymentApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.get("/v1/charges", r -> list(r, "charge", "/v1/charges"))
			.get("/v1/charges/{id}", r -> s.renderer().render(core.require("charge", r.id()), r.expand()))
			.get("/v1/payment_intents", r -> list(r, "payment_intent", "/v1/payment_intents"))
			.get("/v1/payment_intents/{id}",
					r -> s.renderer().render(core.require("payment_intent", r.id()), r.expand()))
			.post("/v1/refunds", this::refund)
			.get("/v1/refunds", this::listRefunds)
			.get("/v1/refunds/{id}", r -> s.renderer().render(core.require("refund", r.id()), r.expand()));
	}

	private JsonNode list(ApiRequest r, String kind, String url) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "customer", "payment_intent"));
		String customer = p.string("customer");
		String pi = p.string("payment_intent");
		var matches = core.store()
			.where(kind, o -> (customer == null || customer.equals(Json.str(o, "customer")))
					&& (pi == null || pi.equals(Json.str(o, "payment_intent"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, url, o -> s.renderer().render(o, ex));
	}

	private JsonNode refund(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("charge", "payment_intent", "amount", "reason", "metadata", "refund_application_fee",
					"reverse_transfer");
		String chargeId = p.string("charge");
		String piId = p.string("payment_intent");
		if ((chargeId == null) == (piId == null)) {
			throw ApiError.invalid("charge", "Specify exactly one of charge or payment_intent.");
		}
		ObjectNode charge;
		if (chargeId != null) {
			charge = core.require("charge", chargeId);
		}
		else {
			ObjectNode pi = core.require("payment_intent", piId);
			String latest = Json.str(pi, "latest_charge");
			if (latest == null || !"succeeded".equals(Json.str(pi, "status"))) {
				throw ApiError.invalid("payment_intent",
						"This PaymentIntent (" + piId + ") does not have a " + "successful charge to refund.");
			}
			charge = core.require("charge", latest);
		}
		String reason = p.oneOf("reason", null, "duplicate", "fraudulent", "requested_by_customer");
		ObjectNode refund = s.payments().refund(charge, p.longValue("amount"), reason, Metadata.create(p));
		return s.renderer().render(refund, r.expand());
	}

	private JsonNode listRefunds(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "charge", "payment_intent"));
		String charge = p.string("charge");
		String pi = p.string("payment_intent");
		var matches = core.store()
			.where("refund", o -> (charge == null || charge.equals(Json.str(o, "charge")))
					&& (pi == null || pi.equals(Json.str(o, "payment_intent"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/refunds", o -> s.renderer().render(o, ex));
	}

}
