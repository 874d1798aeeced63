package dev.billforge.operator;

import java.time.Instant;
import java.util.Map;

import dev.billforge.orgs.OrgId;

/** One operator action: who did what, when, to which org, and why. */
public record AuditEntry(String id, Instant at, String actor, String action, OrgId orgId, String reason,
		Map<String, String> details) {
}
