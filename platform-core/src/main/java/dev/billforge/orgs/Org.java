package dev.billforge.orgs;

import java.time.Instant;
import java.time.ZoneId;

/** A paying customer of one product deployment. */
public record Org(OrgId id, String name, ZoneId timeZone, Status status, Instant createdAt) {

	public enum Status {

		ACTIVE, SUSPENDED;

		public String code() {
			return name().toLowerCase();
		}

	}

}
