package dev.billforge.billing;

import dev.billforge.orgs.OrgId;

/**
 * Seats of a per-seat plan (catalog {@code seats: true}): the Stripe subscription item's
 * quantity. Raising it is prorated at once ({@code proration_behavior=always_invoice});
 * the extra seats' full allowance is granted when that invoice is paid. Lowering it bills
 * nothing now ({@code proration_behavior=none}): the next renewal invoices and grants the
 * lower count.
 */
public interface SeatBilling {

	/** Most seats one subscription can have. */
	long MAX_SEATS = 10_000;

	/**
	 * Sets the seat count (an absolute target, so a repeated call changes nothing), read
	 * against Stripe's current quantity.
	 * @throws dev.billforge.common.ProblemException 409 {@code no_seat_plan} when the org
	 * has no live per-seat subscription; 400 when {@code seats} is outside
	 * 1..{@link #MAX_SEATS}
	 */
	SubscriptionView setSeats(OrgId org, long seats);

}
