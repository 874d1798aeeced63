package dev.billforge.ledger;

import java.time.Instant;

import dev.billforge.orgs.OrgId;

/**
 * A ledger commit whose read models (usage rollups, notifications, overage records) could
 * not be brought up to date after the configured number of tries: it was set aside so the
 * org's later commits are projected, and waits for an operator's rebuild. Its op keys are
 * already stored, so its operations stay charged exactly once.
 */
public record ParkedProjection(OrgId orgId, long seq, int attempts, String error, Instant parkedAt) {
}
