package dev.billforge.ledger;

import java.util.List;

import dev.billforge.orgs.OrgId;

/**
 * Operator access to the ledger's read models: the projections that were parked after
 * failing (the operator alert) and the rebuild that recomputes an org's read models from
 * its ledger, the source of truth.
 */
public interface LedgerProjections {

	/** Parked projections of every org, newest first. */
	List<ParkedProjection> parked(int limit);

	/**
	 * Recomputes every read model of the org from its whole ledger (each listener's
	 * {@link LedgerCommitListener#rebuild}) and, when all succeed, clears its parked
	 * projections. Safe while the org keeps writing.
	 */
	RebuildReport rebuild(OrgId org);

	/** What a rebuild did: the commits read and the parked projections it resolved. */
	record RebuildReport(OrgId orgId, long commits, int resolvedParked) {
	}

}
