package dev.billforge.telemetry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import dev.billforge.ledger.DenialReason;
import dev.billforge.orgs.OrgId;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * Stores and charges one OTLP request: map and validate everything first (an invalid item
 * refuses the request, nothing stored), charge every item in one ledger commit, then
 * store the items the org paid for (now or on an earlier try). Charging before storing
 * makes a crash in between harmless: the exporter's retry finds the charges already made
 * and stores what is missing.
 */
final class TelemetryIngest {

	private final TelemetryStore store;

	private final TelemetryCharges charges;

	private final ModelPrices prices;

	private final Limits limits;

	private final Clock clock;

	TelemetryIngest(TelemetryStore store, TelemetryCharges charges, ModelPrices prices, Limits limits, Clock clock) {
		this.store = store;
		this.charges = charges;
		this.prices = prices;
		this.limits = limits;
		this.clock = clock;
	}

	Limits limits() {
		return limits;
	}

	/**
	 * What happened to a request: how many items were refused for lack of credits, and
	 * why.
	 */
	record Outcome(int items, int rejected, DenialReason reason, String kind) {

		boolean allRejected() {
			return rejected > 0 && rejected == items;
		}

		String message() {
			if (rejected == 0) {
				return "";
			}
			String why = reason == DenialReason.CAP_REACHED ? "the org's spend cap is reached"
					: reason == DenialReason.ACCOUNT_BLOCKED ? "the org's account is blocked by billing"
							: "the org has no credits left";
			return (reason == null ? "insufficient_credits" : reason.code()) + ": " + rejected + " of " + items + " "
					+ kind + " refused because " + why + "; add credits (or raise the cap) and send them again";
		}

	}

	Outcome traces(OrgId org, ExportTraceServiceRequest request) {
		checkCount(SpanMapping.count(request), "spans");
		Instant now = clock.instant();
		List<SpanMapping.SpanItem> spans = SpanMapping.map(org.value(), request, limits, prices, now);
		Set<String> tracesCharged = new HashSet<>();
		List<TelemetryCharges.Item> items = new ArrayList<>(spans.size());
		for (SpanMapping.SpanItem span : spans) {
			TelemetryCharges.Item item = charges.item(now);
			if (tracesCharged.add(span.traceId())) {
				item.trace(span.traceId());
			}
			items.add(item.span(span.traceId(), span.spanId())
				.session(span.doc().getString("session"))
				.llmCost(span.traceId() + span.spanId(), span.ai()));
		}
		TelemetryCharges.Result result = charges.charge(org, items);
		List<Document> docs = new ArrayList<>();
		Map<String, List<Document>> traces = new LinkedHashMap<>();
		for (int i = 0; i < spans.size(); i++) {
			if (result.accepted()[i]) {
				docs.add(spans.get(i).doc());
				traces.computeIfAbsent(spans.get(i).traceId(), id -> new ArrayList<>()).add(spans.get(i).doc());
			}
		}
		store.insertNew(TelemetryStore.SPANS, docs);
		store.foldTraces(org.value(), traces, now);
		return new Outcome(spans.size(), result.rejected(), result.reason(), "spans");
	}

	Outcome logs(OrgId org, ExportLogsServiceRequest request) {
		checkCount(LogMapping.count(request), "log records");
		Instant now = clock.instant();
		List<LogMapping.LogItem> logs = LogMapping.map(org.value(), request, limits, prices, now);
		List<TelemetryCharges.Item> items = new ArrayList<>(logs.size());
		for (LogMapping.LogItem log : logs) {
			items.add(charges.item(now)
				.log(log.hash())
				.session(log.doc().getString("session"))
				.llmCost(log.hash(), log.ai()));
		}
		TelemetryCharges.Result result = charges.charge(org, items);
		List<Document> docs = new ArrayList<>();
		for (int i = 0; i < logs.size(); i++) {
			if (result.accepted()[i]) {
				docs.add(logs.get(i).doc());
			}
		}
		store.insertNew(TelemetryStore.LOGS, docs);
		return new Outcome(logs.size(), result.rejected(), result.reason(), "log records");
	}

	Outcome metrics(OrgId org, ExportMetricsServiceRequest request) {
		checkCount(MetricMapping.count(request), "data points");
		Instant now = clock.instant();
		List<MetricMapping.PointItem> points = MetricMapping.map(org.value(), request, limits, now);
		List<TelemetryCharges.Item> items = new ArrayList<>(points.size());
		for (MetricMapping.PointItem point : points) {
			items.add(charges.item(now).point(point.hash()).session(point.doc().getString("session")));
		}
		TelemetryCharges.Result result = charges.charge(org, items);
		List<Document> docs = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			if (result.accepted()[i]) {
				docs.add(points.get(i).doc());
			}
		}
		store.insertNew(TelemetryStore.METRICS, docs);
		return new Outcome(points.size(), result.rejected(), result.reason(), "data points");
	}

	private void checkCount(int count, String kind) {
		if (count > limits.maxItems()) {
			throw OtlpRejection.invalid("request has " + count + " " + kind + ", more than " + limits.maxItems());
		}
	}

}
