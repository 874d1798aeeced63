package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.List;

/**
 * An atomic append to one org's ledger: sequence number {@code seq} holds one or more
 * ops. The commit's id {@code orgId:seq} is unique, so of two writers racing for the same
 * sequence number exactly one wins; the loser reloads and retries.
 */
record Commit(String orgId, long seq, Instant at, List<OpRecord> ops) {

	static String id(String orgId, long seq) {
		return orgId + ":" + seq;
	}

	String id() {
		return id(orgId, seq);
	}

}
