package dev.billforge.ledger;

import java.util.List;
import java.util.function.Consumer;

import dev.billforge.orgs.OrgId;

/**
 * One org's ledger as read models see it, from its first commit: what they are rebuilt
 * from.
 */
public interface LedgerHistory {

	OrgId orgId();

	/**
	 * The sequence number of the org's newest commit as of now (it moves while the org
	 * writes).
	 */
	long lastSeq();

	/**
	 * Hands the commits {@code 1..toSeq} to {@code chunk} in sequence order, a few
	 * hundred at a time.
	 */
	void read(long toSeq, Consumer<List<LedgerCommitted>> chunk);

}
