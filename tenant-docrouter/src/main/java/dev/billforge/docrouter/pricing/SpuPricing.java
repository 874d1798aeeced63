package dev.billforge.docrouter.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * DocRouter's pricing rule:
 * {@code SPU = max(page floor, ceil(markup × LLM cost ÷ price per SPU))}. The page floor
 * is the page meter's rate times the pages. There is deliberately no per-job cap: a large
 * job costs what its pages and tokens cost.
 */
public class SpuPricing {

	private final PriceTable table;

	private final BigDecimal markup;

	private final BigDecimal creditPriceUsd;

	private final BigDecimal pageRate;

	public SpuPricing(PriceTable table, BigDecimal markup, BigDecimal creditPriceUsd, BigDecimal pageRate) {
		if (markup == null || markup.signum() <= 0) {
			throw new IllegalStateException("docrouter.pricing.markup must be greater than 0");
		}
		if (creditPriceUsd == null || creditPriceUsd.signum() <= 0) {
			throw new IllegalStateException("docrouter.pricing.credit-price-usd must be greater than 0");
		}
		this.table = table;
		this.markup = markup;
		this.creditPriceUsd = creditPriceUsd;
		this.pageRate = pageRate;
	}

	public Credits pageFloor(int pages) {
		return new Credits(pageRate.multiply(BigDecimal.valueOf(pages)));
	}

	/** The price of a job without an LLM: its pages. */
	public SpuPrice offline(int pages) {
		Credits floor = pageFloor(pages);
		return new SpuPrice(floor, floor, Credits.ZERO, null, null);
	}

	/**
	 * The price of a job that used {@code usage} tokens of {@code model} at {@code at}.
	 */
	public SpuPrice llm(int pages, String model, TokenUsage usage, Instant at) {
		ModelPrice price = modelPrice(model, at);
		BigDecimal cost = price.cost(usage);
		Credits llmSpu = new Credits(markup.multiply(cost).divide(creditPriceUsd, 0, RoundingMode.CEILING));
		Credits floor = pageFloor(pages);
		return new SpuPrice(floor.max(llmSpu), floor, llmSpu, cost, price.tableVersion());
	}

	public ModelPrice modelPrice(String model, Instant at) {
		return table.price(model, at)
			.orElseThrow(
					() -> new IllegalStateException("model " + model + " has no price in the price table in effect at "
							+ at + "; add it to docrouter.pricing.price-tables"));
	}

}
