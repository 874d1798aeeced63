package dev.billforge.telemetry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.model.Filters;

import dev.billforge.telemetry.TelemetryQueries.ClaudeCodeSummary;
import dev.billforge.telemetry.TelemetryQueries.ToolUsage;

/**
 * Claude Code's dashboard from what it exports: metrics ({@code claude_code.cost.usage},
 * {@code token.usage} by model and type, {@code lines_of_code.count},
 * {@code session.count}) and events ({@code tool_result}, {@code tool_decision},
 * {@code api_request}, {@code api_error}). Delta sums are added up; a cumulative series
 * counts with its latest value.
 */
final class ClaudeCodeFold {

	private final TelemetryStore store;

	private final String org;

	private final Instant from;

	private final Instant to;

	private final Set<String> sessions = new HashSet<>();

	/** Per series: [value, time] — summed for delta, latest for cumulative. */
	private final Map<String, Object[]> series = new HashMap<>();

	ClaudeCodeFold(TelemetryStore store, String org, Instant from, Instant to) {
		this.store = store;
		this.org = org;
		this.from = from;
		this.to = to;
	}

	ClaudeCodeSummary summary() {
		Map<String, BigDecimal> costByModel = new TreeMap<>();
		Map<String, BigDecimal> costPerDay = new TreeMap<>();
		Map<String, Map<String, Long>> tokens = new TreeMap<>();
		long[] lines = new long[2];
		for (Document point : store.collection(TelemetryStore.METRICS)
			.find(Filters.and(Filters.eq("org", org), Filters.regex("name", "^claude_code\\."),
					MongoTelemetryQueries.range("time", from, to)))
			.limit(MongoTelemetryQueries.MAX_SCAN)) {
			if (point.getString("session") != null) {
				sessions.add(point.getString("session"));
			}
			fold(point);
		}
		for (Object[] s : series.values()) {
			Document point = (Document) s[2];
			double value = (double) s[0];
			String model = point.getString("model") == null ? "(none)" : point.getString("model");
			switch (point.getString("name")) {
				case "claude_code.cost.usage" -> {
					BigDecimal usd = BigDecimal.valueOf(value);
					costByModel.merge(model, usd, BigDecimal::add);
					costPerDay.merge(
							point.getDate("time").toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString(), usd,
							BigDecimal::add);
				}
				case "claude_code.token.usage" -> tokens.computeIfAbsent(model, m -> new TreeMap<>())
					.merge(point.getString("kind") == null ? "(none)" : point.getString("kind"), Math.round(value),
							Long::sum);
				case "claude_code.lines_of_code.count" ->
					lines["removed".equals(point.getString("kind")) ? 1 : 0] += Math.round(value);
				default -> {
				}
			}
		}
		Map<String, long[]> tools = new TreeMap<>();
		long[] api = new long[2];
		for (Document log : store.collection(TelemetryStore.LOGS)
			.find(Filters.and(Filters.eq("org", org), Filters.exists("claudeCode"),
					MongoTelemetryQueries.range("time", from, to)))
			.limit(MongoTelemetryQueries.MAX_SCAN)) {
			Document cc = log.get("claudeCode", Document.class);
			if (log.getString("session") != null) {
				sessions.add(log.getString("session"));
			}
			String tool = cc.getString("toolName");
			switch (cc.getString("event")) {
				case "tool_result" -> {
					long[] t = tools.computeIfAbsent(tool, k -> new long[5]);
					t[0]++;
					t[1] += Boolean.FALSE.equals(cc.getBoolean("success")) ? 1 : 0;
					t[2] += cc.get("durationMs") == null ? 0 : cc.get("durationMs", Number.class).longValue();
				}
				case "tool_decision" -> {
					long[] t = tools.computeIfAbsent(tool, k -> new long[5]);
					t["reject".equals(cc.getString("decision")) ? 4 : 3]++;
				}
				case "api_request" -> api[0]++;
				case "api_error" -> api[1]++;
				default -> {
				}
			}
		}
		Map<String, BigDecimal> costs = new LinkedHashMap<>(costByModel);
		BigDecimal total = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return new ClaudeCodeSummary(sessions.size(), total, costs, tokens, lines[0], lines[1], tools.entrySet()
			.stream()
			.map(e -> new ToolUsage(e.getKey(), e.getValue()[0], e.getValue()[1],
					e.getValue()[0] == 0 ? 0 : e.getValue()[2] / e.getValue()[0], e.getValue()[3], e.getValue()[4]))
			.toList(), api[0], api[1], costPerDay);
	}

	private void fold(Document point) {
		Number value = point.get("value", Number.class);
		if (value == null) {
			return;
		}
		long time = point.get("timeNanos", Number.class).longValue();
		boolean cumulative = point.getInteger("temporality", 0) == 2;
		String key = cumulative ? point.getString("series") : point.getString("_id");
		Object[] current = series.get(key);
		if (current == null || (cumulative && time > (long) current[1])) {
			series.put(key, new Object[] { value.doubleValue(), time, point });
		}
	}

}
