package dev.billforge.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.stripe.exception.StripeException;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.common.ProblemException;
import dev.billforge.common.ProductProperties;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.AlertRecipients;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;

/**
 * Automatic top-up (docs/billing.md, "Automatic top-up"): when an org's available credits
 * are below its threshold, one pack is bought off session with its saved card. Runs after
 * ledger commits (never inside one: {@link AutoTopUpTrigger}) and from the sweep. Exactly
 * one payment per crossing: the purchase record {@code orgId:crossing} is claimed by one
 * insert; its credits are granted under the ledger key {@code auto-top-up:<pi_id>},
 * whether the webhook or the synchronous answer comes first.
 */
@Component
class AutoTopUps {

	private static final Logger log = LoggerFactory.getLogger(AutoTopUps.class);

	/**
	 * A purchase left pending this long (a crash, Stripe down) is taken up again by the
	 * sweep.
	 */
	static final Duration RESUME_AFTER = Duration.ofMinutes(2);

	/** The org's auto top-up as the API and page show it. */
	record View(boolean enabled, String lookupKey, String threshold, Integer monthlyLimit, long purchasesThisMonth,
			int failures, String disabledReason, String lastFailureCode, Instant lastFailureAt,
			List<TopUpPurchases.Purchase> purchases) {
	}

	private final AutoTopUpStore store;

	private final TopUpPurchases purchases;

	private final TopUpPayments payments;

	private final CatalogService catalog;

	private final CustomerDirectory customers;

	private final CreditLedger ledger;

	private final Orgs orgs;

	private final Clock clock;

	private final BillingProperties.AutoTopUp config;

	private final String tag;

	private final MongoCollection<Document> effects;

	private final ObjectProvider<Notifications> notifications;

	private final ObjectProvider<AlertRecipients> recipients;

	AutoTopUps(AutoTopUpStore store, TopUpPurchases purchases, TopUpPayments payments, CatalogService catalog,
			CustomerDirectory customers, CreditLedger ledger, Orgs orgs, Clock clock, BillingProperties properties,
			ProductProperties product, MongoTemplate mongo, ObjectProvider<Notifications> notifications,
			ObjectProvider<AlertRecipients> recipients) {
		this.store = store;
		this.purchases = purchases;
		this.payments = payments;
		this.catalog = catalog;
		this.customers = customers;
		this.ledger = ledger;
		this.orgs = orgs;
		this.clock = clock;
		this.config = properties.getAutoTopUp();
		this.tag = product.getTag();
		this.effects = mongo.getCollection(BillingCollections.EFFECTS);
		this.notifications = notifications;
		this.recipients = recipients;
	}

	View view(OrgId org) {
		Optional<AutoTopUpStore.Settings> s = store.find(org);
		List<TopUpPurchases.Purchase> latest = purchases.latest(org, 5);
		long thisMonth = purchases.countSince(org, monthStart(org));
		return s
			.map(x -> new View(x.enabled(), x.lookupKey(), x.threshold().toString(), x.monthlyLimit(), thisMonth,
					x.failures(), x.disabledReason(), x.lastFailureCode(), x.lastFailureAt(), latest))
			.orElse(new View(false, null, null, null, thisMonth, 0, null, null, null, latest));
	}

	/**
	 * Turns auto top-up on; the pack must be in the catalog and the org must have a saved
	 * card.
	 */
	View configure(OrgId org, String lookupKey, Credits threshold, int monthlyLimit) {
		CatalogEntry pack = catalog.byLookupKey(lookupKey)
			.filter(e -> e.kind() == CatalogEntry.Kind.PACK)
			.orElseThrow(() -> ProblemException.invalid("lookupKey",
					"no pack has the lookup key " + lookupKey + " (see GET /api/v1/billing/catalog)"));
		String customer = customers.customerOf(org).orElseThrow(AutoTopUps::noCard);
		try {
			payments.savedCard(customer).orElseThrow(AutoTopUps::noCard);
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("looking up the saved card", ex);
		}
		store.save(org, pack.lookupKey(), threshold, monthlyLimit, clock.instant());
		try {
			evaluate(org); // already below the threshold: buy now rather than at the next
							// commit
		}
		catch (RuntimeException ex) {
			// Saved is saved: the next commit or the sweep evaluates again.
			log.warn("Auto top-up of {} not evaluated after saving: {}", org, ex.toString());
		}
		return view(org);
	}

