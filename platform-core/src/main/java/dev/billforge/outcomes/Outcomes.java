package dev.billforge.outcomes;

import java.util.List;
import java.util.Optional;

import dev.billforge.orgs.OrgId;

/**
 * Outcomes of one org and their life cycle. Every transition is one atomic change of the
 * outcome (status and audit entry together) and its ledger operation carries its own
 * idempotency key, so a repeated or concurrent request ends in one hold and at most one
 * charge. Errors are {@link dev.billforge.common.ProblemException}s:
 * {@code invalid_request}, {@code not_found}, {@code idempotency_conflict},
 * {@code invalid_transition}, {@code forbidden}, and (402) {@code insufficient_credits} /
 * {@code cap_reached} / {@code account_blocked} at approval.
 */
public interface Outcomes {

	/**
	 * Records a candidate; the same id with the same content returns the outcome as it
	 * stands.
	 */
	Outcome propose(OrgId org, OutcomeCandidate candidate, Actor actor);

	Optional<Outcome> find(OrgId org, String id);

	/** Newest first; {@code status} and {@code type} null for all. */
	List<Outcome> list(OrgId org, OutcomeStatus status, String type, int limit);

	/**
	 * Holds the fee and opens the dispute window; repeating it on an approved outcome
	 * changes nothing.
	 */
	Outcome approve(OrgId org, String id, Actor actor, String reason);

	/**
	 * Within the dispute window: stops the charge (the hold stays) until the dispute is
	 * resolved.
	 */
	Outcome dispute(OrgId org, String id, Actor actor, String reason);

	/** Ends a dispute: the held fee is charged or released. */
	Outcome resolve(OrgId org, String id, Actor actor, String reason, Resolution resolution);

	/** Gives a billed fee back as a grant (never deletes the charge). */
	Outcome reverse(OrgId org, String id, Actor actor, String reason);

	/**
	 * Bills every approved outcome whose dispute window has closed and finishes ledger
	 * steps a crash interrupted; safe to run on every instance at once. Returns how many
	 * outcomes it moved.
	 */
	int sweep();

	/**
	 * How many outcomes of each type were charged (moved to {@code billed}, by the window
	 * closing or a resolved dispute) in {@code [from, to)}, by type name in name order; a
	 * later reversal does not undo the count (the charge stays in the ledger). For
	 * invoices: the overage line of a period says which outcomes it covers.
	 */
	java.util.SortedMap<String, Long> billedCounts(OrgId org, java.time.Instant from, java.time.Instant to);

	/** The audit trail as CSV (header line first). */
	String auditCsv(OrgId org, String id);

}
