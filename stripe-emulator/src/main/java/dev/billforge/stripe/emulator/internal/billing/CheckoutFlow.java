package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completes, expires and settles Checkout sessions. A declined card changes nothing (the
 * session stays open, as on Stripe's page); a delayed method completes the session unpaid
 * and settles later.
 */
public final class CheckoutFlow {

	public static final Set<String> METHODS = Set.of("card_success", "card_decline", "delayed_success",
			"delayed_failure", "no_card");

	/**
	 * What the person entered on the hosted page: the payment method ({@code no_card}
	 * starts a trial without a card where the session allows it), email, an optional
	 * promotion code and the billing address's country.
	 */
	public record Entry(String method, String email, String promotionCode, String country) {
	}

	private final Core core;

	private final EventLog events;

	private final Customers customers;

	private final Subscriptions subscriptions;

	private final Payments payments;

	private final Discounts discounts;

	public CheckoutFlow(Core core, EventLog events, Customers customers, Subscriptions subscriptions, Payments payments,
			Discounts discounts) {
		this.discounts = discounts;
		this.core = core;
		this.events = events;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.payments = payments;
	}

	public void complete(ObjectNode session, String method, String email) {
		complete(session, new Entry(method, email, null, null));
	}

	public void complete(ObjectNode session, Entry entry) {
		String method = entry.method();
		String email = entry.email();
		if (!METHODS.contains(method)) {
			throw ApiError.invalid("outcome", "outcome must be one of " + METHODS);
		}
		if (!"open".equals(Json.str(session, "status"))) {
			throw ApiError.invalid("checkout_session_not_open", null,
					"This Checkout Session is " + Json.str(session, "status") + " and can no longer be paid.");
		}
		boolean subscriptionMode = "subscription".equals(Json.str(session, "mode"));
		if (subscriptionMode && method.startsWith("delayed")) {
			throw ApiError.invalid("outcome", "The emulator offers delayed payment methods in payment mode only.");
		}
		if ("no_card".equals(method) && !(subscriptionMode && session.has("_trial_period_days")
				&& "if_required".equals(Json.str(session, "payment_method_collection")))) {
			throw ApiError.invalid("outcome", "This Checkout Session requires a payment method.");
		}
		String country = country(session, entry.country());
		long now = core.epoch(Json.str(session, "_test_clock"));
		ObjectNode promo = promotionCode(session, entry.promotionCode(), now);
		if ("card_decline".equals(method)) {
			throw ApiError.cardDeclined("Your card was declined.");
		}
		String customerEmail = email != null && !email.isBlank() ? email : Json.str(session, "customer_email");
		ObjectNode customer = core.find("customer", Json.str(session, "customer"));
		if (customer == null && (subscriptionMode || "always".equals(Json.str(session, "customer_creation")))) {
			customer = customers.create(customerEmail, null, null, null, null);
		}
		if (customer != null && customerEmail == null) {
			customerEmail = Json.str(customer, "email");
		}
		String customerId = customer == null ? null : Json.str(customer, "id");
		session.put("customer", customerId);
		ObjectNode details = session.putObject("customer_details");
		details.set("address", address(country));
		details.put("email", customerEmail);
		details.putNull("name");
		details.putNull("phone");
		details.put("tax_exempt", "none");
		details.putNull("tax_ids");
		session.put("status", "complete");
		if (customer != null && country != null) {
			customer.set("address", address(country));
		}
		ObjectNode coupon = promo == null ? null
				: core.store().get("coupon", Json.str(promo.path("promotion"), "coupon"));
		ObjectNode discount = coupon == null ? null
				: discounts.redeem(coupon, promo, customerId, null, Json.str(session, "id"), now);
		if (discount != null) {
			ObjectNode d = session.putArray("discounts").addObject();
			d.put("coupon", Json.str(coupon, "id"));
			d.put("promotion_code", Json.str(promo, "id"));
		}
		boolean tax = session.path("automatic_tax").path("enabled").asBoolean(false);
		if (subscriptionMode) {
			if ("no_card".equals(method)) {
				customer.put("_no_payment_method", true);
			}
			else {
				customer.put("_payment_outcome", "succeed");
				customer.remove("_no_payment_method");
				new PaymentMethods(core, events).saveForCustomer(customerId);
			}
			List<Subscriptions.ItemSpec> items = new ArrayList<>();
			int i = 0;
			for (JsonNode li : session.path("_line_items")) {
				items.add(new Subscriptions.ItemSpec(null, Json.str(li.path("price"), "id"),
						li.path("quantity").asLong(1), false, "line_items[" + i++ + "]"));
			}
			JsonNode trial = session.path("_trial_period_days");
			ObjectNode sub = subscriptions.create(new Subscriptions.Create(customerId, items,
					session.path("_subscription_metadata").isObject()
							? (ObjectNode) session.get("_subscription_metadata").deepCopy() : null,
					trial.isMissingNode() || trial.isNull() ? null : trial.asLong(), null, "allow_incomplete", false,
					Json.str(session, "_trial_missing_payment_method"),
					discount == null ? null : Json.str(discount, "id"), tax, Json.str(session, "currency")));
			session.put("subscription", Json.str(sub, "id"));
			session.put("invoice", Json.str(sub, "latest_invoice"));
			ObjectNode inv = core.store().get("invoice", Json.str(sub, "latest_invoice"));
			session.put("payment_status", "paid".equals(Json.str(inv, "status")) && Json.lng(inv, "amount_due", 0) == 0
					&& "trialing".equals(Json.str(sub, "status")) ? "no_payment_required" : "paid");
			totals(session, Json.lng(inv, "subtotal", 0),
					Json.lng(inv, "subtotal", 0) - Json.lng(inv, "total_excluding_tax", 0),
					Json.lng(inv, "total", 0) - Json.lng(inv, "total_excluding_tax", 0));
		}
		else {
			long subtotal = Json.lng(session, "amount_subtotal", 0);
			long off = coupon == null ? 0 : discounts.amountOff(coupon, subtotal, Json.str(session, "currency"));
			totals(session, subtotal, off, tax && country != null ? TaxTable.tax(subtotal - off, country) : 0);
			ObjectNode pi = payments.newPaymentIntent(customerId, Json.lng(session, "amount_total", 0),
					Json.str(session, "currency"), "Checkout " + Json.str(session, "id"));
			pi.set("metadata", session.get("metadata").deepCopy());
			session.put("payment_intent", Json.str(pi, "id"));
			String usage = Json.str(session, "_setup_future_usage");
			if ("card_success".equals(method) && usage != null && customerId != null) {
				// The card is saved for later (e.g. off-session auto top-up), as Stripe
				// does with setup_future_usage.
				pi.put("setup_future_usage", usage);
				pi.put("payment_method", Json.str(new PaymentMethods(core, events).saveForCustomer(customerId), "id"));
			}
			if ("card_success".equals(method)) {
				payments.charge(pi, true, customerEmail);
				session.put("payment_status", "paid");
			}
			else {
				pi.put("status", "processing");
				session.put("payment_status", "unpaid");
				session.put("_async_outcome", "delayed_success".equals(method) ? "success" : "failure");
				session.put("_async_settle_at", core.epoch(Json.str(session, "_test_clock"))
						+ core.config().asyncSettlementDelay().toSeconds());
			}
		}
		core.store().touched();
		events.emit("checkout.session.completed", session);
	}

	private static void totals(ObjectNode session, long subtotal, long discount, long tax) {
		session.put("amount_subtotal", subtotal);
		session.put("amount_total", subtotal - discount + tax);
		ObjectNode totals = (ObjectNode) session.get("total_details");
		totals.put("amount_discount", discount);
		totals.put("amount_tax", tax);
		if (session.path("automatic_tax").path("enabled").asBoolean(false)) {
			((ObjectNode) session.get("automatic_tax")).put("status", "complete");
		}
	}

	/**
	 * The billing country: required when the session collects the billing address or
	 * computes tax.
	 */
	private static String country(ObjectNode session, String given) {
		boolean required = "required".equals(Json.str(session, "billing_address_collection"))
				|| session.path("automatic_tax").path("enabled").asBoolean(false);
		if (given == null || given.isBlank()) {
			if (required) {
				throw ApiError.invalid("billing_address_country_required", "country",
						"Enter the country of your billing address.");
			}
			return null;
		}
		if (!TaxTable.wellFormedCountry(given.strip())) {
			throw ApiError.invalid("country", "Enter a two-letter country code, e.g. DE.");
		}
		return given.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private ObjectNode promotionCode(ObjectNode session, String code, long now) {
		if (code == null || code.isBlank()) {
			return null;
		}
		if (!Json.bool(session, "allow_promotion_codes")) {
			throw ApiError.invalid("promotion_code", "This Checkout Session does not accept promotion codes.");
		}
		return discounts.promotionCode(code, "promotion_code", now);
	}

	private static ObjectNode address(String country) {
		if (country == null) {
			return null;
		}
		ObjectNode a = Json.obj();
		a.putNull("city");
		a.put("country", country);
		a.putNull("line1");
		a.putNull("line2");
		a.putNull("postal_code");
		a.putNull("state");
		return a;
	}

	/**
	 * Settles a delayed payment: async_payment_succeeded (and a charge) or
	 * async_payment_failed.
	 */
	public void settle(ObjectNode session) {
		String outcome = Json.str(session, "_async_outcome");
		if (outcome == null) {
			throw ApiError.invalid(null,
					"Checkout Session " + Json.str(session, "id") + " has no pending delayed payment.");
		}
		session.remove("_async_outcome");
		session.remove("_async_settle_at");
		ObjectNode pi = core.store().get("payment_intent", Json.str(session, "payment_intent"));
		String email = Json.str(session.path("customer_details"), "email");
		if ("success".equals(outcome)) {
			payments.charge(pi, true, email);
			session.put("payment_status", "paid");
			core.store().touched();
			events.emit("checkout.session.async_payment_succeeded", session);
		}
		else {
			payments.charge(pi, false, email);
			core.store().touched();
			events.emit("checkout.session.async_payment_failed", session);
		}
	}

	public void expire(ObjectNode session) {
		if (!"open".equals(Json.str(session, "status"))) {
			throw ApiError.invalid(null, "Only Checkout Sessions with a status of `open` can be expired.");
		}
		session.put("status", "expired");
		session.putNull("url");
		core.store().touched();
		events.emit("checkout.session.expired", session);
	}

}
