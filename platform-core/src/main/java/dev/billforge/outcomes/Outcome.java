package dev.billforge.outcomes;

import java.time.Instant;
import java.util.List;

import dev.billforge.valuemetric.Credits;

/**
 * An outcome as it stands, with its audit trail (oldest first). {@code fee} is fixed when
 * it is proposed (the type's fee then); {@code holdId} and {@code windowEndsAt} are set
 * at approval.
 */
public record Outcome(String id, String type, String subject, Evidence evidence, Instant occurredAt,
		OutcomeStatus status, Credits fee, String holdId, Instant proposedAt, Instant approvedAt, Instant windowEndsAt,
		List<OutcomeAuditEntry> audit) {
}
