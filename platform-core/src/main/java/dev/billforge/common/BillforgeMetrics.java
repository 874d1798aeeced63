package dev.billforge.common;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Counters the modules bump in one line where something a operator watches happens
 * (docs/deploy.md lists them with their Prometheus names). They go to Micrometer's global
 * registry, which Spring Boot connects to the {@code /actuator/prometheus} registry, so a
 * module needs no registry bean for them; tag values come from fixed sets (statuses,
 * reasons, event types), never from user input, so the number of series stays bounded.
 */
public final class BillforgeMetrics {

	private BillforgeMetrics() {
	}

	/**
	 * {@code count} usage events with the same outcome:
	 * {@code billforge_usage_events_total{status, reason}} (one registry look-up for a
	 * batch's events of that outcome).
	 */
	public static void usageEvents(String status, String reason, int count) {
		Metrics.counter("billforge.usage.events", "status", tag(status), "reason", tag(reason)).increment(count);
	}

	/**
	 * A Stripe webhook event handled: {@code billforge_stripe_webhook_events_total{type,
	 * outcome}}.
	 */
	public static <R> R stripeWebhookEvent(String type, R outcome) {
		Metrics.counter("billforge.stripe.webhook.events", "type", tag(type), "outcome", tag(String.valueOf(outcome)))
			.increment();
		return outcome;
	}

	/**
	 * How long after Stripe created an event this app processed it:
	 * {@code billforge_stripe_webhook_lag_seconds}, a histogram (buckets 1 s to 1 day:
	 * Stripe retries a failed delivery for days). Stripe's {@code created} is in whole
	 * seconds, so short lags read as up to a second more.
	 */
	public static void stripeWebhookLag(Duration lag) {
		Timer.builder("billforge.stripe.webhook.lag")
			.description("Stripe event created to processed")
			.serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
					Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
					Duration.ofHours(6), Duration.ofDays(1))
			.register(Metrics.globalRegistry)
			.record(lag.isNegative() ? Duration.ZERO : lag);
	}

	/**
	 * A notification delivery: {@code billforge_notification_deliveries_total{channel,
	 * outcome}} (mail, webhook).
	 */
	public static void delivery(String channel, boolean delivered) {
		Metrics
			.counter("billforge.notification.deliveries", "channel", tag(channel), "outcome",
					delivered ? "delivered" : "failed")
			.increment();
	}

	/**
	 * Drift found and repaired or reported: {@code billforge_drift_found_total{kind}}
	 * ({@code ledger}: a replay disagreed with an account; {@code stripe_subscription},
	 * {@code stripe_pack}: the reconciler repaired the mirror or a lost grant).
	 */
	public static void driftFound(String kind, long count) {
		if (count > 0) {
			Metrics.counter("billforge.drift.found", "kind", tag(kind)).increment(count);
		}
	}

	private static String tag(String value) {
		if (value == null || value.isBlank()) {
			return "none";
		}
		String lower = value.toLowerCase(Locale.ROOT);
		return lower.length() > 64 ? lower.substring(0, 64) : lower;
	}

}
