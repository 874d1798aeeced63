package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.billing.ContractTerms;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.common.ProblemException;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.SpendCap;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Enterprise contracts in {@code billing_contracts} ({@code _id} = org id, one per org).
 * The allowance of a period is a ledger grant under
 * {@code contract:<orgId>:<periodStartEpoch>} (source plan_allowance, expiring at the
 * period end), so granting is idempotent however often and on however many instances it
 * runs; the ledger period follows the contract
 * ({@code contract-period:<orgId>:<startEpoch>}).
 */
@Component
class MongoEnterpriseContracts implements EnterpriseContracts {

	private static final Logger log = LoggerFactory.getLogger(MongoEnterpriseContracts.class);

	private final MongoCollection<Document> contracts;

	private final CreditLedger ledger;

	private final Orgs orgs;

	private final SubscriptionSync subscriptions;

	private final ValueMetric metric;

	private final Clock clock;

	MongoEnterpriseContracts(MongoTemplate mongo, CreditLedger ledger, Orgs orgs, SubscriptionSync subscriptions,
			ValueMetric metric, Clock clock) {
		this.contracts = mongo.getCollection(BillingCollections.CONTRACTS);
		this.ledger = ledger;
		this.orgs = orgs;
		this.subscriptions = subscriptions;
		this.metric = metric;
		this.clock = clock;
	}

	@Override
	public Optional<EnterpriseContract> find(OrgId org) {
		return Optional.ofNullable(contracts.find(Filters.eq("_id", org.value())).first()).map(this::view);
	}

