package dev.billforge.telemetry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.DenialReason;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.OrgId;
import dev.billforge.telemetry.TelemetryProperties;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Charges a request's items through {@link Metering}: one usage event per charge with a
 * durable key, so a resent item is a duplicate and costs nothing. Keys contain a space,
 * which the usage API refuses, so no client can take a telemetry key in advance. Each
 * charge's {@code operation} (spans, traces, logs, metrics, llm_cost) groups the usage
 * dashboard.
 * <p>
 * Every item has a primary charge (its span, log record or data point; else its first
 * charge) and maybe secondary ones (the trace's first-span fee, the LLM cost). All go in
 * one ledger commit with {@code enforce}, primaries first: an item is stored when its
 * primary is funded (now or before). In the rare commit where credits run out part way, a
 * stored item's secondary charge that was refused is recorded in a second commit without
 * {@code enforce} (the item is stored, so its usage is a fact: overage or debt by the
 * ledger's rules). A refused item's secondary charge can only pass when it is smaller
 * than one primary charge; it stays charged once under its key.
 */
final class TelemetryCharges {

	private final Metering metering;

	private final ValueMetric metric;

	private final TelemetryProperties.Charging charging;

	TelemetryCharges(Metering metering, ValueMetric metric, TelemetryProperties.Charging charging) {
		this.metering = metering;
		this.metric = metric;
		this.charging = charging;
	}

	/**
	 * The charges of one item (a span, log record or data point); built with the methods
	 * below.
	 */
	final class Item {

		private UsageEvent primary;

		private final List<UsageEvent> secondaries = new ArrayList<>(2);

		private final Instant occurredAt;

		Item(Instant occurredAt) {
			this.occurredAt = occurredAt;
		}

		Item span(String traceId, String spanId) {
			return add(true, charging.getSpanMeter(), "span " + traceId + spanId, BigDecimal.ONE, "spans");
		}

		Item trace(String traceId) {
			return add(false, charging.getTraceMeter(), "trace " + traceId, BigDecimal.ONE, "traces");
		}

		Item log(String hash) {
			return add(true, charging.getLogMeter(), "log " + hash, BigDecimal.ONE, "logs");
		}

		Item point(String hash) {
			return add(true, charging.getMetricMeter(), "point " + hash, BigDecimal.ONE, "metrics");
		}

		/**
		 * The session's fee, keyed by the session id's hash (ids are free text of any
		 * length): every item of the session carries the same key, so the session is
		 * charged once, and when the fee is an item's only charge, all the session's
		 * items in the request are refused together.
		 */
		Item session(String session) {
			if (session == null || session.isEmpty()) {
				return this;
			}
			return add(false, charging.getSessionMeter(), "session " + ContentHash.sha256(session), BigDecimal.ONE,
					"sessions");
		}

		/**
		 * The observed LLM cost (USD) times the markup, for the item named by {@code id}.
		 */
		Item llmCost(String id, GenAi ai) {
			if (ai == null || ai.costUsd() == null || ai.costUsd().signum() <= 0) {
				return this;
			}
			return add(false, charging.getLlmCostMeter(), "llm " + id,
					ai.costUsd().multiply(charging.getLlmCostMarkup()), "llm_cost");
		}

		private Item add(boolean isPrimary, String meter, String key, BigDecimal quantity, String operation) {
			if (meter != null && metric.meter(meter).isPresent()) {
				UsageEvent event = new UsageEvent("otlp " + key, meter, quantity, occurredAt,
						Map.of("operation", operation));
				if (isPrimary) {
					if (primary != null) {
						secondaries.add(0, primary);
					}
					primary = event;
				}
				else {
					secondaries.add(event);
				}
			}
			return this;
		}

		/**
		 * The primary charge: the item's own, else its first secondary; null when the
		 * item is free.
		 */
		private UsageEvent primary() {
			return primary != null ? primary : secondaries.isEmpty() ? null : secondaries.get(0);
		}

		private List<UsageEvent> secondaries() {
			return primary != null ? secondaries
					: secondaries.isEmpty() ? List.of() : secondaries.subList(1, secondaries.size());
		}

	}

	Item item(Instant occurredAt) {
		return new Item(occurredAt);
	}

	/** Which items were accepted (charged now or before); a refused item names why. */
	record Result(boolean[] accepted, int rejected, DenialReason reason) {

		int acceptedCount() {
			return accepted.length - rejected;
		}

	}

	Result charge(OrgId org, List<Item> items) {
		List<UsageEvent> events = new ArrayList<>();
		items.forEach(item -> {
			if (item.primary() != null) {
				events.add(item.primary());
			}
		});
		items.forEach(item -> events.addAll(item.secondaries()));
		boolean[] accepted = new boolean[items.size()];
		java.util.Arrays.fill(accepted, true);
		if (events.isEmpty()) {
			return new Result(accepted, 0, null);
		}
		Map<String, UsageOutcome> outcomes = record(org, events, true);
		int rejected = 0;
		DenialReason reason = null;
		List<UsageEvent> late = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			UsageOutcome primary = item.primary() == null ? null : outcomes.get(item.primary().idempotencyKey());
			// a conflict is an earlier charge under the same key (e.g. a cost priced
			// again): charged once already
			if (primary != null && primary.status() == UsageOutcome.Status.REJECTED) {
				accepted[i] = false;
				rejected++;
				reason = reason == null ? primary.rejectedFor() : reason;
				continue;
			}
			for (UsageEvent secondary : item.secondaries()) {
				UsageOutcome outcome = outcomes.get(secondary.idempotencyKey());
				if (outcome != null && outcome.status() == UsageOutcome.Status.REJECTED) {
					late.add(secondary);
				}
			}
		}
		if (!late.isEmpty()) {
			record(org, late, false);
		}
		return new Result(accepted, rejected, reason);
	}

	private Map<String, UsageOutcome> record(OrgId org, List<UsageEvent> events, boolean enforce) {
		Map<String, UsageOutcome> outcomes = new HashMap<>();
		for (UsageOutcome outcome : metering.record(org, dedupe(events), enforce)) {
			outcomes.put(outcome.idempotencyKey(), outcome);
		}
		return outcomes;
	}

	/** A key twice in one request (the same span twice) is charged once. */
	private static List<UsageEvent> dedupe(List<UsageEvent> events) {
		Map<String, UsageEvent> byKey = new java.util.LinkedHashMap<>();
		events.forEach(event -> byKey.putIfAbsent(event.idempotencyKey(), event));
		return List.copyOf(byKey.values());
	}

}
