package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payment intents, charges and refunds. A charge's {@code amount_refunded} is cumulative.
 */
public final class Payments {

	private final Core core;

	private final EventLog events;

	public Payments(Core core, EventLog events) {
		this.core = core;
		this.events = events;
	}

	public ObjectNode newPaymentIntent(String customer, long amount, String currency, String description) {
		String clock = core.clockOfCustomer(customer);
		ObjectNode pi = Json.obj();
		String id = core.store().newId("pi_", 24);
		pi.put("id", id);
		pi.put("object", "payment_intent");
		pi.put("amount", amount);
		pi.put("amount_capturable", 0);
		pi.putObject("amount_details").putObject("tip");
		pi.putNull("application");
		pi.putNull("application_fee_amount");
		pi.putNull("automatic_payment_methods");
		pi.putNull("canceled_at");
		pi.putNull("cancellation_reason");
		pi.put("confirmation_method", "automatic");
		pi.putNull("customer_account");
		pi.putNull("excluded_payment_method_types");
		pi.putNull("last_payment_error");
		pi.putNull("managed_payments");
		pi.putNull("next_action");
		pi.putNull("on_behalf_of");
		pi.putNull("payment_method_configuration_details");
		pi.putObject("payment_method_options");
		pi.putNull("processing");
		pi.putNull("receipt_email");
		pi.putNull("review");
		pi.putNull("setup_future_usage");
		pi.putNull("shipping");
		pi.putNull("source");
		pi.putNull("statement_descriptor");
		pi.putNull("statement_descriptor_suffix");
		pi.putNull("transfer_data");
		pi.putNull("transfer_group");
		pi.put("amount_received", 0);
		pi.put("capture_method", "automatic");
		pi.put("client_secret", id + "_secret_" + core.store().randomToken(24));
		pi.put("created", core.epoch(clock));
		pi.put("currency", currency);
		pi.put("customer", customer);
		pi.put("description", description);
		pi.putNull("latest_charge");
		pi.put("livemode", false);
		pi.putObject("metadata");
		pi.putNull("payment_method");
		pi.putArray("payment_method_types").add("card");
		pi.put("status", "requires_payment_method");
		core.store().put("payment_intent", pi);
		return pi;
	}

	/**
	 * Charges a payment intent; emits charge.succeeded or charge.failed and returns the
	 * charge.
	 */
	public ObjectNode charge(ObjectNode pi, boolean succeed, String email) {
		String customer = Json.str(pi, "customer");
		String clock = core.clockOfCustomer(customer);
		long amount = Json.lng(pi, "amount", 0);
		ObjectNode ch = Json.obj();
		ch.put("id", core.store().newId("ch_", 24));
		ch.put("object", "charge");
		ch.put("amount", amount);
		ch.put("amount_captured", succeed ? amount : 0);
		ch.put("amount_refunded", 0);
		ch.putNull("application");
		ch.putNull("application_fee");
		ch.putNull("application_fee_amount");
		ch.putNull("failure_balance_transaction");
		ch.putNull("on_behalf_of");
		ch.putNull("receipt_number");
		ch.putNull("shipping");
		ch.putNull("source");
		ch.putNull("source_transfer");
		ch.putNull("statement_descriptor");
		ch.putNull("statement_descriptor_suffix");
		ch.putNull("transfer_data");
		ch.putNull("transfer_group");
		ch.putNull("balance_transaction");
		ObjectNode billing = ch.putObject("billing_details");
		billing.putNull("address");
		billing.put("email", email);
		billing.putNull("name");
		billing.putNull("phone");
		ch.put("calculated_statement_descriptor", "BILLFORGE TEST");
		ch.put("captured", succeed);
		ch.put("created", core.epoch(clock));
		ch.put("currency", Json.str(pi, "currency"));
		ch.put("customer", customer);
		ch.put("description", Json.str(pi, "description"));
		ch.put("disputed", false);
		ch.put("failure_code", succeed ? null : "card_declined");
		ch.put("failure_message", succeed ? null : "Your card was declined.");
		ch.putObject("fraud_details");
		ch.put("livemode", false);
		ch.putObject("metadata");
		ObjectNode outcome = ch.putObject("outcome");
		outcome.put("network_status", succeed ? "approved_by_network" : "declined_by_network");
		outcome.put("reason", succeed ? null : "generic_decline");
		outcome.put("risk_level", "normal");
		outcome.put("seller_message",
				succeed ? "Payment complete." : "The bank did not return any further details with this decline.");
		outcome.put("type", succeed ? "authorized" : "issuer_declined");
		ch.put("paid", succeed);
		ch.put("payment_intent", Json.str(pi, "id"));
		ch.put("payment_method", "pm_" + core.store().randomToken(24));
		ObjectNode pmd = ch.putObject("payment_method_details");
		ObjectNode card = pmd.putObject("card");
		card.put("brand", "visa");
		card.put("country", "US");
		card.put("exp_month", 12);
		card.put("exp_year", 2034);
		card.put("funding", "credit");
		card.put("last4", succeed ? "4242" : "0002");
		pmd.put("type", "card");
		ch.putNull("receipt_email");
		ch.putNull("receipt_url");
		ch.put("refunded", false);
		ch.putNull("review");
		ch.put("status", succeed ? "succeeded" : "failed");
		core.store().put("charge", ch);
		pi.put("latest_charge", Json.str(ch, "id"));
		pi.put("status", succeed ? "succeeded" : "requires_payment_method");
		pi.put("amount_received", succeed ? amount : 0);
		core.store().touched();
		events.emit(succeed ? "charge.succeeded" : "charge.failed", ch);
		return ch;
	}

