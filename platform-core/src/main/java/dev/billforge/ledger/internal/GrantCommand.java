package dev.billforge.ledger.internal;

import java.time.Instant;

import dev.billforge.ledger.GrantSource;
import dev.billforge.valuemetric.Credits;

/** What a grant asks for; {@code priority} null means the source's default. */
record GrantCommand(GrantSource source, Credits credits, Integer priority, Instant expiresAt, String reason,
		String reference, String fingerprint) {
}