	void disable(OrgId org) {
		store.disable(org, "turned_off");
	}

	private static ProblemException noCard() {
		return ProblemException.conflict("no_payment_method", "auto top-up needs a saved card: buy a pack (the card "
				+ "is saved for later), subscribe to a plan or add a card in the billing portal first");
	}

	/**
	 * Buys a pack when the org's available credits are below its threshold and no
	 * purchase of this crossing exists.
	 */
	void evaluate(OrgId org) {
		AutoTopUpStore.Settings s = store.find(org).orElse(null);
		Instant now = clock.instant();
		if (s == null || !s.enabled() || (s.retryAfter() != null && now.isBefore(s.retryAfter()))) {
			return;
		}
		if (!ledger.balance(org).available().isLessThan(s.threshold())) {
			return;
		}
		Optional<TopUpPurchases.Purchase> current = purchases.find(s.purchaseId());
		if (current.isPresent()) {
			if (!"pending".equals(current.get().status())) {
				store.advance(org, s.crossing()); // ended before the counter moved on (a
													// crash): move it now
			}
			return;
		}
		if (purchases.countSince(org, monthStart(org)) >= s.monthlyLimit()) {
			return;
		}
		Optional<CatalogEntry> pack = catalog.byLookupKey(s.lookupKey())
			.filter(e -> e.kind() == CatalogEntry.Kind.PACK);
		// Charged in the org's currency (fixed at its first purchase) at the pack's price
		// in it.
		String currency = customers.currencyOf(org).orElse(pack.map(CatalogEntry::currency).orElse(null));
		Optional<Long> amount = pack.flatMap(p -> p.unitAmountIn(currency));
		if (pack.isEmpty() || amount.isEmpty()) {
			store.disable(org, "pack_unavailable");
			notifyOrg(org, s.purchaseId(), "pack_unavailable", true);
			return;
		}
		TopUpPurchases.Purchase purchase = new TopUpPurchases.Purchase(s.purchaseId(), org, s.crossing(), "pending",
				pack.get().lookupKey(), pack.get().credits().toString(), amount.get(), currency, null, null, now);
		if (purchases.claim(purchase)) {
			pay(purchase);
		}
	}

	/**
	 * Charges a claimed purchase (again, after a crash: the idempotency key makes it the
	 * same payment).
	 */
	void pay(TopUpPurchases.Purchase p) {
		Optional<String> customer = customers.customerOf(p.org());
		try {
			Optional<String> card = customer.isEmpty() ? Optional.empty() : payments.savedCard(customer.get());
			if (card.isEmpty()) {
				failed(p, null, "no_payment_method");
				return;
			}
			TopUpPayments.Attempt attempt = payments.charge(new TopUpPayments.Charge(p.id(), p.org().value(),
					customer.get(), p.amount(), p.currency(), p.lookupKey(), p.credits(), tag), card.get());
			switch (attempt.status()) {
				case SUCCEEDED -> succeeded(p, attempt.paymentIntentId());
				case FAILED -> failed(p, attempt.paymentIntentId(), attempt.failureCode());
				case PENDING -> purchases.paymentIntent(p.id(), attempt.paymentIntentId());
			}
		}
		catch (StripeException | RuntimeException ex) {
			// Stays pending: the sweep resumes it with the same idempotency key.
			log.warn("Auto top-up {} not completed yet: {}", p.id(), ex.toString());
		}
	}

