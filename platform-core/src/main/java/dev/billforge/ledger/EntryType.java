package dev.billforge.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of credit movement recorded in the ledger. */
public enum EntryType {

	/** Credits entered the account. */
	GRANT,
	/** Usage charged (from grants, as overage, beyond a hard cap, or as debt). */
	DEBIT,
	/** Credits reserved for a job. */
	HOLD,
	/** A hold charged with the job's actual cost; the rest is released. */
	COMMIT,
	/** A hold freed without charge (by the client, or because it expired). */
	RELEASE,
	/** What was left of a grant when it expired. */
	EXPIRY,
	/** An operator's manual correction or a claw-back (e.g. a refunded pack). */
	ADJUSTMENT,
	/** A new grant paying down debt. */
	DEBT_SETTLEMENT;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static EntryType fromCode(String code) {
		for (EntryType value : values()) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("unknown EntryType: " + code);
	}

}
