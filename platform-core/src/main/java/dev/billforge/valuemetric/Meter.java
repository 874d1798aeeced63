package dev.billforge.valuemetric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A metered quantity and its exact price in credits per unit, e.g. {@code page} at 1
 * credit per page or {@code llm_token} at 0.001 credits per token.
 */
public record Meter(String name, String displayName, BigDecimal creditsPerUnit, BigDecimal maxQuantity) {

	/**
	 * Rates a quantity: quantity × rate, rounded up to the credit precision per event so
	 * that many small events are never free (1,234 tokens at 0.001 → 1.234 → 1.24 at two
	 * digits).
	 */
	public Credits rate(BigDecimal quantity, int scale, RoundingMode rounding) {
		return new Credits(quantity.multiply(creditsPerUnit).setScale(scale, rounding));
	}

}
