package dev.billforge.billing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.billingportal.SessionCreateParams;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.SeatBilling;
import dev.billforge.orgs.Memberships;
import dev.billforge.branding.Brand;
import dev.billforge.common.ProblemException;
import dev.billforge.common.ProductProperties;
import dev.billforge.common.Tracing;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Checkout, Portal and invoice listing for an org; Stripe faults become clear problems,
 * never half-done work.
 */
@Component
class BillingFlows {

	/** A created Checkout session. */
	record CheckoutLink(String id, String url) {
	}

	/**
	 * An invoice as the org sees it; amounts in minor units ({@code discount} taken off,
	 * {@code tax} added).
	 */
	record InvoiceSummary(String id, String number, String status, String billingReason, String currency, long total,
			long amountDue, long amountPaid, Long created, String hostedInvoiceUrl, long discount, long tax) {
	}

	private final StripeClient stripe;

	private final CatalogService catalog;

	private final CustomerDirectory customers;

	private final SubscriptionSync subscriptions;

	private final PublicUrls urls;

	private final String tag;

	private final EnterpriseContracts contracts;

	private final ObjectProvider<Brand> brand;

	private final Memberships memberships;

	private final BillingProperties properties;

	BillingFlows(StripeClient stripe, CatalogService catalog, CustomerDirectory customers,
			SubscriptionSync subscriptions, PublicUrls urls, ProductProperties product, EnterpriseContracts contracts,
			ObjectProvider<Brand> brand, Memberships memberships, BillingProperties properties) {
		this.memberships = memberships;
		this.properties = properties;
		this.contracts = contracts;
		this.brand = brand;
		this.stripe = stripe;
		this.catalog = catalog;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.urls = urls;
		this.tag = product.getTag();
	}

	/**
	 * The tenant's brand on Stripe's hosted Checkout: its name and the light palette's
	 * colours.
	 */
	private static com.stripe.param.checkout.SessionCreateParams.BrandingSettings branding(Brand brand) {
		return com.stripe.param.checkout.SessionCreateParams.BrandingSettings.builder()
			.setDisplayName(brand.productName())
			.setButtonColor(brand.palette().light().primary().hex())
			.setBackgroundColor(brand.palette().light().background().hex())
			.build();
	}

	CheckoutLink checkout(OrgId org, String lookupKey, Integer quantity) {
		return checkout(org, lookupKey, quantity, null);
	}

	/**
	 * The org's currency: fixed at its first purchase (its billing record, else its
	 * subscription's), empty before.
	 */
	Optional<String> orgCurrency(OrgId org) {
		return customers.currencyOf(org).or(() -> subscriptions.currency(org));
	}

	/**
	 * The currency a Checkout for {@code entry} charges in: the org's fixed one (asking
	 * for another is refused), else the one asked for, else the catalog's default.
	 * Refused when the price is not sold in it. Checked before anything is created in
	 * Stripe, so a refusal leaves nothing behind.
	 */
	String checkoutCurrency(OrgId org, CatalogEntry entry, String requested) {
		String asked = requested == null || requested.isBlank() ? null : requested.strip().toLowerCase(Locale.ROOT);
		if (asked != null && !CatalogFile.CURRENCY.matcher(asked).matches()) {
			throw ProblemException.invalid("currency", "currency must be a three-letter ISO code such as eur");
		}
		Optional<String> fixed = orgCurrency(org);
		if (fixed.isPresent() && asked != null && !asked.equals(fixed.get())) {
			throw ProblemException.conflict("currency_mismatch",
					"the org pays in " + fixed.get().toUpperCase(Locale.ROOT)
							+ " (fixed at its first purchase); it cannot buy in " + asked.toUpperCase(Locale.ROOT));
		}
		String currency = fixed.orElse(asked != null ? asked : entry.currency());
		if (entry.unitAmountIn(currency).isEmpty()) {
			if (fixed.isPresent()) {
				throw ProblemException.conflict("currency_unavailable", entry.lookupKey() + " is not sold in "
						+ currency.toUpperCase(Locale.ROOT) + ", the org's currency");
			}
			throw ProblemException.invalid("currency", entry.lookupKey() + " is sold in "
					+ String.join(", ", entry.currencies()).toUpperCase(Locale.ROOT) + " only");
		}
		return currency;
	}

