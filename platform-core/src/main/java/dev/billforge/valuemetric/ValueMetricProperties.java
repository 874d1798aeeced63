package dev.billforge.valuemetric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenant's value metric, configured under {@code billforge.value-metric}:
 *
 * <pre>
 * billforge.value-metric:
 *   credit-name: SPU
 *   credit-display-name: Service Processing Units
 *   scale: 2
 *   free-tier: 100
 *   meters:
 *     page: { rate: 1, display-name: Pages }
 *     llm_token: { rate: 0.001, display-name: LLM tokens, max-quantity: 10000000 }
 * </pre>
 */
@ConfigurationProperties("billforge.value-metric")
public class ValueMetricProperties {

	/** Short name of the credit unit shown next to amounts, e.g. SPU. */
	private String creditName = "credits";

	/** Long name of the credit unit. */
	private String creditDisplayName = "Credits";

	/**
	 * Fractional digits kept for credit amounts; rated usage is rounded to this
	 * precision.
	 */
	private int scale = 2;

	/** How rated usage is rounded to the precision; UP so that no event is free. */
	private RoundingMode rounding = RoundingMode.UP;

	/** Credits granted once to every new org, with no expiry; 0 for none. */
	private BigDecimal freeTier = BigDecimal.ZERO;

	/** Percent-of-period-credits thresholds that fire alerts. */
	private List<Integer> alertThresholds = List.of(70, 90, 100);

	/** Meters by name. */
	private Map<String, MeterProperties> meters = new LinkedHashMap<>();

	public ValueMetric toValueMetric() {
		Map<String, Meter> resolved = new LinkedHashMap<>();
		meters.forEach((name, meter) -> {
			if (meter.getRate() == null || meter.getRate().signum() <= 0) {
				throw new IllegalStateException(
						"billforge.value-metric.meters." + name + ".rate must be a positive decimal");
			}
			resolved.put(name, new Meter(name, meter.getDisplayName() == null ? name : meter.getDisplayName(),
					meter.getRate(), meter.getMaxQuantity()));
		});
		return new ValueMetric(creditName, creditDisplayName, scale, rounding, new Credits(freeTier),
				Map.copyOf(resolved), List.copyOf(alertThresholds));
	}

	public String getCreditName() {
		return creditName;
	}

	public void setCreditName(String creditName) {
		this.creditName = creditName;
	}

	public String getCreditDisplayName() {
		return creditDisplayName;
	}

	public void setCreditDisplayName(String creditDisplayName) {
		this.creditDisplayName = creditDisplayName;
	}

	public int getScale() {
		return scale;
	}

	public void setScale(int scale) {
		this.scale = scale;
	}

	public RoundingMode getRounding() {
		return rounding;
	}

	public void setRounding(RoundingMode rounding) {
		this.rounding = rounding;
	}

	public BigDecimal getFreeTier() {
		return freeTier;
	}

	public void setFreeTier(BigDecimal freeTier) {
		this.freeTier = freeTier;
	}

	public List<Integer> getAlertThresholds() {
		return alertThresholds;
	}

	public void setAlertThresholds(List<Integer> alertThresholds) {
		this.alertThresholds = alertThresholds;
	}

	public Map<String, MeterProperties> getMeters() {
		return meters;
	}

	public void setMeters(Map<String, MeterProperties> meters) {
		this.meters = meters;
	}

	public static class MeterProperties {

		/** Credits per unit of this meter, an exact decimal such as 0.001. */
		private BigDecimal rate;

		/** Name shown in dashboards. */
		private String displayName;

		/** Largest quantity accepted in one event. */
		private BigDecimal maxQuantity = new BigDecimal("1000000000");

		public BigDecimal getRate() {
			return rate;
		}

		public void setRate(BigDecimal rate) {
			this.rate = rate;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public BigDecimal getMaxQuantity() {
			return maxQuantity;
		}

		public void setMaxQuantity(BigDecimal maxQuantity) {
			this.maxQuantity = maxQuantity;
		}

	}

}
