package dev.billforge.telemetry.internal;

import java.math.BigDecimal;

import org.bson.Document;

/**
 * What a span, log record or data point says about an AI agent, read from the
 * OpenTelemetry GenAI semantic conventions (current and deprecated names) and from Claude
 * Code's telemetry.
 *
 * @param costUsd the LLM cost, exact, or null when unknown
 * @param costSource {@code data} (sent by the client, wins), {@code table} (the price
 * table) or null
 */
record GenAi(String operation, String provider, String requestModel, String responseModel, String agent,
		String conversation, String toolName, String toolCallId, String toolArguments, String toolResult,
		TokenUsage tokens, BigDecimal costUsd, String costSource, String priceVersion) {

	/** Cost attribute names clients send (there is no GenAI convention for it yet). */
	static final String[] COST_KEYS = { "gen_ai.usage.cost", "gen_ai.usage.cost_usd", "llm.usage.cost", "cost_usd" };

	static GenAi fromSpan(Attributes a, String spanName, ModelPrices prices) {
		String operation = a.string("gen_ai.operation.name");
		String toolName = a.string("gen_ai.tool.name");
		if (operation == null && toolName != null) {
			operation = "execute_tool";
		}
		TokenUsage tokens = new TokenUsage(orZero(a.integer("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens")),
				orZero(a.integer("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens")),
				orZero(a.integer("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens")),
				orZero(a.integer("gen_ai.usage.cache_creation.input_tokens",
						"gen_ai.usage.cache_creation_input_tokens")),
				orZero(a.integer("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens")), true);
		String requestModel = a.string("gen_ai.request.model");
		String responseModel = a.string("gen_ai.response.model");
		String provider = a.string("gen_ai.provider.name", "gen_ai.system");
		BigDecimal cost = a.decimal(COST_KEYS);
		if (operation == null && provider == null && requestModel == null && responseModel == null && tokens.isEmpty()
				&& cost == null) {
			return null;
		}
		return priced(new GenAi(operation, provider, requestModel, responseModel, a.string("gen_ai.agent.name"),
				a.string("gen_ai.conversation.id", "session.id"), toolName, a.string("gen_ai.tool.call.id"),
				a.string("gen_ai.tool.call.arguments"), a.string("gen_ai.tool.call.result"), tokens, cost, null, null),
				prices);
	}

	/**
	 * Claude Code's {@code api_request} event: model, tokens (cache apart) and its own
	 * cost_usd.
	 */
	static GenAi fromClaudeCodeRequest(Attributes a, ModelPrices prices) {
		TokenUsage tokens = new TokenUsage(orZero(a.integer("input_tokens")), orZero(a.integer("output_tokens")),
				orZero(a.integer("cache_read_tokens")), orZero(a.integer("cache_creation_tokens")), 0, false);
		return priced(
				new GenAi("chat", "anthropic", a.string("model"), a.string("model"), "claude-code",
						a.string("session.id"), null, null, null, null, tokens, a.decimal("cost_usd"), null, null),
				prices);
	}

	String model() {
		return responseModel != null ? responseModel : requestModel;
	}

	/**
	 * A cost sent in the data wins; otherwise the price table's, fixed now with its
	 * version.
	 */
	private static GenAi priced(GenAi ai, ModelPrices prices) {
		if (ai.costUsd != null) {
			return ai.withCost(ai.costUsd, "data", null);
		}
		return prices.cost(ai.model(), ai.tokens).map(cost -> ai.withCost(cost, "table", prices.version())).orElse(ai);
	}

	private GenAi withCost(BigDecimal cost, String source, String version) {
		return new GenAi(operation, provider, requestModel, responseModel, agent, conversation, toolName, toolCallId,
				toolArguments, toolResult, tokens, cost, source, version);
	}

	/**
	 * Cost in nano-USD, the unit sums are kept in (exact for prices down to $0.001 per
	 * million tokens).
	 */
	long costNanos() {
		return costUsd == null ? 0
				: costUsd.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	Document toDocument() {
		Document doc = new Document();
		put(doc, "operation", operation);
		put(doc, "provider", provider);
		put(doc, "requestModel", requestModel);
		put(doc, "responseModel", responseModel);
		put(doc, "model", model());
		put(doc, "agent", agent);
		put(doc, "toolName", toolName);
		put(doc, "toolCallId", toolCallId);
		put(doc, "toolArguments", toolArguments);
		put(doc, "toolResult", toolResult);
		doc.append("tokens", tokens.toDocument());
		if (costUsd != null) {
			doc.append("costUsd", costUsd.toPlainString())
				.append("costNanos", costNanos())
				.append("costSource", costSource);
			put(doc, "priceVersion", priceVersion);
		}
		return doc;
	}

	private static void put(Document doc, String key, Object value) {
		if (value != null) {
			doc.append(key, value);
		}
	}

	private static long orZero(Long value) {
		return value == null || value < 0 ? 0 : value;
	}

}
