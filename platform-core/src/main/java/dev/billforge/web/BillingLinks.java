package dev.billforge.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;

/**
 * What the billing page needs from Stripe billing: the org's plan and status, the packs
 * and plans on offer, its invoices, and the Checkout and Portal sessions behind the
 * page's buttons (the web app's {@code POST /billing/checkout} and
 * {@code POST /billing/portal} check the person's role and call {@link #checkout} /
 * {@link #portal}). Implemented by the billing module; without a bean of this type the
 * page says online payment is not set up.
 *
 * <p>
 * Texts ({@code name}, amounts) are shown as is, formatted for the given locale. Failures
 * are {@link ProblemException}s with stable codes: {@code invalid_request} (unknown
 * lookup key), {@code already_subscribed}, {@code no_billing_account},
 * {@code payment_provider_unavailable}, {@code payment_provider_error}.
 */
public interface BillingLinks {

	/** Whether Checkout and the Portal are wired (otherwise the buttons are hidden). */
	boolean available();

	/**
	 * No real money moves (Stripe emulator or a test key): every page says payments are
	 * simulated.
	 */
	boolean testMode();

	PlanStatus plan(OrgId org);

	/** Credit packs to buy (Checkout, one-time price). */
	List<Offer> packs(OrgId org, Locale locale);

	/**
	 * Plans to subscribe to (Checkout, recurring price); changing a live plan goes
	 * through the Portal.
	 */
	List<Offer> plans(OrgId org, Locale locale);

	/** The org's latest invoices, newest first; empty before the first purchase. */
	List<Invoice> invoices(OrgId org, Locale locale);

	/**
	 * Creates a Checkout session for the price with this lookup key; success/cancel URLs
	 * are the server's.
	 */
	URI checkout(OrgId org, String lookupKey);

	/**
	 * The currency the page shows prices in and Checkout charges in: the org's own once
	 * its first purchase fixed it, else {@code requested} when the catalog sells in it,
	 * else the catalog's default. Null when this deployment has one currency only.
	 */
	default Currencies currencies(OrgId org, String requested) {
		return null;
	}

	/**
	 * {@link #packs(OrgId, Locale)} priced in {@code currency} (see {@link #currencies});
	 * packs not sold in it left out.
	 */
	default List<Offer> packs(OrgId org, Locale locale, String currency) {
		return packs(org, locale);
	}

	/**
	 * {@link #plans(OrgId, Locale)} priced in {@code currency}; plans not sold in it left
	 * out.
	 */
	default List<Offer> plans(OrgId org, Locale locale, String currency) {
		return plans(org, locale);
	}

	/**
	 * {@link #checkout(OrgId, String)} in {@code currency} (null: the org's, else the
	 * default).
	 */
	default URI checkout(OrgId org, String lookupKey, String currency) {
		return checkout(org, lookupKey);
	}

	/**
	 * @param current ISO code (lower case) prices are shown and charged in
	 * @param fixed whether the org's first purchase fixed it (then {@code choices} is
	 * just {@code current})
	 * @param choices the currencies the org may pick, in order
	 */
	record Currencies(String current, boolean fixed, List<String> choices) {
	}

	/** Creates a Billing Portal session for the org's billing account. */
	URI portal(OrgId org);

	/** The org's automatic top-up; null when this deployment does not offer it. */
	default AutoTopUp autoTopUp(OrgId org) {
		return null;
	}

	/**
	 * Turns auto top-up on with the form's texts (a pack's lookup key, a threshold in
	 * credits, purchases per month). Refusals are {@link ProblemException}s:
	 * {@code invalid_request} naming the field, or {@code no_payment_method} when no card
	 * is saved.
	 */
	default void enableAutoTopUp(OrgId org, String lookupKey, String threshold, String monthlyLimit) {
		throw new ProblemException(409, "billing_not_configured", "online payment is not set up for this deployment");
	}

	default void disableAutoTopUp(OrgId org) {
	}

	/**
	 * The next invoice with the overage expected by period end; null when none is coming
	 * (no subscription).
	 */
	default UpcomingInvoice upcomingInvoice(OrgId org, Locale locale) {
		return null;
	}

