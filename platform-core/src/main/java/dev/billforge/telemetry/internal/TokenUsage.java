package dev.billforge.telemetry.internal;

import org.bson.Document;

/**
 * Tokens of one LLM call by type. {@code inputIncludesCache}: the GenAI conventions count
 * cached input inside {@code input_tokens}, Anthropic (and so Claude Code's events) count
 * it apart; pricing must not charge cached tokens twice.
 */
record TokenUsage(long input, long output, long cacheRead, long cacheCreation, long reasoning,
		boolean inputIncludesCache) {

	static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, false);

	boolean isEmpty() {
		return input == 0 && output == 0 && cacheRead == 0 && cacheCreation == 0 && reasoning == 0;
	}

	/** Input tokens at the full input price. */
	long uncachedInput() {
		return inputIncludesCache ? Math.max(0, input - cacheRead - cacheCreation) : input;
	}

	Document toDocument() {
		return new Document("input", input).append("output", output)
			.append("cacheRead", cacheRead)
			.append("cacheCreation", cacheCreation)
			.append("reasoning", reasoning);
	}

}
