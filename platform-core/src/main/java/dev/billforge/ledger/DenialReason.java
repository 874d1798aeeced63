package dev.billforge.ledger;

/** Why work was denied or rejected; the code is the API's stable error code. */
public enum DenialReason {

	/** Not enough credits and no overage allowed, or the org is in debt. */
	INSUFFICIENT_CREDITS,
	/** Overage would pass a hard spend cap. */
	CAP_REACHED,
	/** Billing stopped new work (e.g. an unpaid subscription). */
	ACCOUNT_BLOCKED;

	public String code() {
		return name().toLowerCase();
	}

}