	@Override
	public EnterpriseContract put(OrgId orgId, ContractTerms terms) {
		Org org = orgs.find(orgId).orElseThrow(() -> ProblemException.notFound("org " + orgId.value()));
		Instant now = clock.instant();
		String name = terms.name() == null ? "" : terms.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw ProblemException.invalid("name", "name is required (at most 200 characters)");
		}
		Credits credits = positive("creditsPerPeriod", terms.creditsPerPeriod());
		Document existing = contracts.find(Filters.eq("_id", orgId.value())).first();
		boolean active = existing != null && "active".equals(existing.getString("status"));
		// Unset schedule fields keep an active contract's schedule; a new contract
		// defaults to monthly.
		String interval = terms.interval() != null ? terms.interval()
				: active ? existing.getString("interval") : "month";
		if (!ContractSchedule.INTERVALS.contains(interval)) {
			throw ProblemException.invalid("interval", "interval must be day, week, month or year");
		}
		int count = terms.intervalCount() != null ? terms.intervalCount()
				: active ? existing.getInteger("intervalCount") : 1;
		if (count < 1 || count > 36) {
			throw ProblemException.invalid("intervalCount", "intervalCount must be between 1 and 36");
		}
		SpendCap cap = null;
		if (terms.cap() != null) {
			if (terms.cap().signum() < 0 || !metric.fitsPrecision(new Credits(terms.cap()))) {
				throw ProblemException.invalid("cap",
						"cap must be 0 or more, with at most " + metric.scale() + " decimals");
			}
			try {
				cap = new SpendCap(new Credits(terms.cap()),
						CapMode.fromCode(terms.capMode() == null ? "hard" : terms.capMode()));
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.invalid("capMode", "capMode must be hard or soft");
			}
		}
		if (subscriptions.current(orgId).filter(s -> SubscriptionSync.LIVE.contains(s.status())).isPresent()) {
			throw ProblemException.conflict("live_subscription",
					"the org pays through a live Stripe subscription; cancel it before putting it on a contract");
		}
		Instant anchor = terms.anchor() != null ? terms.anchor()
				: active ? Instant.parse(existing.getString("anchor")) : now;
		if (active && (!interval.equals(existing.getString("interval")) || count != existing.getInteger("intervalCount")
				|| !anchor.equals(Instant.parse(existing.getString("anchor"))))) {
			throw ProblemException.conflict("contract_schedule_fixed",
					"an active contract keeps its interval and anchor; end it and start a new one");
		}
		Document doc = new Document("_id", orgId.value()).append("name", name)
			.append("creditsPerPeriod", credits.amount().toPlainString())
			.append("interval", interval)
			.append("intervalCount", count)
			.append("anchor", anchor.toString())
			.append("zone", org.timeZone().getId())
			.append("overageAllowed", Boolean.TRUE.equals(terms.overageAllowed()))
			.append("cap", cap == null ? null : cap.credits().amount().toPlainString())
			.append("capMode", cap == null ? null : cap.mode().code())
			.append("status", "active")
			.append("startedAt", active ? existing.getString("startedAt") : now.toString())
			.append("endedAt", null)
			.append("lastGrantedPeriodStart", active ? existing.getString("lastGrantedPeriodStart") : null)
			.append("updatedAt", now.toString());
		contracts.replaceOne(Filters.eq("_id", orgId.value()), doc, new ReplaceOptions().upsert(true));
		ledger.setOverageAllowed(orgId, Boolean.TRUE.equals(terms.overageAllowed()));
		if (cap != null) {
			ledger.setSpendCap(orgId, cap);
		}
		ledger.unblock(orgId); // a contract is access, whatever a past Stripe
								// subscription left
		grantDue(doc, now);
		return find(orgId).orElseThrow();
	}

	@Override
	public Optional<EnterpriseContract> end(OrgId org) {
		Document doc = contracts.findOneAndUpdate(
				Filters.and(Filters.eq("_id", org.value()), Filters.eq("status", "active")),
				Updates.combine(Updates.set("status", "ended"), Updates.set("endedAt", clock.instant().toString())));
		if (doc == null) {
			return Optional.empty();
		}
		ledger.setOverageAllowed(org, false);
		return find(org);
	}

	@Override
	public int grantDueAllowances() {
		Instant now = clock.instant();
		int granted = 0;
		List<Document> active = contracts.find(Filters.eq("status", "active")).into(new ArrayList<>());
		for (Document doc : active) {
			try {
				granted += grantDue(doc, now) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Contract allowance of org {} not granted; the next run retries", doc.getString("_id"), ex);
			}
		}
		return granted;
	}

	/**
	 * Grants the current period's allowance; true when this call granted it (false: not
	 * due or done before).
	 */
	private boolean grantDue(Document doc, Instant now) {
		OrgId org = new OrgId(doc.getString("_id"));
		Optional<BillingPeriod> due = schedule(doc).periodAt(now);
		if (due.isEmpty()) {
			return false;
		}
		BillingPeriod period = due.get();
		if (period.start().toString().equals(doc.getString("lastGrantedPeriodStart"))) {
			return false; // granted with the terms then in force; changed credits apply
							// from the next period
		}
		long start = period.start().getEpochSecond();
		ledger.startPeriod(org, "contract-period:" + org.value() + ":" + start, period);
		boolean granted;
		try {
			GrantReceipt receipt = ledger.grant(org,
					new GrantRequest("contract:" + org.value() + ":" + start, GrantSource.PLAN_ALLOWANCE,
							new Credits(new BigDecimal(doc.getString("creditsPerPeriod"))), null, period.end(),
							"Enterprise contract " + doc.getString("name"), "contract"));
			granted = !receipt.duplicate();
		}
		catch (ProblemException ex) {
			if (!"idempotency_conflict".equals(ex.code())) {
				throw ex;
			}
			// Granted before with other credits (terms changed after a crash before the
			// record below): done.
			granted = false;
		}
		contracts.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.eq("status", "active")),
				Updates.set("lastGrantedPeriodStart", period.start().toString()));
		return granted;
	}

	private static ContractSchedule schedule(Document doc) {
		return new ContractSchedule(doc.getString("interval"), doc.getInteger("intervalCount"),
				Instant.parse(doc.getString("anchor")), ZoneId.of(doc.getString("zone")));
	}

	private Credits positive(String field, BigDecimal value) {
		if (value == null || value.signum() <= 0 || !metric.fitsPrecision(new Credits(value))) {
			throw ProblemException.invalid(field,
					field + " must be greater than 0, with at most " + metric.scale() + " decimals");
		}
		return new Credits(value);
	}

	private EnterpriseContract view(Document doc) {
		boolean active = "active".equals(doc.getString("status"));
		Optional<BillingPeriod> period = active ? schedule(doc).periodAt(clock.instant()) : Optional.empty();
		return new EnterpriseContract(doc.getString("_id"), doc.getString("name"),
				new Credits(new BigDecimal(doc.getString("creditsPerPeriod"))), doc.getString("interval"),
				doc.getInteger("intervalCount"), Instant.parse(doc.getString("anchor")),
				doc.getBoolean("overageAllowed", false),
				doc.getString("cap") == null ? null : new Credits(new BigDecimal(doc.getString("cap"))),
				doc.getString("capMode"), doc.getString("status"), instant(doc.getString("startedAt")),
				instant(doc.getString("endedAt")), period.map(BillingPeriod::start).orElse(null),
				period.map(BillingPeriod::end).orElse(null), instant(doc.getString("lastGrantedPeriodStart")));
	}

	private static Instant instant(String text) {
		return text == null ? null : Instant.parse(text);
	}

}
