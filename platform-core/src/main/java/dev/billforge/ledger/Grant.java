package dev.billforge.ledger;

import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * Credits granted to an org, with what is left of them. {@code expiresAt} is null for
 * grants that never expire.
 */
public record Grant(String id, GrantSource source, Credits amount, Credits remaining, int priority, Instant grantedAt,
		Instant expiresAt, String reason, String reference) {

	public boolean expiresBy(Instant instant) {
		return expiresAt != null && !expiresAt.isAfter(instant);
	}

}
