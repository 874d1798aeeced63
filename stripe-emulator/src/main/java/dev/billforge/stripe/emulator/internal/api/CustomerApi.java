package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers; a deleted customer is retrievable as
 * {@code {"id","object":"customer","deleted":true}}.
 */
final class CustomerApi {

	private static final Set<String> SEARCH = Set.of("email", "name", "phone", "metadata", "created", "id");

	private final Services s;

	private final Core core;

	CustomerApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/customers", this::create)
			.get("/v1/customers", this::list)
			.get("/v1/customers/search", this::search)
			.get("/v1/customers/{id}", this::retrieve)
			.post("/v1/customers/{id}", this::update)
			.delete("/v1/customers/{id}", this::delete);
	}

	private JsonNode create(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("email", "name", "description", "metadata", "test_clock", "phone", "address", "payment_method",
					"invoice_settings", "preferred_locales");
		String clock = p.string("test_clock");
		if (clock != null && !clock.isEmpty()) {
			core.require("test_helpers.test_clock", clock);
		}
		ObjectNode c = s.customers()
			.create(p.string("email"), p.string("name"), p.string("description"), Metadata.create(p),
					clock == null || clock.isEmpty() ? null : clock);
		if (p.has("phone")) {
			c.put("phone", p.string("phone"));
		}
		return s.renderer().render(c, r.expand());
	}

	private JsonNode retrieve(ApiRequest r) {
		ObjectNode c = core.store().get("customer", r.id());
		if (c == null) {
			throw ApiError.noSuch("customer", r.id());
		}
		if (Json.bool(c, "_deleted")) {
			return ApiSupport.deleted(r.id(), "customer");
		}
		return s.renderer().render(c, r.expand());
	}

	private JsonNode update(ApiRequest r) {
		ObjectNode c = core.require("customer", r.id());
		FormParams p = r.params()
			.allowOnly("email", "name", "description", "metadata", "phone", "address", "invoice_settings",
					"preferred_locales");
		ObjectNode before = s.renderer().render(c);
		for (String f : List.of("email", "name", "description", "phone")) {
			if (p.has(f)) {
				String v = p.string(f);
				c.put(f, v == null || v.isEmpty() ? null : v);
			}
		}
		c.set("metadata", Metadata.merge(c.get("metadata"), p));
		defaultPaymentMethod(c, p.nested("invoice_settings"));
		core.store().touched();
		if (!s.renderer().render(c).equals(before)) {
			s.events().emit("customer.updated", c, before);
		}
		return s.renderer().render(c, r.expand());
	}

	private JsonNode delete(ApiRequest r) {
		ObjectNode c = core.require("customer", r.id());
		for (ObjectNode sub : core.store().where("subscription", x -> r.id().equals(Json.str(x, "customer")))) {
			String status = Json.str(sub, "status");
			if (!"canceled".equals(status) && !"incomplete_expired".equals(status)) {
				s.lifecycle().cancel(sub, "cancellation_requested");
			}
		}
		c.put("_deleted", true);
		core.store().touched();
		s.events().emit("customer.deleted", c);
		return ApiSupport.deleted(r.id(), "customer");
	}

	private JsonNode list(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "email", "test_clock"));
		String email = p.string("email");
		String clock = p.string("test_clock");
		var matches = core.store()
			.where("customer",
					c -> !Json.bool(c, "_deleted") && (email == null || email.equalsIgnoreCase(Json.str(c, "email")))
							&& (clock == null || clock.equals(Json.str(c, "test_clock"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/customers", o -> s.renderer().render(o, ex));
	}

	private JsonNode search(ApiRequest r) {
		FormParams p = r.params().allowOnly("query", "limit", "page");
		SearchQuery q = SearchQuery.parse(p.string("query"), "customers", SEARCH);
		var matches = core.store().where("customer", c -> !Json.bool(c, "_deleted") && q.matches(c));
		List<String> ex = ApiSupport.elementExpand(r);
		return ApiSupport.searchResult(matches, p, "/v1/customers/search", o -> s.renderer().render(o, ex));
	}

	/**
	 * {@code invoice_settings[default_payment_method]}: a card attached to this customer
	 * (empty clears it).
	 */
	private void defaultPaymentMethod(ObjectNode c, FormParams settings) {
		if (settings == null) {
			return;
		}
		settings.allowOnly("default_payment_method", "custom_fields", "footer", "rendering_options");
		if (!settings.has("default_payment_method")) {
			return;
		}
		String pm = settings.string("default_payment_method");
		if (pm != null && !pm.isEmpty()) {
			ObjectNode method = core.require("payment_method", pm);
			if (!Json.str(c, "id").equals(Json.str(method, "customer"))) {
				throw ApiError.invalid(settings.name("default_payment_method"),
						"The customer does not have a " + "payment method with the ID " + pm + ".");
			}
		}
		((ObjectNode) c.get("invoice_settings")).put("default_payment_method", pm == null || pm.isEmpty() ? null : pm);
	}

}
