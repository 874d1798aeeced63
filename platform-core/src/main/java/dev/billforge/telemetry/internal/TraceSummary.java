package dev.billforge.telemetry.internal;

import java.util.Date;
import java.util.TreeSet;

import org.bson.Document;

/** A trace's row in the traces list, folded from its spans: time span, root, counts, agents, models, cost, tokens. */
final class TraceSummary {

	private final String org;

	private final String traceId;

	private long startNanos = Long.MAX_VALUE;

	private long endNanos = Long.MIN_VALUE;

	private Date start;

	private String rootName;

	private String firstName;

	private String service;

	private String session;

	private int spans;

	private int errors;

	private long costNanos;

	private long inputTokens;

	private long outputTokens;

	private int llmCalls;

	private final TreeSet<String> agents = new TreeSet<>();

	private final TreeSet<String> models = new TreeSet<>();

	private final StringBuilder text = new StringBuilder();

	TraceSummary(String org, String traceId) {
		this.org = org;
		this.traceId = traceId;
	}

	void add(Document span) {
		spans++;
		long spanStart = span.get("startNanos", Number.class).longValue();
		long spanEnd = span.get("endNanos", Number.class).longValue();
		if (spanStart < startNanos) {
			startNanos = spanStart;
			start = span.getDate("start");
			firstName = span.getString("name");
		}
		endNanos = Math.max(endNanos, spanEnd);
		if (span.getString("parentSpanId").isEmpty()) {
			rootName = span.getString("name");
			service = span.getString("service");
		}
		if (service == null) {
			service = span.getString("service");
		}
		if (session == null) {
			session = span.getString("session");
		}
		if (span.get("status", Number.class).intValue() == 2) {
			errors++;
		}
		Document ai = span.get("ai", Document.class);
		if (ai != null) {
			if (ai.getString("agent") != null) {
				agents.add(ai.getString("agent"));
			}
			if (ai.getString("model") != null) {
				models.add(ai.getString("model"));
				llmCalls++;
			}
			Number cost = ai.get("costNanos", Number.class);
			costNanos += cost == null ? 0 : cost.longValue();
			Document tokens = ai.get("tokens", Document.class);
			if (tokens != null) {
				inputTokens += tokens.get("input", Number.class).longValue();
				outputTokens += tokens.get("output", Number.class).longValue();
			}
		}
		if (text.length() < SpanMapping.MAX_TEXT) {
			text.append(' ').append(span.getString("text"));
		}
	}

	Document toDocument(Date receivedAt) {
		Document doc = new Document("_id", org + ":" + traceId).append("org", org)
			.append("traceId", traceId)
			.append("start", start)
			.append("startNanos", startNanos)
			.append("durationNanos", Math.max(0, endNanos - startNanos))
			.append("name", rootName != null ? rootName : firstName)
			.append("complete", rootName != null)
			.append("service", service)
			.append("spans", spans)
			.append("errors", errors)
			.append("agents", java.util.List.copyOf(agents))
			.append("models", java.util.List.copyOf(models))
			.append("costNanos", costNanos)
			.append("inputTokens", inputTokens)
			.append("outputTokens", outputTokens)
			.append("llmCalls", llmCalls)
			.append("text", SpanMapping.truncate(text.toString()))
			.append("receivedAt", receivedAt);
		if (session != null) {
			doc.append("session", session);
		}
		return doc;
	}

}
