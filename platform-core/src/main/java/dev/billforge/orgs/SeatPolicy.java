package dev.billforge.orgs;

import java.util.OptionalLong;

/**
 * Limits an org's seats (members plus open invitations), for plans that pay per seat or
 * cap members. Implemented outside this module (entitlements); without a bean, orgs have
 * no seat limit.
 */
public interface SeatPolicy {

	/** The seats the org may fill, or empty when its plan does not limit them. */
	OptionalLong seats(OrgId org);

	/**
	 * A member left or an invitation was revoked, leaving {@code used} seats filled: a
	 * per-seat plan may lower its quantity (billed from the next period). Failures are
	 * the policy's to log; they never undo the removal.
	 */
	default void seatsFreed(OrgId org, long used) {
	}

}
