package dev.billforge.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.FeatureSet;
import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Mirrors a subscription into MongoDB and the ledger. It always re-fetches the
 * subscription from Stripe, so an old event snapshot can never overwrite newer state; per
 * subscription, syncs on one instance run one at a time.
 */
@Component
class SubscriptionSync {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionSync.class);

	static final List<String> LIVE = List.of("active", "trialing", "past_due");

	private final StripeClient stripe;

	private final MongoCollection<Document> mirror;

	private final CustomerDirectory customers;

	private final CreditLedger ledger;

	private final BillingProperties properties;

	private final Clock clock;

	private final ReentrantLock[] stripes = new ReentrantLock[64];

	/** Statuses in which a trial that never converted leaves the org on the free tier. */
	private static final List<String> TRIAL_FALLBACK = List.of("past_due", "unpaid", "canceled");

	private final TrialEffects trials;

	SubscriptionSync(StripeClient stripe, MongoTemplate mongo, CustomerDirectory customers, CreditLedger ledger,
			BillingProperties properties, Clock clock, TrialEffects trials) {
		this.trials = trials;
		this.stripe = stripe;
		this.mirror = mongo.getCollection(BillingCollections.SUBSCRIPTIONS);
		this.customers = customers;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	/**
	 * Fetches the subscription from Stripe and applies its state; returns the org it
	 * belongs to.
	 */
	Optional<OrgId> sync(String subscriptionId) {
		return sync(subscriptionId, false);
	}

	/**
	 * {@code customer.subscription.trial_will_end}: sync, then notify the org (once per
	 * trial end).
	 */
	Optional<OrgId> trialWillEnd(String subscriptionId) {
		return sync(subscriptionId, true);
	}

	private Optional<OrgId> sync(String subscriptionId, boolean announceTrialEnd) {
		ReentrantLock lock = stripes[Math.floorMod(subscriptionId.hashCode(), stripes.length)];
		lock.lock();
		try {
			Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
			Optional<OrgId> org = customers.orgOf(sub.getCustomer());
			if (org.isEmpty()) {
				log.info("Subscription {} belongs to no org of this product; ignored", subscriptionId);
				return Optional.empty();
			}
			CatalogEntry plan = apply(org.get(), sub);
			if (announceTrialEnd) {
				trials.announceTrialEnd(org.get(), sub, plan);
			}
			return org;
		}
		catch (StripeException ex) {
			throw new IllegalStateException("cannot fetch subscription " + subscriptionId + " from Stripe", ex);
		}
		finally {
			lock.unlock();
		}
	}

	private CatalogEntry apply(OrgId org, Subscription sub) throws StripeException {
		SubscriptionItem item = sub.getItems().getData().isEmpty() ? null : sub.getItems().getData().get(0);
		Price price = item == null ? null : item.getPrice();
		CatalogEntry plan = price == null ? null : CatalogService.fromPrice(price, null).orElse(null);
		long quantity = item == null || item.getQuantity() == null ? 1 : item.getQuantity();
		Document previous = mirror.find(Filters.eq("_id", sub.getId())).first();
		String status = sub.getStatus();
		Instant pastDueSince = null;
		if ("past_due".equals(status)) {
			pastDueSince = previous != null && previous.getString("pastDueSince") != null
					? Instant.parse(previous.getString("pastDueSince")) : clock.instant();
		}
		Instant start = item == null ? null : Instant.ofEpochSecond(item.getCurrentPeriodStart());
		Instant end = item == null ? null : Instant.ofEpochSecond(item.getCurrentPeriodEnd());
		boolean converted = previous != null && Boolean.TRUE.equals(previous.getBoolean("converted"));
		boolean freeTier = false;
		if (sub.getTrialEnd() != null && !converted && TRIAL_FALLBACK.contains(status)) {
			freeTier = trials.neverConverted(sub);
			converted = !freeTier;
		}
		// Overage is billed in the subscription's currency, at that currency's rate on
		// the price it is on.
		String currency = sub.getCurrency() != null ? sub.getCurrency() : price == null ? null : price.getCurrency();
		java.math.BigDecimal overageRate = plan == null ? null : CatalogService.overageRate(price, currency);
		Credits included = plan == null || plan.includedCredits() == null ? Credits.ZERO
				: new Credits(plan.includedCredits().amount().multiply(java.math.BigDecimal.valueOf(quantity)));
		Document doc = new Document("_id", sub.getId()).append("orgId", org.value())
			.append("customerId", sub.getCustomer())
			.append("status", status)
			.append("priceId", price == null ? null : price.getId())
			.append("lookupKey", plan == null ? null : plan.lookupKey())
			.append("tier", plan == null ? null : plan.tier())
			.append("currency", currency)
			.append("includedCredits", included.toString())
			.append("overageUnitAmountDecimal", overageRate == null ? null : overageRate.toPlainString())
			.append("periodStart", start == null ? null : start.toString())
			.append("periodEnd", end == null ? null : end.toString())
			.append("cancelAtPeriodEnd", Boolean.TRUE.equals(sub.getCancelAtPeriodEnd()))
			.append("pastDueSince", pastDueSince == null ? null : pastDueSince.toString())
			.append("features", plan == null ? null : plan.features().toMetadata())
			.append("quantity", quantity)
			.append("itemId", item == null ? null : item.getId())
			.append("perSeat", plan != null && plan.perSeat())
			.append("created", sub.getCreated())
			.append("trialEnd", sub.getTrialEnd() == null ? null : Instant.ofEpochSecond(sub.getTrialEnd()).toString())
			.append("converted", converted)
			.append("syncedAt", clock.instant().toString());
		mirror.replaceOne(Filters.eq("_id", sub.getId()), doc, new ReplaceOptions().upsert(true));
		if (LIVE.contains(status)) {
			customers.fixCurrency(org, currency); // an org that subscribed before its
													// currency was recorded
		}
		trials.grantTrialCredits(org, sub, plan);
		applyToLedger(org, sub.getId(), status, start, end, plan, overageRate, pastDueSince, freeTier);
		return plan;
	}

	/**
	 * {@code freeTier}: a trial that ended unpaid — no plan terms, but not blocked
	 * either.
	 */
	private void applyToLedger(OrgId org, String subId, String status, Instant start, Instant end, CatalogEntry plan,
			java.math.BigDecimal overageRate, Instant pastDueSince, boolean freeTier) {
		if (current(org).map(v -> !v.id().equals(subId)).orElse(false) && !LIVE.contains(status)) {
			return; // an old, ended subscription must not override the org's current one
		}
		Balance balance = ledger.balance(org);
		if (LIVE.contains(status) && start != null && end != null && end.isAfter(start)) {
			BillingPeriod period = new BillingPeriod(start, end);
			// Setting the period the ledger already has would close it early.
			if (!period.equals(balance.period()) && !start.isBefore(balance.period().start())) {
				ledger.startPeriod(org, "sub:" + subId + ":" + start.getEpochSecond(), period);
			}
		}
		boolean overage = !freeTier && LIVE.contains(status) && plan != null && overageRate != null
				&& overageRate.signum() > 0;
		if (balance.overageAllowed() != overage) {
			ledger.setOverageAllowed(org, overage);
		}
		String block = freeTier ? null : switch (status) {
			case "active", "trialing" -> null;
			case "past_due" ->
				pastDueSince != null && pastDueSince.plus(properties.getPastDueGrace()).isBefore(clock.instant())
						? "payment_past_due" : null;
			case "unpaid" -> "subscription_unpaid";
			case "canceled" -> "subscription_canceled";
			default -> balance.blockedReason(); // incomplete, incomplete_expired: leave
												// as is
		};
		if (block == null && balance.blockedReason() != null) {
			ledger.unblock(org);
		}
		else if (block != null && !block.equals(balance.blockedReason())) {
			ledger.block(org, block);
		}
	}

	/** The org's current subscription: the newest live one, else the newest one. */
	Optional<SubscriptionView> current(OrgId org) {
		return currentDocument(org).map(SubscriptionSync::view);
	}

	/**
	 * The currency of the org's current subscription (how an org that subscribed before
	 * currencies were fixed has one).
	 */
	Optional<String> currency(OrgId org) {
		return currentDocument(org).map(d -> d.getString("currency"));
	}

	private Optional<Document> currentDocument(OrgId org) {
		Document best = null;
		for (Document d : mirror.find(Filters.eq("orgId", org.value())).sort(Sorts.descending("created"))) {
			if (best == null || (LIVE.contains(d.getString("status")) && !LIVE.contains(best.getString("status")))) {
				best = d;
			}
		}
		return Optional.ofNullable(best);
	}

	Optional<Document> mirrored(String subscriptionId) {
		return Optional.ofNullable(mirror.find(Filters.eq("_id", subscriptionId)).first());
	}

	Iterable<Document> all() {
		return mirror.find();
	}

	static SubscriptionView view(Document d) {
		String overage = d.getString("overageUnitAmountDecimal");
		return new SubscriptionView(d.getString("_id"), d.getString("status"), d.getString("lookupKey"),
				d.getString("tier"), d.getString("priceId"), Credits.of(d.getString("includedCredits")),
				overage != null && new java.math.BigDecimal(overage).signum() > 0, instant(d.getString("periodStart")),
				instant(d.getString("periodEnd")), Boolean.TRUE.equals(d.getBoolean("cancelAtPeriodEnd")),
				instant(d.getString("pastDueSince")), features(d.getString("features")),
				d.get("quantity") instanceof Number n ? n.longValue() : 1, Boolean.TRUE.equals(d.getBoolean("perSeat")),
				instant(d.getString("trialEnd")));
	}

	private static FeatureSet features(String metadata) {
		try {
			return FeatureSet.fromMetadata(metadata);
		}
		catch (IllegalArgumentException ex) {
			return FeatureSet.EMPTY; // already checked when mirrored; a hand-edited
										// document grants nothing
		}
	}

	private static Instant instant(String value) {
		return value == null ? null : Instant.parse(value);
	}

}
