package dev.billforge.ledger.internal;

import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * What an op answered. Stored with the op so that a repeated idempotency key gets the
 * very same answer, across restarts and instances.
 */
record OpResult(String status, Credits credits, String holdId, Instant expiresAt, Credits charged, Credits released,
		String reason) {

	static OpResult of(String status, Credits credits) {
		return new OpResult(status, credits, null, null, null, null, null);
	}

}
