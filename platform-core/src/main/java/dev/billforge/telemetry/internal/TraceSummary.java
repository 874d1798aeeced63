package dev.billforge.telemetry.internal;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

import org.bson.Document;

/**
 * A trace's row in the traces list, folded from its spans: time span, root, counts,
 * agents, models, cost, tokens. It also keeps the ids of the spans folded in (up to
 * {@link #MAX_SPAN_IDS}): a span already in it is not folded again, so adding a resent
 * batch changes nothing, and a batch is folded into the stored summary without reading
 * the trace's other spans back. A trace with more spans is rebuilt from its stored spans
 * instead ({@link #complete()} is false then).
 */
final class TraceSummary {

	/**
	 * Span ids a summary keeps; the trace view reads the spans by them (their
	 * {@code _id}s).
	 */
	static final int MAX_SPAN_IDS = 5_000;

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

	private final LinkedHashSet<String> spanIds = new LinkedHashSet<>();

	/**
	 * The stored summary's version this one was read from (0: new); writes compare it.
	 */
	private long version;

	TraceSummary(String org, String traceId) {
		this.org = org;
		this.traceId = traceId;
	}

	/**
	 * The stored summary, to fold more spans into; null when it cannot be resumed (an
	 * older or overflowing one).
	 */
	static TraceSummary resume(Document doc) {
		List<String> ids = doc.getList("spanIds", String.class);
		Number spans = doc.get("spans", Number.class);
		if (ids == null || spans == null || ids.size() != spans.intValue()) {
			return null;
		}
		TraceSummary summary = new TraceSummary(doc.getString("org"), doc.getString("traceId"));
		summary.version = doc.get("v", Number.class) == null ? 0 : doc.get("v", Number.class).longValue();
		summary.spanIds.addAll(ids);
		summary.spans = spans.intValue();
		summary.startNanos = doc.get("startNanos", Number.class).longValue();
		summary.endNanos = summary.startNanos + doc.get("durationNanos", Number.class).longValue();
		summary.start = doc.getDate("start");
		if (Boolean.TRUE.equals(doc.getBoolean("complete"))) {
			summary.rootName = doc.getString("name");
		}
		summary.firstName = doc.getString("name");
		summary.service = doc.getString("service");
		summary.session = doc.getString("session");
		summary.errors = doc.get("errors", Number.class).intValue();
		summary.costNanos = doc.get("costNanos", Number.class).longValue();
		summary.inputTokens = doc.get("inputTokens", Number.class).longValue();
		summary.outputTokens = doc.get("outputTokens", Number.class).longValue();
		summary.llmCalls = doc.get("llmCalls", Number.class).intValue();
		summary.agents.addAll(doc.getList("agents", String.class, List.of()));
		summary.models.addAll(doc.getList("models", String.class, List.of()));
		summary.text.append(doc.getString("text"));
		return summary;
	}

	long version() {
		return version;
	}

	/**
	 * Whether every span folded in is listed by id (false past {@link #MAX_SPAN_IDS}).
	 */
	boolean complete() {
		return spanIds.size() == spans;
	}

	/** Folds a span in unless it is in already; false when it was. */
	boolean addOnce(Document span) {
		String spanId = span.getString("spanId");
		if (spanIds.contains(spanId)) {
			return false;
		}
		if (complete() && spanIds.size() < MAX_SPAN_IDS) {
			spanIds.add(spanId);
		}
		add(span);
		return true;
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
			.append("receivedAt", receivedAt)
			.append("v", version + 1);
		if (complete()) {
			doc.append("spanIds", List.copyOf(spanIds));
		}
		if (session != null) {
			doc.append("session", session);
		}
		return doc;
	}

}
