package dev.billforge.docrouter.pricing;

import java.math.BigDecimal;

/**
 * A model's price in USD per one million input and output tokens, in one price table
 * version.
 */
public record ModelPrice(String model, String tableVersion, BigDecimal inputPerMillionUsd,
		BigDecimal outputPerMillionUsd) {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** The exact USD cost of a call. */
	public BigDecimal cost(TokenUsage usage) {
		return inputPerMillionUsd.multiply(BigDecimal.valueOf(usage.promptTokens()))
			.add(outputPerMillionUsd.multiply(BigDecimal.valueOf(usage.completionTokens())))
			.divide(MILLION);
	}

}
