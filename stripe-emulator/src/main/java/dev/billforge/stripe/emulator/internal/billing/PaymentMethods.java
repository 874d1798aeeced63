package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card payment methods. Stripe's test tokens ({@code pm_card_visa},
 * {@code pm_card_chargeDeclined}, {@code pm_card_authenticationRequired}) become a new
 * {@code pm_} object wherever a payment method is accepted, as on Stripe; what charging
 * it does is kept with it ({@code _outcome}).
 */
public final class PaymentMethods {

	/** What charging a card does. */
	public enum Outcome {

		SUCCEED, DECLINE, AUTHENTICATE

	}

	private record TestCard(String last4, Outcome outcome) {
	}

	private static final Map<String, TestCard> TEST_TOKENS = Map.of("pm_card_visa",
			new TestCard("4242", Outcome.SUCCEED), "pm_card_chargeDeclined", new TestCard("0002", Outcome.DECLINE),
			"pm_card_authenticationRequired", new TestCard("3184", Outcome.AUTHENTICATE));

	private final Core core;

	private final EventLog events;

	public PaymentMethods(Core core, EventLog events) {
		this.core = core;
		this.events = events;
	}

	/** A stored payment method, or a new one for a test token. */
	public ObjectNode resolve(String idOrToken, String param) {
		TestCard card = TEST_TOKENS.get(idOrToken);
		if (card != null) {
			return create(card.last4(), card.outcome(), null);
		}
		ObjectNode pm = core.find("payment_method", idOrToken);
		if (pm == null) {
			throw new ApiError(400, "invalid_request_error", "resource_missing",
					"No such PaymentMethod: '" + idOrToken + "'", param, null);
		}
		return pm;
	}

	/** The card a hosted Checkout page saves for the customer (test card 4242). */
	public ObjectNode saveForCustomer(String customerId) {
		ObjectNode pm = create("4242", Outcome.SUCCEED, null);
		attach(pm, customerId);
		ObjectNode customer = core.require("customer", customerId);
		ObjectNode settings = (ObjectNode) customer.get("invoice_settings");
		if (settings != null && Json.str(settings, "default_payment_method") == null) {
			settings.put("default_payment_method", Json.str(pm, "id"));
		}
		return pm;
	}

	public ObjectNode attach(ObjectNode pm, String customerId) {
		core.require("customer", customerId);
		String current = Json.str(pm, "customer");
		if (current != null && !current.equals(customerId)) {
			throw ApiError.invalid("customer",
					"The payment method you provided has already been attached to a " + "customer.");
		}
		if (current == null) {
			pm.put("customer", customerId);
			core.store().touched();
			events.emit("payment_method.attached", pm);
		}
		return pm;
	}

	public ObjectNode detach(ObjectNode pm) {
		if (Json.str(pm, "customer") == null) {
			throw ApiError.invalid(null, "The payment method " + Json.str(pm, "id")
					+ " is not attached to a customer so detachment is impossible.");
		}
		pm.putNull("customer");
		core.store().touched();
		events.emit("payment_method.detached", pm);
		return pm;
	}

	public static Outcome outcome(ObjectNode pm) {
		String stored = Json.str(pm, "_outcome");
		return stored == null ? Outcome.SUCCEED : Outcome.valueOf(stored);
	}

	private ObjectNode create(String last4, Outcome outcome, String customer) {
		ObjectNode pm = Json.obj();
		pm.put("id", core.store().newId("pm_", 24));
		pm.put("object", "payment_method");
		pm.putNull("allow_redisplay");
		ObjectNode billing = pm.putObject("billing_details");
		billing.putNull("address");
		billing.putNull("email");
		billing.putNull("name");
		billing.putNull("phone");
		ObjectNode card = pm.putObject("card");
		card.put("brand", "visa");
		card.put("country", "US");
		card.put("exp_month", 12);
		card.put("exp_year", 2034);
		card.put("funding", "credit");
		card.put("last4", last4);
		pm.put("created", core.epoch(null));
		pm.put("customer", customer);
		pm.putNull("customer_account");
		pm.put("livemode", false);
		pm.putObject("metadata");
		pm.put("type", "card");
		pm.put("_outcome", outcome.name());
		core.store().put("payment_method", pm);
		return pm;
	}

}
