package dev.billforge.ledger;

import dev.billforge.valuemetric.Credits;

/** Whether an org may start work costing {@code credits}, and if not, why. */
public record CheckResult(boolean allowed, Credits credits, DenialReason reason) {

	public static CheckResult allowed(Credits credits) {
		return new CheckResult(true, credits, null);
	}

	public static CheckResult denied(Credits credits, DenialReason reason) {
		return new CheckResult(false, credits, reason);
	}

}