	CheckoutLink checkout(OrgId org, String lookupKey, Integer quantity, String requestedCurrency) {
		if (lookupKey == null || lookupKey.isBlank()) {
			throw ProblemException.invalid("lookupKey", "lookupKey is required (see GET /api/v1/billing/catalog)");
		}
		CatalogEntry entry = catalog.byLookupKey(lookupKey)
			.orElseThrow(
					() -> ProblemException.invalid("lookupKey", "no plan or pack has the lookup key " + lookupKey));
		boolean plan = entry.kind() == CatalogEntry.Kind.PLAN;
		// A per-seat plan is bought for the org's members unless more seats are asked
		// for.
		int qty = quantity != null ? quantity : entry.perSeat() ? Math.max(1, memberships.members(org).size()) : 1;
		if (entry.perSeat() && (qty < 1 || qty > SeatBilling.MAX_SEATS)) {
			throw ProblemException.invalid("quantity", "seats must be between 1 and " + SeatBilling.MAX_SEATS);
		}
		if (plan && !entry.perSeat() && qty != 1) {
			throw ProblemException.invalid("quantity", "a plan is bought with quantity 1");
		}
		if (!plan) {
			int min = entry.minQuantity() == null ? 1 : entry.minQuantity();
			int max = entry.maxQuantity() == null ? 100 : entry.maxQuantity();
			if (qty < min || qty > max) {
				throw ProblemException.invalid("quantity", "quantity must be between " + min + " and " + max);
			}
		}
		if (plan && contracts.find(org).filter(EnterpriseContract::active).isPresent()) {
			throw ProblemException.conflict("on_contract",
					"the org is on an enterprise contract; its plan is managed by the operator");
		}
		if (plan && subscriptions.current(org).filter(s -> SubscriptionSync.LIVE.contains(s.status())).isPresent()) {
			throw ProblemException.conflict("already_subscribed",
					"the org already has a subscription; change plans in the billing portal (POST /api/v1/billing/portal-sessions)");
		}
		String currency = checkoutCurrency(org, entry, requestedCurrency);
		String customer = customers.ensureCustomer(org);
		com.stripe.param.checkout.SessionCreateParams.Builder params = com.stripe.param.checkout.SessionCreateParams
			.builder()
			.setMode(plan ? com.stripe.param.checkout.SessionCreateParams.Mode.SUBSCRIPTION
					: com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
			.setCustomer(customer)
			.setCurrency(currency)
			.setClientReferenceId(org.value())
			.setSuccessUrl(urls.checkoutSuccess())
			.setCancelUrl(urls.checkoutCancel())
			.addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
				.setPrice(entry.priceId())
				.setQuantity((long) qty)
				.build())
			.putMetadata("org_id", org.value())
			.putMetadata("product", tag)
			.putMetadata("kind", entry.kind().code())
			.putMetadata("lookup_key", entry.lookupKey());
		brand.ifAvailable(b -> params.setBrandingSettings(branding(b)));
		if (entry.promotionCodes()) {
			params.setAllowPromotionCodes(true);
		}
		if (properties.getTax().isEnabled()) {
			CheckoutOptions.tax(params);
		}
		if (plan) {
			var subscriptionData = com.stripe.param.checkout.SessionCreateParams.SubscriptionData.builder()
				.putMetadata("org_id", org.value())
				.putMetadata("product", tag);
			// One trial per org: an org that has had any subscription buys without one.
			if (entry.trial() != null && subscriptions.current(org).isEmpty()) {
				CheckoutOptions.trial(params, subscriptionData, entry.trial());
			}
			params.setSubscriptionData(subscriptionData.build());
		}
		else {
			// The credits are fixed when the person is shown the price, not when the
			// payment lands.
			Credits credits = new Credits(entry.credits().amount().multiply(java.math.BigDecimal.valueOf(qty)));
			params.putMetadata("credits", credits.toString());
			// Saves the card for later off-session use (auto top-up), as a subscription's
			// card is.
			params.setPaymentIntentData(com.stripe.param.checkout.SessionCreateParams.PaymentIntentData.builder()
				.setSetupFutureUsage(
						com.stripe.param.checkout.SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
				.build());
		}
		try {
			// One key per request: stripe-java's automatic retries resend it, so a retry
			// never creates a second session.
			RequestOptions options = RequestOptions.builder()
				.setIdempotencyKey("checkout:" + org.value() + ":" + UUID.randomUUID())
				.build();
			var create = params.build();
			Session session = Tracing.span("stripe.checkout.create", org.value(),
					() -> StripeRetry.withRetries(() -> stripe.v1().checkout().sessions().create(create, options)));
			return new CheckoutLink(session.getId(), session.getUrl());
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("creating the checkout session", ex);
		}
	}

	String portal(OrgId org) {
		String customer = customers.customerOf(org)
			.orElseThrow(() -> ProblemException.conflict("no_billing_account",
					"the org has no billing account yet; buy a plan or pack first"));
		try {
			return Tracing
				.span("stripe.portal.create", org.value(),
						() -> stripe.v1()
							.billingPortal()
							.sessions()
							.create(SessionCreateParams.builder()
								.setCustomer(customer)
								.setReturnUrl(urls.returnPage("portal"))
								.build()))
				.getUrl();
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("opening the billing portal", ex);
		}
	}

	List<InvoiceSummary> invoices(OrgId org, int limit) {
		String customer = customers.customerOf(org).orElse(null);
		if (customer == null) {
			return List.of();
		}
		try {
			List<InvoiceSummary> result = new ArrayList<>();
			for (Invoice i : stripe.v1()
				.invoices()
				.list(InvoiceListParams.builder().setCustomer(customer).setLimit((long) limit).build())
				.getData()) {
				result.add(new InvoiceSummary(i.getId(), i.getNumber(), i.getStatus(), i.getBillingReason(),
						i.getCurrency(), nz(i.getTotal()), nz(i.getAmountDue()), nz(i.getAmountPaid()), i.getCreated(),
						i.getHostedInvoiceUrl(), CheckoutOptions.discount(i), CheckoutOptions.tax(i)));
			}
			return result;
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("listing invoices", ex);
		}
	}

	private static long nz(Long value) {
		return value == null ? 0 : value;
	}

}
