package dev.billforge.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.billforge.telemetry.TelemetryProperties;

class ModelPricesTest {

	private final ModelPrices prices = new ModelPrices(table());

	@Test
	void theLongestMatchingPrefixPricesTheModel() {
		TokenUsage tokens = new TokenUsage(1_000_000, 0, 0, 0, 0, false);
		assertThat(prices.cost("gpt-4o-mini-2024-07-18", tokens)).contains(new BigDecimal("0.15"));
		assertThat(prices.cost("GPT-4o-2024-08-06", tokens)).contains(new BigDecimal("2.5"));
		assertThat(prices.cost("llama-3", tokens)).isEmpty();
	}

	@Test
	void cachedInputIsPricedOnceAtTheCachePrice() {
		// GenAI conventions: input_tokens include the 600 cached ones
		TokenUsage genAi = new TokenUsage(1000, 100, 600, 0, 0, true);
		// 400 × 2.5 + 600 × 1.25 + 100 × 10 = 2750 per million
		assertThat(prices.cost("gpt-4o", genAi)).contains(new BigDecimal("0.00275"));
		// Anthropic style: input_tokens exclude the cache
		TokenUsage anthropic = new TokenUsage(400, 100, 600, 0, 0, false);
		assertThat(prices.cost("gpt-4o", anthropic)).contains(new BigDecimal("0.00275"));
	}

	@Test
	void cachePricesDefaultToTheInputPrice() {
		assertThat(prices.cost("gpt-4o-mini", new TokenUsage(0, 0, 0, 1_000_000, 0, false)))
			.contains(new BigDecimal("0.15"));
		assertThat(prices.version()).isEqualTo("v7");
	}

	private static TelemetryProperties.Prices table() {
		TelemetryProperties.Prices prices = new TelemetryProperties.Prices();
		prices.setVersion("v7");
		prices.setModels(List.of(price("gpt-4o", "2.5", "10", "1.25"), price("gpt-4o-mini", "0.15", "0.6", null)));
		return prices;
	}

	private static TelemetryProperties.ModelPrice price(String match, String input, String output, String cacheRead) {
		TelemetryProperties.ModelPrice price = new TelemetryProperties.ModelPrice();
		price.setMatch(match);
		price.setInput(new BigDecimal(input));
		price.setOutput(new BigDecimal(output));
		price.setCacheRead(cacheRead == null ? null : new BigDecimal(cacheRead));
		return price;
	}

}
