package dev.billforge.outcomes;

import java.time.Instant;

/**
 * An outcome a product proposes; {@code id} is the product's own and makes the proposal
 * idempotent.
 */
public record OutcomeCandidate(String id, String type, String subject, Evidence evidence, Instant occurredAt) {
}
