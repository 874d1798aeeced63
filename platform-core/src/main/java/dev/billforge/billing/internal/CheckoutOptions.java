package dev.billforge.billing.internal;

import com.stripe.model.Invoice;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.SubscriptionData.TrialSettings;

import dev.billforge.billing.CatalogEntry;

/**
 * The Checkout parameters for trials and Stripe Tax, and the discount and tax an invoice
 * shows.
 */
final class CheckoutOptions {

	private CheckoutOptions() {
	}

	/**
	 * A trial of {@code trial.days()}; without a required card Checkout collects one only
	 * if needed and the subscription is cancelled at the trial's end when none was added
	 * (the org falls back to the free tier).
	 */
	static void trial(SessionCreateParams.Builder params, SessionCreateParams.SubscriptionData.Builder data,
			CatalogEntry.Trial trial) {
		data.setTrialPeriodDays((long) trial.days());
		if (!trial.cardRequired()) {
			params.setPaymentMethodCollection(SessionCreateParams.PaymentMethodCollection.IF_REQUIRED);
			data.setTrialSettings(TrialSettings.builder()
				.setEndBehavior(TrialSettings.EndBehavior.builder()
					.setMissingPaymentMethod(TrialSettings.EndBehavior.MissingPaymentMethod.CANCEL)
					.build())
				.build());
		}
	}

	/**
	 * Stripe Tax: computed on the session and on the subscription's invoices, from a
	 * required billing address (saved on the existing customer, as Stripe requires) and
	 * optional tax IDs.
	 */
	static void tax(SessionCreateParams.Builder params) {
		params.setAutomaticTax(SessionCreateParams.AutomaticTax.builder().setEnabled(true).build())
			.setBillingAddressCollection(SessionCreateParams.BillingAddressCollection.REQUIRED)
			.setTaxIdCollection(SessionCreateParams.TaxIdCollection.builder().setEnabled(true).build())
			.setCustomerUpdate(SessionCreateParams.CustomerUpdate.builder()
				.setAddress(SessionCreateParams.CustomerUpdate.Address.AUTO)
				.setName(SessionCreateParams.CustomerUpdate.Name.AUTO)
				.build());
	}

	/** Minor units the invoice's discounts take off. */
	static long discount(Invoice invoice) {
		return invoice.getTotalDiscountAmounts() == null ? 0
				: invoice.getTotalDiscountAmounts()
					.stream()
					.mapToLong(d -> d.getAmount() == null ? 0 : d.getAmount())
					.sum();
	}

	/** Minor units of tax on the invoice. */
	static long tax(Invoice invoice) {
		return invoice.getTotalTaxes() == null ? 0
				: invoice.getTotalTaxes().stream().mapToLong(t -> t.getAmount() == null ? 0 : t.getAmount()).sum();
	}

}
