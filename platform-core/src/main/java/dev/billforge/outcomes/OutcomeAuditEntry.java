package dev.billforge.outcomes;

import java.time.Instant;

/**
 * One transition of an outcome; the trail only ever grows. {@code from} is null for the
 * proposal.
 */
public record OutcomeAuditEntry(Instant at, String actorId, String actorEmail, OutcomeStatus from, OutcomeStatus to,
		String evidenceSha256, String reason) {
}