	/**
	 * @param threshold credits below which a pack is bought
	 * @param disabledReason why it is off: {@code turned_off}, {@code too_many_failures},
	 * {@code pack_unavailable}, or null
	 * @param lastFailureCode Stripe's code of the last failed purchase
	 * ({@code card_declined}, {@code authentication_required}, ...)
	 */
	record AutoTopUp(boolean enabled, String lookupKey, String threshold, Integer monthlyLimit, long purchasesThisMonth,
			String disabledReason, String lastFailureCode, Instant lastFailureAt) {
	}

	/**
	 * @param date when it is due (Stripe's next payment attempt)
	 * @param estimatedOverage the expected overage line with its currency, null when none
	 * is expected
	 * @param estimatedOverageCredits the credits it is for ("500 SPU")
	 */
	record UpcomingInvoice(Instant date, String total, List<InvoiceLine> lines, String estimatedOverage,
			String estimatedOverageCredits, String estimatedTotal) {
	}

	record InvoiceLine(String description, String amount) {
	}

	/**
	 * An item on offer.
	 *
	 * @param lookupKey Stripe price lookup key, posted back to {@code /billing/checkout}
	 * @param name product name, e.g. "Team"
	 * @param credits credits per pack, or included per period for a plan, with the credit
	 * name ("1,000 SPU")
	 * @param price amount with its currency ("$10.00", "¥1,000")
	 * @param interval plans: {@code day}, {@code week}, {@code month} or {@code year};
	 * packs: null
	 * @param trialDays plans with a free trial the org can still take: its length in
	 * days; else null
	 */
	record Offer(String lookupKey, String name, String credits, String price, String interval, Integer trialDays) {

		public Offer(String lookupKey, String name, String credits, String price, String interval) {
			this(lookupKey, name, credits, price, interval, null);
		}

	}

	/**
	 * @param number invoice number, null while a draft
	 * @param status Stripe invoice status: {@code draft}, {@code open}, {@code paid},
	 * {@code uncollectible}, {@code void}
	 * @param amount total with its currency
	 * @param url Stripe's hosted invoice page, or null
	 * @param discount what discounts took off, with its currency; null when nothing
	 * @param tax the tax included in {@code amount}, with its currency; null when the
	 * invoice was not taxed
	 */
	record Invoice(String number, Instant created, String status, String amount, String url, String discount,
			String tax) {

		public Invoice(String number, Instant created, String status, String amount, String url) {
			this(number, created, status, amount, url, null, null);
		}

	}

	/**
	 * @param planName shown as is; null when the org has no subscription
	 * @param status Stripe subscription status ({@code active}, {@code trialing},
	 * {@code past_due}, ...), or null
	 */
	record PlanStatus(String planName, String status) {

		public boolean pastDue() {
			return "past_due".equals(status) || "unpaid".equals(status);
		}

		/**
		 * A subscription that is still running: plans are then changed in the Portal, not
		 * bought again.
		 */
		public boolean subscribed() {
			return "active".equals(status) || "trialing".equals(status) || "past_due".equals(status);
		}

	}

	/** Default: no Stripe billing wired into this deployment. */
	BillingLinks NOT_CONFIGURED = new BillingLinks() {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public boolean testMode() {
			return false;
		}

		@Override
		public PlanStatus plan(OrgId org) {
			return new PlanStatus(null, null);
		}

		@Override
		public List<Offer> packs(OrgId org, Locale locale) {
			return List.of();
		}

		@Override
		public List<Offer> plans(OrgId org, Locale locale) {
			return List.of();
		}

		@Override
		public List<Invoice> invoices(OrgId org, Locale locale) {
			return List.of();
		}

		@Override
		public URI checkout(OrgId org, String lookupKey) {
			throw notConfigured();
		}

		@Override
		public URI portal(OrgId org) {
			throw notConfigured();
		}

		private ProblemException notConfigured() {
			return new ProblemException(409, "billing_not_configured",
					"online payment is not set up for this deployment");
		}

	};

}
