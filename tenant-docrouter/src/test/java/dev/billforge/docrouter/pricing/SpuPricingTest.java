package dev.billforge.docrouter.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.billforge.docrouter.pricing.PricingProperties.ModelPriceEntry;
import dev.billforge.docrouter.pricing.PricingProperties.PriceTableVersion;
import dev.billforge.valuemetric.Credits;

class SpuPricingTest {

	private static final Instant NOV = Instant.parse("2026-11-15T00:00:00Z");

	static PriceTableVersion table(String version, String from, String model, String in, String out) {
		ModelPriceEntry entry = new ModelPriceEntry();
		entry.setName(model);
		entry.setInputPerMillionUsd(new BigDecimal(in));
		entry.setOutputPerMillionUsd(new BigDecimal(out));
		PriceTableVersion table = new PriceTableVersion();
		table.setVersion(version);
		table.setEffectiveFrom(Instant.parse(from));
		table.setModels(List.of(entry));
		return table;
	}

	private final SpuPricing pricing = new SpuPricing(
			new PriceTable(List.of(table("2026-01", "2026-01-01T00:00:00Z", "gpt-4o", "5.00", "15.00"),
					table("2026-11", "2026-11-01T00:00:00Z", "gpt-4o", "2.50", "10.00"))),
			new BigDecimal("3"), new BigDecimal("0.01"), BigDecimal.ONE);

	@Test
	void llmCostTimesMarkupIsRoundedUpToWholeSpu() {
		// 12,000 × 2.50 / 1M + 800 × 10.00 / 1M = 0.038 USD; × 3 = 0.114 USD = 11.4 SPU →
		// 12
		SpuPrice price = pricing.llm(5, "gpt-4o", new TokenUsage(12_000, 800), NOV);
		assertThat(price.costUsd()).isEqualByComparingTo("0.038");
		assertThat(price.llmSpu()).isEqualTo(Credits.of(12));
		assertThat(price.pageFloor()).isEqualTo(Credits.of(5));
		assertThat(price.spu()).isEqualTo(Credits.of(12));
		assertThat(price.priceTableVersion()).isEqualTo("2026-11");
	}

	@Test
	void pagesAreTheFloorWhenTheLlmWasCheap() {
		// 0.0035 USD × 3 = 1.05 SPU → 2, below 5 pages
		SpuPrice price = pricing.llm(5, "gpt-4o", new TokenUsage(1_000, 100), NOV);
		assertThat(price.llmSpu()).isEqualTo(Credits.of(2));
		assertThat(price.spu()).isEqualTo(Credits.of(5));
	}

	@Test
	void largeJobsAreChargedInFullWithoutAPerJobCap() {
		// 3M × 2.50 / 1M + 200k × 10.00 / 1M = 9.50 USD; × 3 = 28.50 USD = 2,850 SPU (the
		// old code capped at 50)
		SpuPrice price = pricing.llm(400, "gpt-4o", new TokenUsage(3_000_000, 200_000), NOV);
		assertThat(price.spu()).isEqualTo(Credits.of(2850));
		assertThat(pricing.offline(400).spu()).isEqualTo(Credits.of(400));
	}

	@Test
	void theTableInEffectAtTheJobsTimeApplies() {
		SpuPrice october = pricing.llm(1, "gpt-4o", new TokenUsage(12_000, 800), Instant.parse("2026-10-15T00:00:00Z"));
		// 12,000 × 5 / 1M + 800 × 15 / 1M = 0.072 USD × 3 = 21.6 SPU → 22
		assertThat(october.costUsd()).isEqualByComparingTo("0.072");
		assertThat(october.spu()).isEqualTo(Credits.of(22));
		assertThat(october.priceTableVersion()).isEqualTo("2026-01");
	}

	@Test
	void aModelWithoutAPriceIsRefusedRatherThanChargedNothing() {
		assertThatThrownBy(() -> pricing.llm(1, "mystery-model", new TokenUsage(1, 1), NOV))
			.hasMessageContaining("mystery-model");
		assertThatThrownBy(() -> pricing.llm(1, "gpt-4o", new TokenUsage(1, 1), Instant.parse("2025-06-01T00:00:00Z")))
			.hasMessageContaining("no price");
	}

	@Test
	void badPriceTablesStopStartupWithTheFieldNamed() {
		assertThatThrownBy(() -> new PriceTable(List.of(table("v1", "2026-01-01T00:00:00Z", "m", "-1", "1"))))
			.hasMessageContaining("input-per-million-usd");
		assertThatThrownBy(() -> new PriceTable(List.of(table("v1", "2026-01-01T00:00:00Z", "m", "1", "1"),
				table("v1", "2026-02-01T00:00:00Z", "m", "1", "1"))))
			.hasMessageContaining("used twice");
		assertThatThrownBy(
				() -> new SpuPricing(new PriceTable(List.of()), BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE))
			.hasMessageContaining("markup");
	}

}
