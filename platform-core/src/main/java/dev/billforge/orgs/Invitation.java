package dev.billforge.orgs;

import java.time.Instant;

/**
 * An open invitation to join an org; accepted through an emailed link before
 * {@code expiresAt}.
 */
public record Invitation(String id, OrgId orgId, String email, Role role, String invitedBy, Instant createdAt,
		Instant expiresAt) {

	public boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

}
