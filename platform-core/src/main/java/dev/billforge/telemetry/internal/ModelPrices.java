package dev.billforge.telemetry.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.billforge.telemetry.TelemetryProperties;

/**
 * The versioned model price table (USD per million tokens). A cost is computed once, at
 * ingestion, and stored with {@link #version()}, so changing the table later never
 * rewrites history.
 */
final class ModelPrices {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final String version;

	private final List<TelemetryProperties.ModelPrice> models;

	ModelPrices(TelemetryProperties.Prices prices) {
		this.version = prices.getVersion();
		this.models = prices.getModels()
			.stream()
			.filter(m -> m.getMatch() != null && !m.getMatch().isBlank())
			.sorted(Comparator.comparingInt((TelemetryProperties.ModelPrice m) -> m.getMatch().length()).reversed())
			.toList();
	}

	String version() {
		return version;
	}

	/** The cost of a call in USD (exact), or empty when the model has no price. */
	Optional<BigDecimal> cost(String model, TokenUsage tokens) {
		if (model == null || tokens.isEmpty()) {
			return Optional.empty();
		}
		String name = model.toLowerCase(java.util.Locale.ROOT);
		return models.stream()
			.filter(m -> name.startsWith(m.getMatch().toLowerCase(java.util.Locale.ROOT)))
			.findFirst()
			.map(price -> perMillion(price, tokens).divide(MILLION).stripTrailingZeros());
	}

	private static BigDecimal perMillion(TelemetryProperties.ModelPrice price, TokenUsage tokens) {
		BigDecimal cacheRead = price.getCacheRead() == null ? price.getInput() : price.getCacheRead();
		BigDecimal cacheCreation = price.getCacheCreation() == null ? price.getInput() : price.getCacheCreation();
		return price.getInput()
			.multiply(BigDecimal.valueOf(tokens.uncachedInput()))
			.add(price.getOutput().multiply(BigDecimal.valueOf(tokens.output())))
			.add(cacheRead.multiply(BigDecimal.valueOf(tokens.cacheRead())))
			.add(cacheCreation.multiply(BigDecimal.valueOf(tokens.cacheCreation())));
	}

}
