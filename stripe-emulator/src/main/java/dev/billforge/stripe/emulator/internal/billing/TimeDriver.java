package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Performs due work of one time domain (a test clock, or the real clock for everything
 * else) in time order: renewals, automatic finalization after the draft window, payment
 * retries, Checkout expiry, delayed payment settlement and expiry of incomplete
 * subscriptions. "Now" is pinned to each item's due time while it runs, so objects and
 * events carry the time the work was due.
 */
public final class TimeDriver {

	private static final Set<String> RENEWING = Set.of("active", "trialing", "past_due", "unpaid");

	private static final long INCOMPLETE_LIFETIME = 23 * 3600;

	private static final int MAX_STEPS = 100_000;

	private static final long TRIAL_WILL_END_NOTICE = 3 * 86_400;

	private final Core core;

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	private final CheckoutFlow checkout;

	public TimeDriver(Core core, Subscriptions subscriptions, Invoices invoices, CheckoutFlow checkout) {
		this.core = core;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.checkout = checkout;
	}

	private record Due(long at, long seq, Runnable action) {
	}

	/**
	 * Runs everything due in the domain up to {@code target}; for a test clock, moves its
	 * frozen time.
	 */
	public void advance(String clockId, long target) {
		ObjectNode clock = clockId == null ? null : core.store().get("test_helpers.test_clock", clockId);
		try {
			for (int step = 0; step < MAX_STEPS; step++) {
				Due next = next(clockId, target);
				if (next == null) {
					break;
				}
				if (clock != null) {
					clock.put("frozen_time", Math.max(Json.lng(clock, "frozen_time", 0), next.at()));
				}
				core.pinTime(clockId, Instant
					.ofEpochSecond(Math.max(next.at(), clock == null ? 0 : Json.lng(clock, "frozen_time", 0))));
				next.action().run();
			}
		}
		finally {
			core.pinTime(clockId, null);
		}
		if (clock != null) {
			clock.put("frozen_time", target);
			core.store().touched();
		}
	}

	private Due next(String clockId, long target) {
		Due best = null;
		for (ObjectNode sub : core.store().all("subscription")) {
			if (!Objects.equals(clockId, Json.str(sub, "test_clock"))) {
				continue;
			}
			String status = Json.str(sub, "status");
			if ("trialing".equals(status) && !sub.path("trial_end").isNull()
					&& !Json.bool(sub, "_trial_will_end_sent")) {
				long at = Math.max(Json.lng(sub, "trial_end", 0) - TRIAL_WILL_END_NOTICE,
						Json.lng(sub, "trial_start", 0));
				best = earlier(best, at, sub, () -> subscriptions.announceTrialEnd(sub), target);
			}
			if (RENEWING.contains(status)) {
				long end = subscriptions.items(sub)
					.stream()
					.mapToLong(si -> Json.lng(si, "current_period_end", 0))
					.min()
					.orElse(0);
				best = earlier(best, end, sub, () -> subscriptions.renew(sub), target);
			}
			else if ("incomplete".equals(status)) {
				best = earlier(best, Json.lng(sub, "created", 0) + INCOMPLETE_LIFETIME, sub,
						() -> subscriptions.expireIncomplete(sub), target);
			}
		}
		for (ObjectNode inv : core.store().all("invoice")) {
			if (!Objects.equals(clockId, Json.str(inv, "test_clock")) || !Json.bool(inv, "auto_advance")) {
				continue;
			}
			String status = Json.str(inv, "status");
			if ("draft".equals(status) && !inv.path("automatically_finalizes_at").isNull()) {
				best = earlier(best, Json.lng(inv, "automatically_finalizes_at", 0), inv, () -> {
					invoices.finalizeInvoice(inv);
					if ("open".equals(Json.str(inv, "status"))) {
						invoices.attemptPayment(inv, true);
					}
				}, target);
			}
			else if ("open".equals(status) && !inv.path("next_payment_attempt").isNull()) {
				best = earlier(best, Json.lng(inv, "next_payment_attempt", 0), inv,
						() -> invoices.attemptPayment(inv, true), target);
			}
		}
		for (ObjectNode cs : core.store().all("checkout.session")) {
			if (!Objects.equals(clockId, Json.str(cs, "_test_clock"))) {
				continue;
			}
			if ("open".equals(Json.str(cs, "status"))) {
				best = earlier(best, Json.lng(cs, "expires_at", 0), cs, () -> checkout.expire(cs), target);
			}
			else if (cs.has("_async_settle_at")) {
				best = earlier(best, Json.lng(cs, "_async_settle_at", 0), cs, () -> checkout.settle(cs), target);
			}
		}
		return best;
	}

	private static Due earlier(Due best, long at, ObjectNode owner, Runnable action, long target) {
		if (at > target) {
			return best;
		}
		long seq = Json.lng(owner, "_seq", 0);
		if (best == null || at < best.at() || (at == best.at() && seq < best.seq())) {
			return new Due(at, seq, action);
		}
		return best;
	}

}
