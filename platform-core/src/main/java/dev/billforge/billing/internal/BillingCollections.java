package dev.billforge.billing.internal;

/**
 * MongoDB collections of billing (created by changeset 0020-billing). Every record is
 * addressed by {@code _id}.
 */
final class BillingCollections {

	/** Cached catalog, {@code _id} = product tag. */
	static final String CATALOG = "billing_catalog";

	/** Org → Stripe customer, {@code _id} = org id. */
	static final String CUSTOMERS = "billing_customers";

	/** Stripe customer → org, {@code _id} = customer id. */
	static final String CUSTOMER_ORGS = "billing_customer_orgs";

	/** Subscription mirror, {@code _id} = subscription id. */
	static final String SUBSCRIPTIONS = "billing_subscriptions";

	/** Received webhook events, {@code _id} = event id. */
	static final String EVENTS = "billing_events";

	/**
	 * Business effects applied (checkout, invoice, refund), {@code _id} = business key.
	 */
	static final String EFFECTS = "billing_effects";

	/**
	 * Closed periods' billable overage and whether it was billed, {@code _id} =
	 * orgId:periodEnd.
	 */
	static final String OVERAGE = "billing_overage";

	/** Enterprise contracts (operator-managed, no card), {@code _id} = org id. */
	static final String CONTRACTS = "billing_contracts";

	/** Auto top-up settings, {@code _id} = org id (changeset 0120). */
	static final String AUTO_TOP_UPS = "billing_auto_top_ups";

	/**
	 * Auto top-up purchases, one per threshold crossing, {@code _id} = orgId:crossing
	 * (changeset 0120).
	 */
	static final String TOP_UP_PURCHASES = "billing_top_up_purchases";

	/**
	 * Scheduler locks (shared with ShedLock's layout: _id, lockUntil, lockedAt,
	 * lockedBy).
	 */
	static final String LOCKS = "shedlock";

	private BillingCollections() {
	}

}
