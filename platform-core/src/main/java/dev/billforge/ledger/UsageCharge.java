package dev.billforge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import dev.billforge.valuemetric.Credits;

/**
 * A rated usage event to debit. {@code fingerprint} identifies the payload so that a
 * repeated idempotency key with the same payload is a duplicate and with a different one
 * a conflict.
 */
public record UsageCharge(String idempotencyKey, String fingerprint, String meter, BigDecimal quantity, Credits credits,
		Instant occurredAt, Map<String, String> dimensions) {
}
