package dev.billforge.valuemetric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's credit unit and meters, resolved from {@link ValueMetricProperties}.
 */
public record ValueMetric(String creditName, String creditDisplayName, int scale, RoundingMode rounding,
		Credits freeTier, Map<String, Meter> meters, List<Integer> alertThresholds) {

	public Optional<Meter> meter(String name) {
		return Optional.ofNullable(meters.get(name));
	}

	/** True when an amount has no more fractional digits than the credit unit allows. */
	public boolean fitsPrecision(Credits credits) {
		return credits.amount().scale() <= scale;
	}

	public Credits round(BigDecimal amount) {
		return new Credits(amount.setScale(scale, rounding));
	}

}