	/**
	 * {@code payment_intent.succeeded|payment_failed|requires_action} of an auto top-up.
	 */
	void onPaymentIntent(String type, JsonNode pi) {
		JsonNode metadata = pi.path("metadata");
		if (!TopUpPayments.KIND.equals(metadata.path("kind").asString(null))
				|| !tag.equals(metadata.path("product").asString(null))) {
			return;
		}
		Optional<TopUpPurchases.Purchase> p = purchases.find(metadata.path("purchase").asString(""));
		if (p.isEmpty()) {
			return;
		}
		String id = pi.path("id").asString(null);
		if ("payment_intent.succeeded".equals(type)) {
			succeeded(p.get(), id);
		}
		else {
			String code = pi.path("last_payment_error").path("code").asString(null);
			failed(p.get(), id, code != null ? code
					: "payment_intent.requires_action".equals(type) ? "authentication_required" : "card_declined");
		}
	}

	private void succeeded(TopUpPurchases.Purchase p, String paymentIntent) {
		Credits credits = Credits.of(p.credits());
		GrantReceipt receipt = ledger.grant(p.org(), new GrantRequest("auto-top-up:" + paymentIntent, GrantSource.PACK,
				credits, null, null, "Auto top-up " + p.lookupKey(), paymentIntent));
		// Refunds find the grant they take back from by payment intent, as for packs
		// bought in Checkout.
		CustomerDirectory.insertIgnoringDuplicate(effects,
				new Document("_id", "payment:" + paymentIntent).append("orgId", p.org().value())
					.append("grantId", receipt.grantId())
					.append("credits", credits.toString())
					.append("amount", p.amount())
					.append("autoTopUp", p.id()));
		if (purchases.markSucceeded(p.id(), paymentIntent, clock.instant())) {
			store.recordSuccess(p.org());
		}
		store.advance(p.org(), p.crossing());
	}

	private void failed(TopUpPurchases.Purchase p, String paymentIntent, String code) {
		purchases.paymentIntent(p.id(), paymentIntent);
		Instant now = clock.instant();
		if (purchases.markFailed(p.id(), code, now)) {
			boolean off = store.recordFailure(p.org(), code, now, now.plus(config.getRetryAfter()),
					config.getMaxFailures());
			notifyOrg(p.org(), p.id(), code, off);
		}
		store.advance(p.org(), p.crossing());
	}

	/**
	 * Resumes pending purchases and evaluates orgs whose retry came due; returns how many
	 * purchases were resumed.
	 */
	int sweep() {
		Instant now = clock.instant();
		List<TopUpPurchases.Purchase> pending = purchases.pendingBefore(now.minus(RESUME_AFTER), 100);
		pending.forEach(this::pay);
		for (OrgId org : store.enabledAndDue(now, 1000)) {
			try {
				evaluate(org);
			}
			catch (RuntimeException ex) {
				log.warn("Auto top-up of {} not evaluated: {}", org, ex.toString());
			}
		}
		return pending.size();
	}

	Instant monthStart(OrgId org) {
		ZoneId zone = orgs.find(org).map(Org::timeZone).orElse(ZoneOffset.UTC);
		return clock.instant().atZone(zone).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
	}

	private void notifyOrg(OrgId org, String purchaseId, String code, boolean turnedOff) {
		Notifications n = notifications.getIfAvailable();
		AlertRecipients to = recipients.getIfAvailable();
		List<String> emails = to == null ? List.of() : to.emails(org);
		if (n == null || emails.isEmpty()) {
			log.info("Auto top-up {} of {} failed ({}); nobody to tell", purchaseId, org, code);
			return;
		}
		String subject = turnedOff ? "Auto top-up turned off" : "Auto top-up payment failed";
		String body = "An automatic top-up of your credits could not be paid (" + code + ")." + (turnedOff
				? " Auto top-up has been turned off; turn it on again on the billing page once the card is fixed."
				: " Update your card in billing management; it is tried again later.");
		n.sendMail("auto-top-up:" + purchaseId, emails, subject, body);
	}

}
