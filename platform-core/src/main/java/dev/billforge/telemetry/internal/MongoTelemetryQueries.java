package dev.billforge.telemetry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.billforge.orgs.OrgId;
import dev.billforge.telemetry.TelemetryQueries;

/**
 * {@link TelemetryQueries} on the telemetry collections. Lists read the trace summaries
 * (indexed by org and time); aggregations fold at most {@link #MAX_SCAN} documents of the
 * range in memory, which the embedded store handles as well as MongoDB.
 */
final class MongoTelemetryQueries implements TelemetryQueries {

	static final int MAX_SCAN = 50_000;

	private static final int MAX_TRACE_SPANS = 5_000;

	private final TelemetryStore store;

	MongoTelemetryQueries(TelemetryStore store) {
		this.store = store;
	}

	@Override
	public TracePage traces(OrgId org, TraceFilter filter, int page, int size) {
		List<Bson> conditions = new ArrayList<>();
		conditions.add(Filters.eq("org", org.value()));
		if (filter.from() != null) {
			conditions.add(Filters.gte("start", Date.from(filter.from())));
		}
		if (filter.to() != null) {
			conditions.add(Filters.lt("start", Date.from(filter.to())));
		}
		addIfPresent(conditions, "service", filter.service());
		addIfPresent(conditions, "agents", filter.agent());
		addIfPresent(conditions, "models", filter.model());
		if ("error".equals(filter.status())) {
			conditions.add(Filters.gt("errors", 0));
		}
		else if ("ok".equals(filter.status())) {
			conditions.add(Filters.eq("errors", 0));
		}
		if (filter.minDurationMs() != null) {
			conditions.add(Filters.gte("durationNanos", filter.minDurationMs() * 1_000_000));
		}
		if (filter.maxDurationMs() != null) {
			conditions.add(Filters.lte("durationNanos", filter.maxDurationMs() * 1_000_000));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			conditions.add(Filters.regex("text", Pattern.quote(filter.text().strip().toLowerCase(Locale.ROOT))));
		}
		int safeSize = Math.max(1, Math.min(size, 200));
		int safePage = Math.max(0, Math.min(page, 10_000));
		List<TraceRow> rows = new ArrayList<>();
		for (Document doc : store.collection(TelemetryStore.TRACES)
			.find(Filters.and(conditions))
			.sort(Sorts.descending("start"))
			.skip(safePage * safeSize)
			.limit(safeSize + 1)) {
			rows.add(new TraceRow(doc.getString("traceId"), doc.getString("name"), doc.getString("service"),
					doc.getDate("start").toInstant(), nanosToMs(doc, "durationNanos"), doc.getInteger("spans", 0),
					doc.getInteger("errors", 0), doc.getList("agents", String.class),
					doc.getList("models", String.class), usd(doc.get("costNanos", Number.class)),
					doc.getString("session")));
		}
		boolean hasNext = rows.size() > safeSize;
		return new TracePage(hasNext ? rows.subList(0, safeSize) : rows, safePage, hasNext);
	}

	private static void addIfPresent(List<Bson> conditions, String field, String value) {
		if (value != null && !value.isBlank()) {
			conditions.add(Filters.eq(field, value.strip()));
		}
	}

