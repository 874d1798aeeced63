package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscription status transitions, each announced with customer.subscription.updated or
 * .deleted.
 */
public final class SubscriptionLifecycle {

	private static final Set<String> REVIVABLE = Set.of("incomplete", "past_due", "unpaid");

	private final Core core;

	private final EventLog events;

	private final Renderer renderer;

	public SubscriptionLifecycle(Core core, EventLog events, Renderer renderer) {
		this.core = core;
		this.events = events;
		this.renderer = renderer;
	}

	public ObjectNode subscriptionOf(ObjectNode invoice) {
		String subId = Json.str(invoice.path("parent").path("subscription_details"), "subscription");
		return subId == null ? null : core.store().get("subscription", subId);
	}

	public void status(ObjectNode sub, String status) {
		if (status.equals(Json.str(sub, "status"))) {
			return;
		}
		ObjectNode before = renderer.render(sub);
		sub.put("status", status);
		core.store().touched();
		events.emit("customer.subscription.updated", sub, before);
	}

	/** A paid invoice revives an incomplete, past_due or unpaid subscription. */
	public void invoicePaid(ObjectNode invoice) {
		ObjectNode sub = subscriptionOf(invoice);
		if (sub != null && REVIVABLE.contains(Json.str(sub, "status"))) {
			status(sub, "active");
		}
	}

	public void cancel(ObjectNode sub, String reason) {
		if ("canceled".equals(Json.str(sub, "status"))) {
			return;
		}
		long now = core.epoch(Json.str(sub, "test_clock"));
		sub.put("status", "canceled");
		sub.put("canceled_at", Json.lng(sub, "canceled_at", now));
		sub.put("ended_at", now);
		sub.put("cancel_at_period_end", false);
		sub.withObjectProperty("cancellation_details").put("reason", reason);
		core.store().touched();
		events.emit("customer.subscription.deleted", sub);
	}

}
