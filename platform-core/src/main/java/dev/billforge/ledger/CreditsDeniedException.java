package dev.billforge.ledger;

import dev.billforge.common.ProblemException;

/** Work was denied: not enough credits, a hard cap, or a blocked account (HTTP 402). */
public class CreditsDeniedException extends ProblemException {

	private final DenialReason reason;

	public CreditsDeniedException(DenialReason reason, String message) {
		super(402, reason.code(), message);
		this.reason = reason;
	}

	public DenialReason reason() {
		return reason;
	}

}
