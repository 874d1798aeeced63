package dev.billforge.ledger;

import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * Credits to grant. {@code key} makes the grant idempotent (e.g. {@code invoice:in_123});
 * {@code priority} null takes the source's default; {@code expiresAt} null never expires.
 */
public record GrantRequest(String key, GrantSource source, Credits credits, Integer priority, Instant expiresAt,
		String reason, String reference) {
}
