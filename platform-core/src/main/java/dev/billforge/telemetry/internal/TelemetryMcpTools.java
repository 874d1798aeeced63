package dev.billforge.telemetry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.mcp.McpAnswers;
import dev.billforge.mcp.McpArguments;
import dev.billforge.mcp.McpTool;
import dev.billforge.mcp.McpToolProvider;
import dev.billforge.orgs.OrgId;
import dev.billforge.telemetry.TelemetryQueries;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Telemetry's tools on the platform's MCP server: search traces, get a trace, get cost
 * and usage. Each reads through {@link TelemetryQueries} within the calling org only
 * (another org's trace is {@code not_found}); arguments are bounded before use.
 */
final class TelemetryMcpTools implements McpToolProvider {

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_DAYS = 366;

	private static final Map<String, Object> STRING = Map.of("type", "string");

	private static final Map<String, Object> INTEGER = Map.of("type", "integer");

	private final TelemetryQueries queries;

	private final CreditLedger ledger;

	private final ValueMetric metric;

	private final Clock clock;

	TelemetryMcpTools(TelemetryQueries queries, CreditLedger ledger, ValueMetric metric, Clock clock) {
		this.queries = queries;
		this.ledger = ledger;
		this.metric = metric;
		this.clock = clock;
	}

	@Override
	public List<McpTool> mcpTools() {
		Map<String, Object> search = new LinkedHashMap<>();
		search.put("service", STRING);
		search.put("agent", Map.of("type", "string", "description", "gen_ai.agent.name"));
		search.put("model", STRING);
		search.put("status", Map.of("type", "string", "enum", List.of("error", "ok")));
		search.put("minDurationMs", INTEGER);
		search.put("maxDurationMs", INTEGER);
		search.put("from", Map.of("type", "string", "description", "ISO-8601 instant or yyyy-MM-dd (UTC)"));
		search.put("to", Map.of("type", "string", "description", "ISO-8601 instant or yyyy-MM-dd (UTC, exclusive)"));
		search.put("text", Map.of("type", "string", "description", "words in span names and attribute values"));
		search.put("page", Map.of("type", "integer", "description", "from 0"));
		search.put("pageSize", Map.of("type", "integer", "description", "1 to " + MAX_PAGE_SIZE + ", default 20"));
		return List.of(new McpTool("search_traces",
				"Search the org's agent traces, newest first: service, agent, model, status, duration, time range "
						+ "and free text. Each row has spans, errors, agents, models, LLM cost (USD) and session.",
				McpTool.objectSchema(search), this::searchTraces),
				new McpTool("get_trace",
						"Get one trace's spans in start order: timing, errors, LLM calls (model, tokens, cost) and tool calls.",
						Map.of("type", "object", "properties",
								Map.of("traceId", Map.of("type", "string", "description", "32 hex characters")),
								"required", List.of("traceId")),
						this::getTrace),
				new McpTool("get_cost_and_usage",
						"Get the LLM cost (USD) by model, by agent and per day over the last days, and the org's "
								+ metric.creditName() + " balance and usage in the current billing period.",
						McpTool.objectSchema(Map.of("days",
								Map.of("type", "integer", "description", "1 to " + MAX_DAYS + ", default 7"))),
						this::costAndUsage));
	}

	private Object searchTraces(OrgId org, McpArguments args) {
		String status = args.string("status", 5);
		if (status != null && !status.equals("error") && !status.equals("ok")) {
			throw ProblemException.invalid("status", "status is error or ok");
		}
		long max = 1_000_000_000_000L;
		long minMs = args.integer("minDurationMs", -1, 0, max);
		long maxMs = args.integer("maxDurationMs", -1, 0, max);
		TelemetryQueries.TraceFilter filter = new TelemetryQueries.TraceFilter(args.string("service", 200),
				args.string("agent", 200), args.string("model", 200), status, minMs < 0 ? null : minMs,
				maxMs < 0 ? null : maxMs, instant(args, "from", false), instant(args, "to", true),
				args.string("text", 200));
		int page = (int) args.integer("page", 0, 0, 10_000);
		int size = (int) args.integer("pageSize", 20, 1, MAX_PAGE_SIZE);
		return queries.traces(org, filter, page, size);
	}

	private Object getTrace(OrgId org, McpArguments args) {
		String traceId = args.requiredString("traceId", 32);
		return queries.trace(org, traceId).orElseThrow(() -> ProblemException.notFound("trace"));
	}

	private Object costAndUsage(OrgId org, McpArguments args) {
		int days = (int) args.integer("days", 7, 1, MAX_DAYS);
		Instant to = clock.instant();
		Instant from = to.minus(Duration.ofDays(days));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("from", from.toString());
		answer.put("to", to.toString());
		answer.put("costByModel", queries.costs(org, from, to, "model"));
		answer.put("costByAgent", queries.costs(org, from, to, "agent"));
		answer.put("costPerDay", queries.costPerDay(org, from, to));
		answer.put("credits", McpAnswers.balance(ledger.balance(org), metric.creditName()));
		return answer;
	}

	/**
	 * An ISO-8601 instant, or a UTC day ({@code endOfRange}: the day after, as the range
	 * end is exclusive).
	 */
	private static Instant instant(McpArguments args, String name, boolean endOfRange) {
		String value = args.string(name, 40);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(name, name + " is an ISO-8601 instant or a yyyy-MM-dd day");
		}
	}

}
