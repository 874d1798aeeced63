package dev.billforge.docrouter.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code docrouter.pricing.*}: markup, the price of one SPU in USD, and the model price
 * tables. All amounts are exact decimals (bind them as strings in YAML to be safe:
 * {@code "0.15"}).
 */
@ConfigurationProperties("docrouter.pricing")
public class PricingProperties {

	/** Multiplier on the provider's cost. */
	private BigDecimal markup = new BigDecimal("3");

	/** What one SPU is worth in USD, for converting LLM cost into SPUs. */
	private BigDecimal creditPriceUsd = new BigDecimal("0.01");

	/** Versioned price tables; the newest one whose effective-from has passed applies. */
	private List<PriceTableVersion> priceTables = new ArrayList<>();

	public BigDecimal getMarkup() {
		return markup;
	}

	public void setMarkup(BigDecimal markup) {
		this.markup = markup;
	}

	public BigDecimal getCreditPriceUsd() {
		return creditPriceUsd;
	}

	public void setCreditPriceUsd(BigDecimal creditPriceUsd) {
		this.creditPriceUsd = creditPriceUsd;
	}

	public List<PriceTableVersion> getPriceTables() {
		return priceTables;
	}

	public void setPriceTables(List<PriceTableVersion> priceTables) {
		this.priceTables = priceTables;
	}

	public static class PriceTableVersion {

		private String version;

		private Instant effectiveFrom;

		private List<ModelPriceEntry> models = new ArrayList<>();

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public Instant getEffectiveFrom() {
			return effectiveFrom;
		}

		public void setEffectiveFrom(Instant effectiveFrom) {
			this.effectiveFrom = effectiveFrom;
		}

		public List<ModelPriceEntry> getModels() {
			return models;
		}

		public void setModels(List<ModelPriceEntry> models) {
			this.models = models;
		}

	}

	public static class ModelPriceEntry {

		private String name;

		private BigDecimal inputPerMillionUsd;

		private BigDecimal outputPerMillionUsd;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public BigDecimal getInputPerMillionUsd() {
			return inputPerMillionUsd;
		}

		public void setInputPerMillionUsd(BigDecimal inputPerMillionUsd) {
			this.inputPerMillionUsd = inputPerMillionUsd;
		}

		public BigDecimal getOutputPerMillionUsd() {
			return outputPerMillionUsd;
		}

		public void setOutputPerMillionUsd(BigDecimal outputPerMillionUsd) {
			this.outputPerMillionUsd = outputPerMillionUsd;
		}

	}

}
