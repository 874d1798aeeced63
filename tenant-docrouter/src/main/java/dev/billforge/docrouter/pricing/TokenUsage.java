package dev.billforge.docrouter.pricing;

/** Tokens an LLM call used, as the provider reported them. */
public record TokenUsage(long promptTokens, long completionTokens) {

	public static final TokenUsage NONE = new TokenUsage(0, 0);

	public TokenUsage {
		if (promptTokens < 0 || completionTokens < 0) {
			throw new IllegalArgumentException("token counts cannot be negative");
		}
	}

	public long total() {
		return promptTokens + completionTokens;
	}

}
