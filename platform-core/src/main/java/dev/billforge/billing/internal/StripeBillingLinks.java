package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.billforge.billing.BillingMode;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.SubscriptionView;
import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import dev.billforge.web.BillingLinks;

/**
 * The web app's billing page backed by Stripe: plan and status from the org's
 * subscription mirror, packs and plans from the discovered catalog, invoices, Checkout
 * and Portal through {@link BillingFlows}. Present whenever billing is (real Stripe, or
 * the emulator on the embedded default — otherwise the app refuses to start).
 */
@Component
class StripeBillingLinks implements BillingLinks {

	private static final Logger log = LoggerFactory.getLogger(StripeBillingLinks.class);

	static final int INVOICES_SHOWN = 12;

	private final CatalogService catalog;

	private final SubscriptionSync subscriptions;

	private final BillingFlows flows;

	private final ValueMetric metric;

	private final BillingMode mode;

	private final EnterpriseContracts contracts;

	private final AutoTopUps topUps;

	private final UpcomingInvoices upcoming;

	StripeBillingLinks(CatalogService catalog, SubscriptionSync subscriptions, BillingFlows flows, ValueMetric metric,
			BillingMode mode, EnterpriseContracts contracts, AutoTopUps topUps, UpcomingInvoices upcoming) {
		this.topUps = topUps;
		this.upcoming = upcoming;
		this.contracts = contracts;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.flows = flows;
		this.metric = metric;
		this.mode = mode;
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public boolean testMode() {
		return mode.testMode();
	}

	@Override
	public PlanStatus plan(OrgId org) {
		Optional<SubscriptionView> subscription = subscriptions.current(org);
		if (subscription.isEmpty()) {
			// An operator-managed enterprise contract is the org's plan when it pays no
			// subscription.
			return contracts.find(org)
				.filter(EnterpriseContract::active)
				.map(contract -> new PlanStatus(contract.name(), "active"))
				.orElse(new PlanStatus(null, null));
		}
		SubscriptionView s = subscription.get();
		return new PlanStatus(planName(s), s.status());
	}

	/**
	 * The product name of the price the subscription is on, else its tier (the catalog
	 * may be unreachable).
	 */
	private String planName(SubscriptionView s) {
		try {
			Optional<String> name = catalog.entries()
				.stream()
				.filter(e -> e.priceId().equals(s.priceId()) || e.lookupKey().equals(s.lookupKey()))
				.map(CatalogEntry::name)
				.filter(n -> n != null && !n.isBlank())
				.findFirst();
			if (name.isPresent()) {
				return name.get();
			}
		}
		catch (ProblemException ex) {
			log.warn("Catalog unavailable for the plan name: {}", ex.getMessage());
		}
		return s.tier() != null ? s.tier() : s.lookupKey() != null ? s.lookupKey() : s.priceId();
	}

	@Override
	public List<Offer> packs(OrgId org, Locale locale) {
		return offers(CatalogEntry.Kind.PACK, locale);
	}

	@Override
	public List<Offer> plans(OrgId org, Locale locale) {
		// Checkout offers a trial only to an org that never subscribed (BillingFlows);
		// the page says the same.
		return offers(CatalogEntry.Kind.PLAN, locale, subscriptions.current(org).isEmpty());
	}

	@Override
	public List<Offer> packs(OrgId org, Locale locale, String currency) {
		return offers(CatalogEntry.Kind.PACK, locale, false, currency);
	}

	@Override
	public List<Offer> plans(OrgId org, Locale locale, String currency) {
		return offers(CatalogEntry.Kind.PLAN, locale, subscriptions.current(org).isEmpty(), currency);
	}

	@Override
	public Currencies currencies(OrgId org, String requested) {
		Optional<String> fixed = flows.orgCurrency(org);
		if (fixed.isPresent()) {
			return new Currencies(fixed.get(), true, List.of(fixed.get()));
		}
		List<CatalogEntry> entries = catalog.entries();
		if (entries.isEmpty()) {
			return null;
		}
		String fallback = entries.get(0).currency();
		java.util.Set<String> all = new java.util.LinkedHashSet<>(List.of(fallback));
		entries.forEach(e -> all.addAll(e.currencies()));
		String asked = requested == null ? null : requested.toLowerCase(Locale.ROOT);
		return new Currencies(all.contains(asked) ? asked : fallback, false, List.copyOf(all));
	}

	@Override
	public URI checkout(OrgId org, String lookupKey, String currency) {
		return URI.create(flows.checkout(org, lookupKey, 1, currency).url());
	}

	private List<Offer> offers(CatalogEntry.Kind kind, Locale locale) {
		return offers(kind, locale, false);
	}

	private List<Offer> offers(CatalogEntry.Kind kind, Locale locale, boolean trialAvailable) {
		return offers(kind, locale, trialAvailable, null);
	}

	/**
	 * {@code currency} null: each entry in its default currency. Entries not sold in
	 * {@code currency} are left out.
	 */
	private List<Offer> offers(CatalogEntry.Kind kind, Locale locale, boolean trialAvailable, String currency) {
		return catalog.entries()
			.stream()
			.filter(e -> e.kind() == kind)
			.filter(e -> currency == null || e.unitAmountIn(currency).isPresent())
			.map(e -> offer(e, locale, trialAvailable, currency))
			.toList();
	}

	Offer offer(CatalogEntry entry, Locale locale) {
		return offer(entry, locale, false, null);
	}

	private Offer offer(CatalogEntry entry, Locale locale, boolean trialAvailable, String currency) {
		boolean plan = entry.kind() == CatalogEntry.Kind.PLAN;
		Credits credits = plan ? entry.includedCredits() : entry.credits();
		String code = currency == null ? entry.currency() : currency;
		return new Offer(entry.lookupKey(), entry.name(), credits == null ? null : credits(credits.amount(), locale),
				MoneyFormat.format(entry.unitAmountIn(code).orElse(entry.unitAmount()), code, locale),
				plan ? entry.interval() : null, trialAvailable && entry.trial() != null ? entry.trial().days() : null);
	}

	private String credits(BigDecimal amount, Locale locale) {
		NumberFormat number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(Math.max(0, amount.stripTrailingZeros().scale()));
		return number.format(amount) + " " + metric.creditName();
	}

	@Override
	public List<Invoice> invoices(OrgId org, Locale locale) {
		return flows.invoices(org, INVOICES_SHOWN)
			.stream()
			.map(i -> new Invoice(i.number(), i.created() == null ? null : Instant.ofEpochSecond(i.created()),
					i.status(), MoneyFormat.format(i.total(), i.currency(), locale), webUrl(i.hostedInvoiceUrl()),
					i.discount() == 0 ? null : MoneyFormat.format(i.discount(), i.currency(), locale),
					i.tax() == 0 ? null : MoneyFormat.format(i.tax(), i.currency(), locale)))
			.toList();
	}

	/** Only http(s) links reach the page's {@code href}. */
	private static String webUrl(String url) {
		return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
	}

	@Override
	public URI checkout(OrgId org, String lookupKey) {
		return URI.create(flows.checkout(org, lookupKey, 1).url());
	}

	@Override
	public URI portal(OrgId org) {
		return URI.create(flows.portal(org));
	}

	@Override
	public AutoTopUp autoTopUp(OrgId org) {
		AutoTopUps.View v = topUps.view(org);
		return new AutoTopUp(v.enabled(), v.lookupKey(), v.threshold(), v.monthlyLimit(), v.purchasesThisMonth(),
				v.disabledReason(), v.lastFailureCode(), v.lastFailureAt());
	}

	@Override
	public void enableAutoTopUp(OrgId org, String lookupKey, String threshold, String monthlyLimit) {
		String key = dev.billforge.common.TextInput.required("lookupKey", lookupKey, 200);
		Credits credits = AutoTopUpApiController.threshold(threshold, metric);
		topUps.configure(org, key, credits, AutoTopUpApiController.monthlyLimit(monthlyLimit));
	}

	@Override
	public void disableAutoTopUp(OrgId org) {
		topUps.disable(org);
	}

	@Override
	public UpcomingInvoice upcomingInvoice(OrgId org, Locale locale) {
		return upcoming.preview(org).map(u -> {
			UpcomingInvoices.OverageEstimate e = u.estimatedOverage();
			Long due = u.nextPaymentAttempt() != null ? u.nextPaymentAttempt() : u.periodEnd();
			return new UpcomingInvoice(due == null ? null : Instant.ofEpochSecond(due),
					MoneyFormat.format(u.total(), u.currency(), locale),
					u.lines()
						.stream()
						.map(l -> new InvoiceLine(l.description(),
								MoneyFormat.format(l.amount(), u.currency(), locale)))
						.toList(),
					e == null ? null : MoneyFormat.format(e.amount(), u.currency(), locale),
					e == null ? null : credits(e.credits().amount(), locale),
					MoneyFormat.format(u.estimatedTotal(), u.currency(), locale));
		}).orElse(null);
	}

}
