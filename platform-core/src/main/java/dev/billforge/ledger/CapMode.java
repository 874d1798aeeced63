package dev.billforge.ledger;

/** What happens when overage reaches the spend cap. */
public enum CapMode {

	/** Deny new work and bill nothing beyond the cap. */
	HARD,

	/** Alert only; overage stays billable. */
	SOFT;

	public String code() {
		return name().toLowerCase();
	}

}