	/** Refunds part or all of a charge; the default amount is what is left unrefunded. */
	public ObjectNode refund(ObjectNode charge, Long requested, String reason, ObjectNode metadata) {
		long amount = Json.lng(charge, "amount", 0);
		long refunded = Json.lng(charge, "amount_refunded", 0);
		String chargeId = Json.str(charge, "id");
		if (!"succeeded".equals(Json.str(charge, "status"))) {
			throw ApiError.invalid("charge", "Charge " + chargeId + " has not succeeded and cannot be refunded.");
		}
		if (refunded >= amount) {
			throw ApiError.invalid("charge_already_refunded", "charge",
					"Charge " + chargeId + " has already been refunded.");
		}
		long value = requested == null ? amount - refunded : requested;
		if (value <= 0) {
			throw ApiError.invalid("amount", "Refund amount must be a positive integer.");
		}
		if (value > amount - refunded) {
			throw ApiError.invalid("amount_too_large", "amount", "Refund amount (" + value
					+ ") is greater than unrefunded amount on charge (" + (amount - refunded) + ")");
		}
		String clock = core.clockOfCustomer(Json.str(charge, "customer"));
		ObjectNode re = Json.obj();
		re.put("id", core.store().newId("re_", 24));
		re.put("object", "refund");
		re.put("amount", value);
		re.putNull("balance_transaction");
		re.put("charge", chargeId);
		re.put("created", core.epoch(clock));
		re.put("currency", Json.str(charge, "currency"));
		re.put("customer", Json.str(charge, "customer"));
		re.putNull("customer_account");
		ObjectNode destination = re.putObject("destination_details");
		destination.putObject("card").put("type", "refund");
		destination.put("type", "card");
		re.put("payment_method", Json.str(charge, "payment_method"));
		re.putNull("source_transfer_reversal");
		re.putNull("transfer_reversal");
		re.set("metadata", metadata == null ? Json.obj() : metadata);
		re.put("payment_intent", Json.str(charge, "payment_intent"));
		re.put("reason", reason);
		re.putNull("receipt_number");
		re.put("status", "succeeded");
		core.store().put("refund", re);
		charge.put("amount_refunded", refunded + value);
		charge.put("refunded", refunded + value == amount);
		core.store().touched();
		events.emit("refund.created", re);
		events.emit("charge.refunded", charge);
		return re;
	}

	/**
	 * A refund the bank returned (test helper; on Stripe e.g. an expired card): the
	 * refund becomes {@code failed}, its amount counts as unrefunded on the charge again,
	 * and {@code refund.updated}, {@code refund.failed} and {@code charge.refund.updated}
	 * are sent.
	 */
	public ObjectNode failRefund(ObjectNode refund) {
		if ("failed".equals(Json.str(refund, "status")) || "canceled".equals(Json.str(refund, "status"))) {
			throw ApiError.invalid("refund",
					"Refund " + Json.str(refund, "id") + " has already " + Json.str(refund, "status") + ".");
		}
		ObjectNode charge = core.require("charge", Json.str(refund, "charge"));
		refund.put("status", "failed");
		refund.put("failure_reason", "expired_or_canceled_card");
		long refunded = Json.lng(charge, "amount_refunded", 0) - Json.lng(refund, "amount", 0);
		charge.put("amount_refunded", Math.max(0, refunded));
		charge.put("refunded", false);
		core.store().touched();
		events.emit("refund.updated", refund);
		events.emit("refund.failed", refund);
		events.emit("charge.refund.updated", refund);
		return refund;
	}

}
