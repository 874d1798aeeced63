package dev.billforge.ledger;

import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * Credits reserved for a job of unknown cost until it commits, is released or expires.
 */
public record Hold(String id, String key, Credits credits, String meter, Instant createdAt, Instant expiresAt) {
}
