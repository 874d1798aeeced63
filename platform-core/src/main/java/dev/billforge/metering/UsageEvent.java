package dev.billforge.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A validated usage event as reported by a product. */
public record UsageEvent(String idempotencyKey, String meter, BigDecimal quantity, Instant occurredAt,
		Map<String, String> properties) {
}
