package dev.billforge.ledger;

import dev.billforge.valuemetric.Credits;

/** What happened to one usage event. */
public record UsageOutcome(String idempotencyKey, Status status, Credits credits, DenialReason rejectedFor) {

	public enum Status {

		RECORDED, DUPLICATE, CONFLICT, REJECTED;

		public String code() {
			return name().toLowerCase();
		}

	}

}
