package dev.billforge.outcomes;

/**
 * Where an outcome is in its life cycle. Money: {@code APPROVED} and {@code DISPUTED}
 * hold the fee, {@code BILLED} charged it, {@code REJECTED} released it, {@code REVERSED}
 * granted it back.
 */
public enum OutcomeStatus {

	PROPOSED, APPROVED, DISPUTED, BILLED, REJECTED, REVERSED;

	public String code() {
		return name().toLowerCase();
	}

	/**
	 * The status for a code, or null when there is none (input is checked by the caller).
	 */
	public static OutcomeStatus ofCode(String code) {
		for (OutcomeStatus status : values()) {
			if (status.code().equals(code)) {
				return status;
			}
		}
		return null;
	}

}
