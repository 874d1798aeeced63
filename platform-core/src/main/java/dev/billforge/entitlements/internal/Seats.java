package dev.billforge.entitlements.internal;

import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.billing.PlanFeatures;
import dev.billforge.billing.SeatBilling;
import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.SeatPolicy;

/**
 * Seats: the limit invitations respect (a per-seat plan's paid seats, else a
 * {@code seats} limit feature), setting the paid seats, and lowering them when members
 * leave.
 */
@Component
class Seats implements SeatPolicy {

	private static final Logger log = LoggerFactory.getLogger(Seats.class);

	private final PlanFeatures plans;

	private final SeatBilling billing;

	private final Memberships memberships;

	Seats(PlanFeatures plans, SeatBilling billing, Memberships memberships) {
		this.plans = plans;
		this.billing = billing;
		this.memberships = memberships;
	}

	/**
	 * @param paid seats the per-seat plan pays for, or null when the org is not on one
	 * @param limit the seats the org may fill (paid seats, or the plan's {@code seats}
	 * limit), null: no limit
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SeatStatus(boolean perSeat, Long paid, Long limit, long used) {
	}

	@Override
	public OptionalLong seats(OrgId org) {
		return plans.features(org).features().limit("seats");
	}

	SeatStatus status(OrgId org) {
		PlanFeatures.OrgFeatures features = plans.features(org);
		OptionalLong limit = features.features().limit("seats");
		return new SeatStatus(features.paidSeats() != null, features.paidSeats(),
				limit.isPresent() ? limit.getAsLong() : null, memberships.seatsUsed(org));
	}

	/**
	 * Sets the paid seats; never fewer than the seats filled (remove members or revoke
	 * invitations first).
	 */
	SeatStatus set(OrgId org, long seats) {
		long used = memberships.seatsUsed(org);
		if (seats < used) {
			throw ProblemException.invalid("seats", "the org fills " + used
					+ " seats (members and open invitations); remove some before lowering the seats to " + seats);
		}
		billing.setSeats(org, seats);
		return status(org);
	}

	/**
	 * Members left: the per-seat plan drops to the seats still filled, billed from the
	 * next period.
	 */
	@Override
	public void seatsFreed(OrgId org, long used) {
		Long paid = plans.features(org).paidSeats();
		if (paid == null || used >= paid) {
			return;
		}
		try {
			billing.setSeats(org, Math.max(1, used));
		}
		catch (RuntimeException ex) {
			// The member is gone either way; the seats stay paid until the next change or
			// an owner lowers them.
			log.warn("Could not lower the seats of org {} to {}: {}", org.value(), used, ex.getMessage());
		}
	}

}
