package dev.billforge.web;

import java.util.List;

import dev.billforge.orgs.OrgId;

/**
 * What the billing page needs from Stripe billing: the org's plan and status and the packs and plans
 * on offer. The page links "Buy credits" to {@code /billing/checkout?lookupKey=..}, "Change plan" to
 * {@code /billing/checkout?lookupKey=..} of a plan price and "Manage billing" to {@code /billing/portal};
 * the billing module serves those. Without a bean of this type the page says billing is not configured.
 */
public interface BillingLinks {

	/** Whether Checkout and the Portal are wired (otherwise the buttons are hidden). */
	boolean available();

	PlanStatus plan(OrgId org);

	/** Credit packs to buy (Checkout, one-time price). */
	List<Offer> packs(OrgId org);

	/** Plans to change to (Checkout or Portal, recurring price). */
	List<Offer> plans(OrgId org);

	/** An item on offer: Stripe price {@code lookupKey} and a label shown as is (e.g. "1,000 SPU — €10"). */
	record Offer(String lookupKey, String label) {
	}

	/**
	 * @param planName shown as is; null when the org has no subscription
	 * @param status Stripe subscription status ({@code active}, {@code trialing}, {@code past_due}, ...), or null
	 */
	record PlanStatus(String planName, String status) {

		public boolean pastDue() {
			return "past_due".equals(status) || "unpaid".equals(status);
		}

	}

	/** Default: no Stripe billing wired into this deployment. */
	BillingLinks NOT_CONFIGURED = new BillingLinks() {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public PlanStatus plan(OrgId org) {
			return new PlanStatus(null, null);
		}

		@Override
		public List<Offer> packs(OrgId org) {
			return List.of();
		}

		@Override
		public List<Offer> plans(OrgId org) {
			return List.of();
		}

	};

}
