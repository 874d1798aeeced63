package dev.billforge.ledger;

import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/** The state of a hold as the API reports it. */
public record Reservation(String id, String idempotencyKey, Status status, Credits credits, Instant expiresAt,
		Credits charged, Credits released) {

	public enum Status {

		HELD, COMMITTED, RELEASED, EXPIRED;

		public String code() {
			return name().toLowerCase();
		}

	}

}
