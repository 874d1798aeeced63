package dev.billforge.docrouter.pricing;

import java.math.BigDecimal;

import dev.billforge.valuemetric.Credits;

/**
 * What a job costs and why: the page floor, the LLM cost in USD and its SPU equivalent,
 * and the charge (the larger of the two). {@code priceTableVersion} and {@code costUsd}
 * are null without an LLM.
 */
public record SpuPrice(Credits spu, Credits pageFloor, Credits llmSpu, BigDecimal costUsd, String priceTableVersion) {
}
