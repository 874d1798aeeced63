package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.PriceCurrencies;
import dev.billforge.stripe.emulator.internal.billing.Subscriptions;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkout sessions (payment and subscription mode, hosted UI) and Billing Portal
 * sessions.
 */
final class CheckoutApi {

	private static final long SESSION_LIFETIME = 24 * 3600;

	private final Services s;

	private final Core core;

	CheckoutApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/checkout/sessions", this::create)
			.get("/v1/checkout/sessions", this::list)
			.get("/v1/checkout/sessions/{id}", r -> s.renderer().render(session(r.id()), r.expand()))
			.get("/v1/checkout/sessions/{id}/line_items", r -> s.renderer().sessionLineItems(session(r.id())))
			.post("/v1/checkout/sessions/{id}/expire", this::expire)
			.post("/v1/billing_portal/sessions", this::createPortal);
	}

	private ObjectNode session(String id) {
		return core.require("checkout.session", id);
	}

	private JsonNode create(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("mode", "line_items", "customer", "customer_email", "customer_creation", "success_url",
					"cancel_url", "metadata", "client_reference_id", "subscription_data", "payment_intent_data",
					"allow_promotion_codes", "expires_at", "automatic_tax", "billing_address_collection", "locale",
					"ui_mode", "invoice_creation", "payment_method_types", "consent_collection",
					"saved_payment_method_options", "payment_method_collection", "branding_settings",
					"tax_id_collection", "customer_update", "currency");
		String mode = p.requiredString("mode");
		if (!"payment".equals(mode) && !"subscription".equals(mode)) {
			throw ApiError.invalid("mode", "The emulator supports mode=payment and mode=subscription only.");
		}
		if (p.has("ui_mode") && !"hosted".equals(p.string("ui_mode"))) {
			throw ApiError.invalid("ui_mode", "The emulator supports ui_mode=hosted only.");
		}
		String successUrl = p.requiredString("success_url");
		String customerId = p.string("customer");
		ObjectNode customer = customerId == null || customerId.isEmpty() ? null : core.require("customer", customerId);
		if (customer != null && p.string("customer_email") != null) {
			throw ApiError.invalid("customer_email",
					"You may only specify one of these parameters: customer, " + "customer_email.");
		}
		List<FormParams> items = p.nestedList("line_items");
		if (items.isEmpty()) {
			throw ApiError.missingParam("line_items");
		}
		String clock = customer == null ? null : Json.str(customer, "test_clock");
		long now = core.epoch(clock);
		ArrayNode lineItems = Json.arr();
		// `currency` picks one of the prices' currency_options; without it, the prices'
		// own currency.
		String requested = p.string("currency") == null || p.string("currency").isEmpty() ? null
				: p.string("currency").toLowerCase(java.util.Locale.ROOT);
		String currency = requested;
		long total = 0;
		for (FormParams item : items) {
			item.allowOnly("price", "quantity", "adjustable_quantity");
			ObjectNode price = core.require("price", item.requiredString("price"));
			if (!Json.bool(price, "active")) {
				throw ApiError.invalid(item.name("price"), "The price specified is inactive.");
			}
			boolean recurring = "recurring".equals(Json.str(price, "type"));
			if ("payment".equals(mode) && recurring) {
				throw ApiError.invalid(item.name("price"), "You specified `payment` mode but passed a recurring "
						+ "price. Either switch to `subscription` mode or use only one-time prices.");
			}
			if ("subscription".equals(mode) && !recurring) {
				throw ApiError.invalid(item.name("price"),
						"The emulator accepts only recurring prices in " + "`subscription` mode.");
			}
			if (requested == null && currency != null && !currency.equals(Json.str(price, "currency"))) {
				throw ApiError.invalid(item.name("price"), "All line items must use the same currency.");
			}
			if (requested == null) {
				currency = Json.str(price, "currency");
			}
			long quantity = item.longValue("quantity", 1);
			if (quantity < 1) {
				throw ApiError.invalid(item.name("quantity"), "Quantity must be at least 1.");
			}
			long amount = PriceCurrencies.unitAmount(price, currency, "currency") * quantity;
			total += amount;
			lineItems.add(lineItem(price, quantity, amount, currency));
		}
		String fixed = customer == null ? null : Json.str(customer, "currency");
		if ("subscription".equals(mode) && fixed != null && !fixed.equals(currency)) {
			throw ApiError.invalid("currency", Subscriptions.mixedCurrencies(fixed));
		}
		ObjectNode cs = Json.obj();
		String id = "cs_test_" + core.store().randomToken(58);
		cs.put("id", id);
		cs.put("object", "checkout.session");
		cs.putObject("adaptive_pricing").put("enabled", false);
		cs.putNull("after_expiration");
		cs.putNull("collected_information");
		cs.putNull("currency_conversion");
		cs.putNull("customer_account");
		cs.putNull("discounts");
		cs.putNull("integration_identifier");
		cs.putNull("managed_payments");
		cs.putNull("origin_context");
		cs.putNull("payment_method_configuration_details");
		cs.putNull("permissions");
		cs.putNull("wallet_options");
		cs.put("allow_promotion_codes", Boolean.TRUE.equals(p.bool("allow_promotion_codes")) ? Boolean.TRUE : null);
		cs.put("amount_subtotal", total);
		cs.put("amount_total", total);
		ObjectNode tax = cs.putObject("automatic_tax");
		FormParams automaticTax = p.nested("automatic_tax");
		boolean taxed = automaticTax != null
				&& Boolean.TRUE.equals(automaticTax.allowOnly("enabled", "liability").bool("enabled"));
		tax.put("enabled", taxed);
		tax.putNull("liability");
		tax.putNull("status");
		cs.put("billing_address_collection", p.oneOf("billing_address_collection", null, "auto", "required"));
		FormParams taxIds = p.nested("tax_id_collection");
		if (taxIds == null) {
			cs.putNull("tax_id_collection");
		}
		else {
			ObjectNode tic = cs.putObject("tax_id_collection");
			tic.put("enabled", Boolean.TRUE.equals(taxIds.allowOnly("enabled", "required").bool("enabled")));
			tic.put("required", taxIds.oneOf("required", "never", "if_supported", "never"));
		}
		FormParams customerUpdate = p.nested("customer_update");
		if (customerUpdate != null) {
			customerUpdate.allowOnly("address", "name", "shipping");
			customerUpdate.oneOf("address", null, "auto", "never");
			customerUpdate.oneOf("name", null, "auto", "never");
		}
		cs.put("cancel_url", p.string("cancel_url"));
		cs.put("client_reference_id", p.string("client_reference_id"));
		cs.putNull("client_secret");
		cs.putNull("consent");
		cs.putNull("consent_collection");
		cs.put("created", now);
		cs.put("currency", currency);
		cs.putArray("custom_fields");
		ObjectNode text = cs.putObject("custom_text");
		text.putNull("after_submit");
		text.putNull("shipping_address");
		text.putNull("submit");
		text.putNull("terms_of_service_acceptance");
		cs.put("customer", customerId == null || customerId.isEmpty() ? null : customerId);
		cs.put("customer_creation", customer != null || "subscription".equals(mode) ? null
				: p.oneOf("customer_creation", "if_required", "always", "if_required"));
		cs.putNull("customer_details");
		cs.put("customer_email", p.string("customer_email"));
		long expiresAt = p.longValue("expires_at", now + SESSION_LIFETIME);
		if (expiresAt <= now + 1800 - 60 || expiresAt > now + SESSION_LIFETIME) {
			throw ApiError.invalid("expires_at", "expires_at must be between 30 minutes and 24 hours from now.");
		}
		cs.put("expires_at", expiresAt);
		cs.putNull("invoice");
		cs.putNull("invoice_creation");
		cs.put("livemode", false);
		cs.put("locale", p.string("locale"));
		cs.set("metadata", Metadata.create(p));
		cs.put("mode", mode);
		cs.putNull("payment_intent");
		cs.putNull("payment_link");
		cs.put("payment_method_collection", "subscription".equals(mode)
				? p.oneOf("payment_method_collection", "always", "always", "if_required") : null);
		cs.putObject("payment_method_options");
		cs.putArray("payment_method_types").add("card");
		cs.put("payment_status", "unpaid");
		cs.putObject("phone_number_collection").put("enabled", false);
		cs.putNull("recovered_from");
		cs.putNull("saved_payment_method_options");
		cs.putNull("setup_intent");
		cs.putNull("shipping_address_collection");
		cs.putNull("shipping_cost");
		cs.putArray("shipping_options");
		cs.put("status", "open");
		cs.putNull("submit_type");
		cs.putNull("subscription");
		cs.put("success_url", successUrl);
		ObjectNode totals = cs.putObject("total_details");
		totals.put("amount_discount", 0);
		totals.put("amount_shipping", 0);
		totals.put("amount_tax", 0);
		FormParams branding = p.nested("branding_settings");
		if (branding == null) {
			cs.putNull("branding_settings");
		}
		else {
			cs.set("branding_settings", branding(branding));
		}
		cs.put("ui_mode", "hosted");
		cs.put("url", core.publicBaseUrl() + "/checkout/" + id);
		cs.set("_line_items", lineItems);
		cs.put("_test_clock", clock);
		FormParams subData = p.nested("subscription_data");
		if (subData != null) {
			subData.allowOnly("metadata", "trial_period_days", "description", "trial_settings");
			cs.set("_subscription_metadata", Metadata.create(subData));
			FormParams trialSettings = subData.nested("trial_settings");
			FormParams endBehavior = trialSettings == null ? null
					: trialSettings.allowOnly("end_behavior").nested("end_behavior");
			if (endBehavior != null) {
				cs.put("_trial_missing_payment_method", endBehavior.allowOnly("missing_payment_method")
					.oneOf("missing_payment_method", "create_invoice", "create_invoice", "cancel"));
			}
			Long trial = subData.longValue("trial_period_days");
			if (trial != null) {
				cs.put("_trial_period_days", trial);
			}
		}
		FormParams piData = p.nested("payment_intent_data");
		if (piData != null) {
			if (!"payment".equals(mode)) {
				throw ApiError.invalid("payment_intent_data", "payment_intent_data can only be used in payment mode.");
			}
			piData.allowOnly("setup_future_usage", "metadata", "description");
			String usage = piData.oneOf("setup_future_usage", null, "off_session", "on_session");
			if (usage != null) {
				cs.put("_setup_future_usage", usage);
			}
		}
		core.store().put("checkout.session", cs);
		return s.renderer().render(cs, r.expand());
	}

	private ObjectNode lineItem(ObjectNode price, long quantity, long amount, String currency) {
		ObjectNode li = Json.obj();
		li.put("id", core.store().newId("li_", 24));
		li.put("object", "item");
		li.put("amount_discount", 0);
		li.put("amount_subtotal", amount);
		li.put("amount_tax", 0);
		li.put("amount_total", amount);
		li.put("currency", currency);
		ObjectNode product = core.store().get("product", Json.str(price, "product"));
		li.put("description", product == null ? null : Json.str(product, "name"));
		li.set("price", s.renderer().render(price));
		li.put("quantity", quantity);
		li.putNull("adjustable_quantity");
		li.putNull("metadata");
		return li;
	}

	private JsonNode list(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly(Lists.with(Lists.PAGING, "customer", "status", "payment_intent", "subscription"));
		String customer = p.string("customer");
		String status = p.string("status");
		String pi = p.string("payment_intent");
		String sub = p.string("subscription");
		var matches = core.store()
			.where("checkout.session",
					o -> (customer == null || customer.equals(Json.str(o, "customer")))
							&& (status == null || status.equals(Json.str(o, "status")))
							&& (pi == null || pi.equals(Json.str(o, "payment_intent")))
							&& (sub == null || sub.equals(Json.str(o, "subscription"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/checkout/sessions", o -> s.renderer().render(o, ex));
	}

	private JsonNode expire(ApiRequest r) {
		ObjectNode cs = session(r.id());
		s.checkout().expire(cs);
		return s.renderer().render(cs, r.expand());
	}

	private JsonNode createPortal(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("customer", "return_url", "configuration", "locale", "flow_data", "on_behalf_of");
		ObjectNode customer = core.require("customer", p.requiredString("customer"));
		ObjectNode bps = Json.obj();
		String id = core.store().newId("bps_", 24);
		bps.put("id", id);
		bps.put("object", "billing_portal.session");
		bps.put("configuration", "bpc_emulator_default");
		bps.put("created", core.epoch(Json.str(customer, "test_clock")));
		bps.put("customer", Json.str(customer, "id"));
		bps.putNull("customer_account");
		bps.putNull("flow");
		bps.put("livemode", false);
		bps.put("locale", p.string("locale"));
		bps.putNull("on_behalf_of");
		bps.put("return_url", p.string("return_url"));
		bps.put("url", core.publicBaseUrl() + "/portal/" + id);
		core.store().put("billing_portal.session", bps);
		return s.renderer().render(bps, r.expand());
	}

	/**
	 * {@code branding_settings}: what the hosted page shows; colours are hex codes, as
	 * Stripe requires.
	 */
	private static ObjectNode branding(FormParams b) {
		b.allowOnly("display_name", "background_color", "button_color", "border_style", "font_family");
		ObjectNode out = Json.obj();
		out.put("display_name", b.string("display_name"));
		for (String colour : new String[] { "background_color", "button_color" }) {
			String value = b.string(colour);
			if (value != null && !value.matches("#[0-9a-fA-F]{6}")) {
				throw ApiError.invalid(b.name(colour), "Invalid hex color: " + value);
			}
			out.put(colour, value);
		}
		out.put("border_style", b.oneOf("border_style", null, "rounded", "rectangular", "pill"));
		out.put("font_family", b.string("font_family"));
		// Icon and logo are Stripe file uploads, which the emulator does not have.
		out.putNull("icon");
		out.putNull("logo");
		return out;
	}

}
