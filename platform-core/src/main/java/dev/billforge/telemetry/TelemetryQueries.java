package dev.billforge.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.billforge.orgs.OrgId;

/**
 * Read access to an org's stored telemetry, for pages, MCP tools and other features.
 * Every call is scoped to one org: another org's trace is simply not found. Costs are
 * exact USD amounts.
 */
public interface TelemetryQueries {

	/** Traces newest first, filtered; {@code page} from 0. */
	TracePage traces(OrgId org, TraceFilter filter, int page, int size);

	/**
	 * A trace's spans in start order with their depth and timing, or empty when the org
	 * has no such trace.
	 */
	Optional<TraceView> trace(OrgId org, String traceId);

	/**
	 * Conversations ({@code gen_ai.conversation.id} / {@code session.id}) seen in [from,
	 * to), newest first.
	 */
	List<SessionRow> sessions(OrgId org, Instant from, Instant to, int limit);

	/**
	 * LLM calls in [from, to) grouped by {@code model}, or by {@code agent} (the agents
	 * of their trace), by cost.
	 */
	List<CostRow> costs(OrgId org, Instant from, Instant to, String groupBy);

	/** LLM cost per day (UTC) in [from, to), from spans and LLM request events. */
	Map<String, BigDecimal> costPerDay(OrgId org, Instant from, Instant to);

	/**
	 * What Claude Code reported in [from, to): sessions, cost and tokens by model, lines,
	 * tools, errors.
	 */
	ClaudeCodeSummary claudeCode(OrgId org, Instant from, Instant to);

	/**
	 * @param status {@code error}, {@code ok} or null for all
	 * @param text words in span names and attribute values, or null
	 */
	record TraceFilter(String service, String agent, String model, String status, Long minDurationMs,
			Long maxDurationMs, Instant from, Instant to, String text) {
	}

	record TraceRow(String traceId, String name, String service, Instant start, double durationMs, int spans,
			int errors, List<String> agents, List<String> models, BigDecimal costUsd, String session) {
	}

	record TracePage(List<TraceRow> rows, int page, boolean hasNext) {
	}

	/**
	 * A span in the waterfall: {@code offsetPercent}/{@code widthPercent} place its bar
	 * within the trace. The GenAI fields are null for other spans.
	 */
	record SpanView(String spanId, String parentSpanId, String name, String service, int depth, double startOffsetMs,
			double durationMs, double offsetPercent, double widthPercent, boolean error, String statusMessage,
			String operation, String model, String agent, String toolName, String toolArguments, String toolResult,
			long inputTokens, long outputTokens, BigDecimal costUsd, List<Map.Entry<String, Object>> attributes) {
	}

	record TraceView(String traceId, Instant start, double durationMs, List<SpanView> spans) {
	}

	record SessionRow(String session, Instant start, Instant end, int traces, int steps, int errors,
			BigDecimal costUsd) {
	}

	record CostRow(String key, long calls, long inputTokens, long outputTokens, BigDecimal costUsd) {
	}

	record ToolUsage(String tool, long results, long failures, long averageMs, long accepted, long rejected) {
	}

	record ClaudeCodeSummary(long sessions, BigDecimal costUsd, Map<String, BigDecimal> costByModel,
			Map<String, Map<String, Long>> tokensByModelAndType, long linesAdded, long linesRemoved,
			List<ToolUsage> tools, long apiRequests, long apiErrors, Map<String, BigDecimal> costPerDay) {
	}

}
