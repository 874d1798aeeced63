package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.Subscriptions;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Subscriptions and subscription items. */
final class SubscriptionApi {

	private final Services s;

	private final Core core;

	SubscriptionApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/subscriptions", this::create)
			.get("/v1/subscriptions", this::list)
			.get("/v1/subscriptions/{id}", r -> s.renderer().render(core.require("subscription", r.id()), r.expand()))
			.post("/v1/subscriptions/{id}", this::update)
			.delete("/v1/subscriptions/{id}", this::cancel)
			.get("/v1/subscription_items", this::listItems)
			.get("/v1/subscription_items/{id}",
					r -> s.renderer().render(core.require("subscription_item", r.id()), r.expand()));
	}

	private static List<Subscriptions.ItemSpec> items(FormParams p) {
		List<Subscriptions.ItemSpec> out = new ArrayList<>();
		int i = 0;
		for (FormParams item : p.nestedList("items")) {
			item.allowOnly("id", "price", "quantity", "deleted", "metadata");
			out.add(new Subscriptions.ItemSpec(item.string("id"), item.string("price"), item.longValue("quantity"),
					Boolean.TRUE.equals(item.bool("deleted")), "items[" + i++ + "]"));
		}
		return out;
	}

	private JsonNode create(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("customer", "items", "metadata", "trial_period_days", "trial_end", "payment_behavior",
					"cancel_at_period_end", "proration_behavior", "default_payment_method", "collection_method",
					"off_session", "payment_settings", "description", "currency");
		if (p.has("collection_method") && !"charge_automatically".equals(p.string("collection_method"))) {
			throw ApiError.invalid("collection_method",
					"The emulator supports collection_method=charge_automatically " + "only.");
		}
		String behavior = p.oneOf("payment_behavior", "allow_incomplete", "allow_incomplete", "default_incomplete",
				"error_if_incomplete", "pending_if_incomplete");
		ObjectNode sub = s.subscriptions()
			.create(new Subscriptions.Create(p.requiredString("customer"), items(p), Metadata.create(p),
					p.longValue("trial_period_days"), p.longValue("trial_end"), behavior,
					Boolean.TRUE.equals(p.bool("cancel_at_period_end")), null, null, false,
					p.string("currency") == null || p.string("currency").isEmpty() ? null : p.string("currency")));
		return s.renderer().render(sub, r.expand());
	}

	private JsonNode update(ApiRequest r) {
		ObjectNode sub = core.require("subscription", r.id());
		FormParams p = r.params()
			.allowOnly("items", "cancel_at_period_end", "proration_behavior", "metadata", "payment_behavior",
					"default_payment_method", "description", "cancellation_details", "proration_date", "off_session");
		String proration = p.oneOf("proration_behavior", "create_prorations", "create_prorations", "none",
				"always_invoice");
		ObjectNode metadata = p.has("metadata") ? Metadata.merge(sub.get("metadata"), p) : null;
		s.subscriptions()
			.update(sub, new Subscriptions.Update(items(p), p.bool("cancel_at_period_end"), proration, metadata));
		return s.renderer().render(sub, r.expand());
	}

	private JsonNode cancel(ApiRequest r) {
		ObjectNode sub = core.require("subscription", r.id());
		r.params().allowOnly("invoice_now", "prorate", "cancellation_details");
		if ("canceled".equals(Json.str(sub, "status"))) {
			throw ApiError.invalid(null, "This subscription has already been canceled.");
		}
		s.lifecycle().cancel(sub, "cancellation_requested");
		return s.renderer().render(sub, r.expand());
	}

	private JsonNode list(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly(Lists.with(Lists.PAGING, "customer", "price", "status", "test_clock", "collection_method"));
		String customer = p.string("customer");
		String price = p.string("price");
		String status = p.string("status");
		String clock = p.string("test_clock");
		var matches = core.store()
			.where("subscription",
					o -> (customer == null || customer.equals(Json.str(o, "customer")))
							&& statusMatches(status, Json.str(o, "status"))
							&& (clock == null || clock.equals(Json.str(o, "test_clock")))
							&& (price == null || s.subscriptions()
								.items(o)
								.stream()
								.anyMatch(si -> price.equals(Json.str(si, "price")))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/subscriptions", o -> s.renderer().render(o, ex));
	}

	private static boolean statusMatches(String wanted, String actual) {
		if (wanted == null) {
			return !"canceled".equals(actual) && !"incomplete_expired".equals(actual);
		}
		if ("all".equals(wanted)) {
			return true;
		}
		if ("ended".equals(wanted)) {
			return "canceled".equals(actual) || "incomplete_expired".equals(actual);
		}
		return wanted.equals(actual);
	}

	private JsonNode listItems(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "subscription"));
		ObjectNode sub = core.require("subscription", p.requiredString("subscription"));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(s.subscriptions().items(sub), p, "/v1/subscription_items", o -> s.renderer().render(o, ex));
	}

}