	@Override
	public Optional<TraceView> trace(OrgId org, String traceId) {
		if (traceId == null || traceId.length() != 32 || !traceId.matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		List<Document> spans = spans(org.value(), traceId);
		if (spans.isEmpty()) {
			return Optional.empty();
		}
		long start = spans.stream().mapToLong(s -> s.get("startNanos", Number.class).longValue()).min().orElse(0);
		long end = spans.stream().mapToLong(s -> s.get("endNanos", Number.class).longValue()).max().orElse(start);
		double total = Math.max(1, end - start);
		Map<String, String> parents = new HashMap<>();
		spans.forEach(s -> parents.put(s.getString("spanId"), s.getString("parentSpanId")));
		List<SpanView> views = new ArrayList<>();
		for (Document s : waterfallOrder(spans)) {
			long spanStart = s.get("startNanos", Number.class).longValue();
			long duration = s.get("durationNanos", Number.class).longValue();
			Document ai = s.get("ai", Document.class);
			Document tokens = ai == null ? null : ai.get("tokens", Document.class);
			views.add(new SpanView(s.getString("spanId"), s.getString("parentSpanId"), s.getString("name"),
					s.getString("service"), depth(s.getString("spanId"), parents), (spanStart - start) / 1e6,
					duration / 1e6, 100.0 * (spanStart - start) / total, Math.max(0.5, 100.0 * duration / total),
					s.get("status", Number.class).intValue() == 2, s.getString("statusMessage"),
					ai == null ? null : ai.getString("operation"), ai == null ? null : ai.getString("model"),
					ai == null ? null : ai.getString("agent"), ai == null ? null : ai.getString("toolName"),
					ai == null ? null : ai.getString("toolArguments"), ai == null ? null : ai.getString("toolResult"),
					tokens == null ? 0 : tokens.get("input", Number.class).longValue(),
					tokens == null ? 0 : tokens.get("output", Number.class).longValue(),
					ai == null || ai.get("costNanos") == null ? null : usd(ai.get("costNanos", Number.class)),
					attributes(s)));
		}
		return Optional.of(new TraceView(traceId, Instant.ofEpochMilli(start / 1_000_000), (end - start) / 1e6, views));
	}

	/**
	 * A trace's spans in start order: by their ids from the trace's summary (one lookup
	 * by {@code _id}, which every store answers from its primary index), else — a trace
	 * past the ids a summary keeps — by the (org, trace) index.
	 */
	private List<Document> spans(String org, String traceId) {
		Document summary = store.summaries(org, List.of(traceId)).get(traceId);
		List<String> spanIds = summary == null ? null : summary.getList("spanIds", String.class);
		if (spanIds != null && spanIds.size() == summary.get("spans", Number.class).intValue()) {
			List<String> ids = spanIds.stream().map(spanId -> org + ":" + traceId + spanId).toList();
			List<Document> spans = store.collection(TelemetryStore.SPANS)
				.find(Filters.and(Filters.in("_id", ids), Filters.eq("org", org)))
				.into(new ArrayList<>());
			spans.sort(java.util.Comparator.comparingLong(s -> s.get("startNanos", Number.class).longValue()));
			return spans;
		}
		return store.collection(TelemetryStore.SPANS)
			.find(Filters.and(Filters.eq("org", org), Filters.eq("traceId", traceId)))
			.sort(Sorts.ascending("startNanos"))
			.limit(MAX_TRACE_SPANS)
			.into(new ArrayList<>());
	}

	/** Parents before children, siblings by start: the order of a waterfall. */
	private static List<Document> waterfallOrder(List<Document> spans) {
		Map<String, List<Document>> children = new LinkedHashMap<>();
		Map<String, Document> byId = new HashMap<>();
		spans.forEach(s -> byId.put(s.getString("spanId"), s));
		List<Document> roots = new ArrayList<>();
		for (Document s : spans) {
			String parent = s.getString("parentSpanId");
			if (parent.isEmpty() || !byId.containsKey(parent)) {
				roots.add(s);
			}
			else {
				children.computeIfAbsent(parent, p -> new ArrayList<>()).add(s);
			}
		}
		List<Document> ordered = new ArrayList<>(spans.size());
		java.util.ArrayDeque<Document> stack = new java.util.ArrayDeque<>();
		for (int i = roots.size() - 1; i >= 0; i--) {
			stack.push(roots.get(i));
		}
		while (!stack.isEmpty()) {
			Document s = stack.pop();
			ordered.add(s);
			List<Document> kids = children.getOrDefault(s.getString("spanId"), List.of());
			for (int i = kids.size() - 1; i >= 0; i--) {
				stack.push(kids.get(i));
			}
		}
		return ordered;
	}

	private static int depth(String spanId, Map<String, String> parents) {
		int depth = 0;
		String parent = parents.get(spanId);
		while (parent != null && !parent.isEmpty() && parents.containsKey(parent) && depth < 64) {
			depth++;
			parent = parents.get(parent);
		}
		return depth;
	}

	private static List<Map.Entry<String, Object>> attributes(Document span) {
		List<Map.Entry<String, Object>> out = new ArrayList<>();
		for (Document kv : span.getList("attributes", Document.class)) {
			out.add(new AbstractMap.SimpleImmutableEntry<>(kv.getString("k"), kv.get("v")));
		}
		return out;
	}

	@Override
	public List<SessionRow> sessions(OrgId org, Instant from, Instant to, int limit) {
		Map<String, SessionFold> sessions = new HashMap<>();
		for (Document trace : store.collection(TelemetryStore.TRACES)
			.find(Filters.and(Filters.eq("org", org.value()), Filters.exists("session"), range("start", from, to)))
			.limit(MAX_SCAN)) {
			sessions.computeIfAbsent(trace.getString("session"), SessionFold::new)
				.add(trace.getDate("start").toInstant(), 1, trace.getInteger("spans", 0), trace.getInteger("errors", 0),
						trace.get("costNanos", Number.class).longValue());
		}
		for (Document log : store.collection(TelemetryStore.LOGS)
			.find(Filters.and(Filters.eq("org", org.value()), Filters.exists("session"), range("time", from, to)))
			.limit(MAX_SCAN)) {
			Document ai = log.get("ai", Document.class);
			boolean error = "claude_code.api_error".equals(log.getString("event"))
					|| Boolean.FALSE.equals(log.get("claudeCode", Document.class) == null ? null
							: log.get("claudeCode", Document.class).getBoolean("success"));
			sessions.computeIfAbsent(log.getString("session"), SessionFold::new)
				.add(log.getDate("time").toInstant(), 0, 1, error ? 1 : 0,
						ai == null || ai.get("costNanos") == null ? 0 : ai.get("costNanos", Number.class).longValue());
		}
		return sessions.values()
			.stream()
			.sorted((a, b) -> b.end.compareTo(a.end))
			.limit(Math.max(1, Math.min(limit, 500)))
			.map(SessionFold::row)
			.toList();
	}

	private static final class SessionFold {

		private final String session;

		private Instant start = Instant.MAX;

		private Instant end = Instant.MIN;

		private int traces;

		private int steps;

		private int errors;

		private long costNanos;

		SessionFold(String session) {
			this.session = session;
		}

		void add(Instant at, int traces, int steps, int errors, long costNanos) {
			start = at.isBefore(start) ? at : start;
			end = at.isAfter(end) ? at : end;
			this.traces += traces;
			this.steps += steps;
			this.errors += errors;
			this.costNanos += costNanos;
		}

		SessionRow row() {
			return new SessionRow(session, start, end, traces, steps, errors, usd(costNanos));
		}

	}

	@Override
	public List<CostRow> costs(OrgId org, Instant from, Instant to, String groupBy) {
		Map<String, long[]> folds = new HashMap<>();
		if ("agent".equals(groupBy)) {
			// an LLM call belongs to the agent of its trace (the agent span is its
			// ancestor, not the call itself)
			for (Document trace : store.collection(TelemetryStore.TRACES)
				.find(Filters.and(Filters.eq("org", org.value()), range("start", from, to)))
				.limit(MAX_SCAN)) {
				List<String> agents = trace.getList("agents", String.class);
				long[] fold = folds.computeIfAbsent(agents.isEmpty() ? "(none)" : String.join(", ", agents),
						k -> new long[4]);
				fold[0] += trace.getInteger("llmCalls", 0);
				fold[1] += trace.get("inputTokens", Number.class).longValue();
				fold[2] += trace.get("outputTokens", Number.class).longValue();
				fold[3] += trace.get("costNanos", Number.class).longValue();
			}
		}
		else {
			forEachLlmCall(org, from, to, (at, ai) -> {
				long[] fold = folds.computeIfAbsent(ai.getString("model") == null ? "(none)" : ai.getString("model"),
						k -> new long[4]);
				Document tokens = ai.get("tokens", Document.class);
				fold[0]++;
				fold[1] += tokens == null ? 0 : tokens.get("input", Number.class).longValue();
				fold[2] += tokens == null ? 0 : tokens.get("output", Number.class).longValue();
				fold[3] += ai.get("costNanos") == null ? 0 : ai.get("costNanos", Number.class).longValue();
			});
		}
		return folds.entrySet()
			.stream()
			.map(e -> new CostRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], usd(e.getValue()[3])))
			.sorted((a, b) -> b.costUsd().compareTo(a.costUsd()))
			.toList();
	}

	@Override
	public Map<String, BigDecimal> costPerDay(OrgId org, Instant from, Instant to) {
		Map<String, Long> nanos = new TreeMap<>();
		forEachLlmCall(org, from, to, (at, ai) -> nanos.merge(at.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
				ai.get("costNanos") == null ? 0 : ai.get("costNanos", Number.class).longValue(), Long::sum));
		Map<String, BigDecimal> out = new LinkedHashMap<>();
		nanos.forEach((day, n) -> out.put(day, usd(n)));
		return out;
	}

	/**
	 * Every LLM call in range: GenAI spans with a model and Claude Code's api_request
	 * events.
	 */
	private void forEachLlmCall(OrgId org, Instant from, Instant to,
			java.util.function.BiConsumer<Instant, Document> call) {
		for (Document span : store.collection(TelemetryStore.SPANS)
			.find(Filters.and(Filters.eq("org", org.value()), Filters.exists("ai.model"), range("start", from, to)))
			.projection(new Document("ai", 1).append("start", 1))
			.limit(MAX_SCAN)) {
			call.accept(span.getDate("start").toInstant(), span.get("ai", Document.class));
		}
		for (Document log : store.collection(TelemetryStore.LOGS)
			.find(Filters.and(Filters.eq("org", org.value()), Filters.exists("ai"), range("time", from, to)))
			.projection(new Document("ai", 1).append("time", 1))
			.limit(MAX_SCAN)) {
			call.accept(log.getDate("time").toInstant(), log.get("ai", Document.class));
		}
	}

	@Override
	public ClaudeCodeSummary claudeCode(OrgId org, Instant from, Instant to) {
		return new ClaudeCodeFold(store, org.value(), from, to).summary();
	}

	static Bson range(String field, Instant from, Instant to) {
		return Filters.and(Filters.gte(field, Date.from(from)), Filters.lt(field, Date.from(to)));
	}

	static BigDecimal usd(Number nanos) {
		return nanos == null ? BigDecimal.ZERO : BigDecimal.valueOf(nanos.longValue(), 9).stripTrailingZeros();
	}

	private static double nanosToMs(Document doc, String field) {
		Number n = doc.get(field, Number.class);
		return n == null ? 0 : n.longValue() / 1e6;
	}

}
