package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Confirming a payment intent with a card payment method. A declined card answers 402
 * {@code card_declined} (the intent back at {@code requires_payment_method},
 * {@code payment_intent.payment_failed}); a card that needs 3-D Secure leaves the intent
 * at {@code requires_action} ({@code payment_intent.requires_action}) and, off session,
 * answers 402 {@code authentication_required} — as Stripe does. Both errors carry the
 * intent, as Stripe's do.
 */
public final class PaymentIntents {

	private final Core core;

	private final EventLog events;

	private final Payments payments;

	private final PaymentMethods methods;

	public PaymentIntents(Core core, EventLog events, Payments payments, PaymentMethods methods) {
		this.core = core;
		this.events = events;
		this.payments = payments;
		this.methods = methods;
	}

	public ObjectNode confirm(ObjectNode pi, String paymentMethod, boolean offSession) {
		String status = Json.str(pi, "status");
		if (!"requires_payment_method".equals(status) && !"requires_confirmation".equals(status)) {
			throw ApiError.invalid("payment_intent_unexpected_state", null,
					"You cannot confirm this PaymentIntent " + "because it has a status of " + status + ".");
		}
		String pmId = paymentMethod != null ? paymentMethod : Json.str(pi, "payment_method");
		if (pmId == null) {
			throw ApiError.invalid("payment_method",
					"You cannot confirm this PaymentIntent because it's missing a " + "payment method.");
		}
		ObjectNode pm = methods.resolve(pmId, "payment_method");
		String customer = Json.str(pi, "customer");
		String owner = Json.str(pm, "customer");
		if (owner != null && !owner.equals(customer)) {
			throw ApiError.invalid("payment_method", "The provided PaymentMethod belongs to another customer.");
		}
		if (offSession && owner == null) {
			throw ApiError.invalid("payment_method",
					"A PaymentMethod used off session must be attached to the " + "PaymentIntent's customer.");
		}
		pi.put("payment_method", Json.str(pm, "id"));
		switch (PaymentMethods.outcome(pm)) {
			case SUCCEED -> {
				ObjectNode charge = payments.charge(pi, true, null);
				charge.put("payment_method", Json.str(pm, "id"));
				pi.putNull("last_payment_error");
				core.store().touched();
				events.emit("payment_intent.succeeded", pi);
			}
			case DECLINE -> {
				ObjectNode charge = payments.charge(pi, false, null);
				charge.put("payment_method", Json.str(pm, "id"));
				ApiError error = ApiError.card("card_declined", "generic_decline", "Your card was declined.");
				pi.set("last_payment_error", lastError(error, pm));
				pi.putNull("payment_method");
				core.store().touched();
				events.emit("payment_intent.payment_failed", pi);
				throw error.attach("payment_intent", Json.publicCopy(pi)).attach("payment_method", Json.publicCopy(pm));
			}
			case AUTHENTICATE -> {
				pi.put("status", "requires_action");
				ObjectNode next = pi.putObject("next_action");
				next.put("type", "use_stripe_sdk");
				next.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect");
				core.store().touched();
				if (offSession) {
					ApiError error = ApiError.card("authentication_required", "authentication_required",
							"Your card was declined. This transaction requires authentication.");
					pi.set("last_payment_error", lastError(error, pm));
					events.emit("payment_intent.requires_action", pi);
					throw error.attach("payment_intent", Json.publicCopy(pi))
						.attach("payment_method", Json.publicCopy(pm));
				}
				events.emit("payment_intent.requires_action", pi);
			}
		}
		return pi;
	}

	private static ObjectNode lastError(ApiError error, ObjectNode pm) {
		ObjectNode body = (ObjectNode) error.body().get("error");
		body.set("payment_method", Json.publicCopy(pm));
		return body;
	}

}
