package dev.billforge.billing;

import java.util.List;
import java.util.Optional;

import dev.billforge.orgs.OrgId;

/**
 * What the operator console shows and does about Stripe: the event log, replays and the
 * discovered catalog.
 */
public interface BillingConsole {

	/** The org's stored Stripe events, newest first. */
	List<StripeEventRecord> events(OrgId org, int limit);

	/**
	 * Runs the stored event's processing again (its effects are idempotent, so a
	 * processed event changes nothing). Empty when the org has no such event.
	 */
	Optional<StripeEventRecord> replay(OrgId org, String eventId);

	/**
	 * Plans and packs as discovered from Stripe (cached), each with its price metadata.
	 */
	List<CatalogEntry> catalog();

}
