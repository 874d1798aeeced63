package dev.billforge.orgs;

import java.time.Instant;

/**
 * An org-scoped API key as listed; the secret itself is shown once at creation and stored
 * only hashed.
 */
public record ApiKey(String id, OrgId orgId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

}
