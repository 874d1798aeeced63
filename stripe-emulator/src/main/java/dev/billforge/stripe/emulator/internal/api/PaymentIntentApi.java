package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.PaymentIntents;
import dev.billforge.stripe.emulator.internal.billing.PaymentMethods;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating and confirming payment intents (e.g. off session with a saved card), and card
 * payment methods.
 */
final class PaymentIntentApi {

	private final Services s;

	private final Core core;

	private final PaymentMethods methods;

	private final PaymentIntents intents;

	PaymentIntentApi(Services s) {
		this.s = s;
		this.core = s.core();
		this.methods = new PaymentMethods(core, s.events());
		this.intents = new PaymentIntents(core, s.events(), s.payments(), methods);
	}

	void register(Router router) {
		router.post("/v1/payment_intents", this::create)
			.post("/v1/payment_intents/{id}/confirm", this::confirm)
			.get("/v1/payment_methods", this::listMethods)
			.get("/v1/customers/{id}/payment_methods", r -> methodsOf(r, r.id()))
			.get("/v1/payment_methods/{id}",
					r -> s.renderer().render(core.require("payment_method", r.id()), r.expand()))
			.post("/v1/payment_methods/{id}/attach", this::attach)
			.post("/v1/payment_methods/{id}/detach",
					r -> s.renderer().render(methods.detach(core.require("payment_method", r.id())), r.expand()));
	}

	private JsonNode create(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("amount", "currency", "customer", "payment_method", "off_session", "confirm", "metadata",
					"description", "payment_method_types", "statement_descriptor_suffix");
		Long amount = p.longValue("amount");
		if (amount == null) {
			throw ApiError.missingParam("amount");
		}
		if (amount < 1) {
			throw ApiError.invalid("amount", "This value must be greater than or equal to 1.");
		}
		String currency = p.requiredString("currency");
		String customer = p.string("customer");
		if (customer != null) {
			core.require("customer", customer);
		}
		boolean confirm = Boolean.TRUE.equals(p.bool("confirm"));
		if (p.has("off_session") && !confirm) {
			throw ApiError.invalid("off_session", "off_session can only be used when confirm=true.");
		}
		ObjectNode pi = s.payments()
			.newPaymentIntent(customer, amount, currency.toLowerCase(java.util.Locale.ROOT), p.string("description"));
		pi.set("metadata", Metadata.create(p));
		String pm = p.string("payment_method");
		if (pm != null) {
			pi.put("payment_method", Json.str(methods.resolve(pm, "payment_method"), "id"));
			pi.put("status", "requires_confirmation");
		}
		core.store().touched();
		s.events().emit("payment_intent.created", pi);
		if (confirm) {
			intents.confirm(pi, null, Boolean.TRUE.equals(p.bool("off_session")));
		}
		return s.renderer().render(pi, r.expand());
	}

	private JsonNode confirm(ApiRequest r) {
		FormParams p = r.params().allowOnly("payment_method", "off_session", "return_url");
		ObjectNode pi = core.require("payment_intent", r.id());
		String pm = p.string("payment_method");
		if (pm != null) {
			pi.put("payment_method", Json.str(methods.resolve(pm, "payment_method"), "id"));
		}
		return s.renderer().render(intents.confirm(pi, null, Boolean.TRUE.equals(p.bool("off_session"))), r.expand());
	}

	private JsonNode attach(ApiRequest r) {
		FormParams p = r.params().allowOnly("customer");
		ObjectNode pm = methods.resolve(r.id(), "id");
		return s.renderer().render(methods.attach(pm, p.requiredString("customer")), r.expand());
	}

	private JsonNode listMethods(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "customer", "type"));
		String customer = p.string("customer");
		if (customer == null) {
			throw ApiError.missingParam("customer");
		}
		return methodsOf(r, customer);
	}

	private JsonNode methodsOf(ApiRequest r, String customer) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "customer", "type"));
		String type = p.string("type");
		var matches = core.store()
			.where("payment_method", o -> customer.equals(Json.str(o, "customer"))
					&& (type == null || type.equals(Json.str(o, "type"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/payment_methods", o -> s.renderer().render(o, ex));
	}

}
