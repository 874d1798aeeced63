package dev.billforge.entitlements.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import dev.billforge.billing.FeatureCatalog;
import dev.billforge.billing.FeatureSet;
import dev.billforge.billing.PlanFeatures;
import dev.billforge.billing.PlanFeatures.OrgFeatures;
import dev.billforge.common.ProblemException;
import dev.billforge.entitlements.Entitlement;
import dev.billforge.entitlements.Entitlements;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;

/**
 * Features from {@link PlanFeatures}; current use of a limit from its catalog counter: a
 * meter's quantity in the org's current billing period (usage rollups), or the seats
 * filled (members and open invitations).
 */
@Component
class DefaultEntitlements implements Entitlements {

	private final PlanFeatures plans;

	private final UsageSummaries usage;

	private final CreditLedger ledger;

	private final Memberships memberships;

	DefaultEntitlements(PlanFeatures plans, UsageSummaries usage, CreditLedger ledger, Memberships memberships) {
		this.plans = plans;
		this.usage = usage;
		this.ledger = ledger;
		this.memberships = memberships;
	}

	@Override
	public boolean has(OrgId org, String feature) {
		return plans.features(org).features().has(feature);
	}

	@Override
	public void require(OrgId org, String feature) {
		if (!has(org, feature)) {
			throw new ProblemException(402, NOT_INCLUDED,
					"the org's plan does not include " + feature + "; upgrade on the billing page");
		}
	}

	@Override
	public List<Entitlement> list(OrgId org) {
		OrgFeatures features = plans.features(org);
		List<Entitlement> result = new ArrayList<>();
		for (String name : features.features().names()) {
			result.add(entitlement(org, name, features));
		}
		return result;
	}

	@Override
	public Check check(OrgId org, String feature, long quantity) {
		OrgFeatures features = plans.features(org);
		FeatureSet set = features.features();
		OptionalLong limit = set.limit(feature);
		if (limit.isEmpty()) {
			boolean on = set.has(feature);
			return new Check(on, feature, null, null, null, null, on ? null : NOT_INCLUDED);
		}
		Entitlement e = entitlement(org, feature, features);
		long used = e.used() == null ? 0 : e.used();
		boolean allowed = limit.getAsLong() > 0 && quantity <= limit.getAsLong() - used;
		String reason = allowed ? null : limit.getAsLong() == 0 ? NOT_INCLUDED : LIMIT_REACHED;
		return new Check(allowed, feature, quantity, limit.getAsLong(), e.used(), e.remaining(), reason);
	}

	private Entitlement entitlement(OrgId org, String name, OrgFeatures features) {
		FeatureSet set = features.features();
		OptionalLong limit = set.limit(name);
		if (limit.isEmpty()) {
			return new Entitlement(name, "switch", set.has(name), null, null, null, features.source());
		}
		Long used = used(org, name);
		Long remaining = used == null ? null : Math.max(0, limit.getAsLong() - used);
		return new Entitlement(name, "limit", limit.getAsLong() > 0, limit.getAsLong(), used, remaining,
				features.source());
	}

	/** Current use, or null when the catalog names no counter for the feature. */
	private Long used(OrgId org, String feature) {
		FeatureCatalog.Counter counter = plans.catalog().counters().get(feature);
		if (counter == null) {
			return "seats".equals(feature) ? memberships.seatsUsed(org) : null;
		}
		if (counter.members()) {
			return memberships.seatsUsed(org);
		}
		BillingPeriod period = ledger.balance(org).period();
		BigDecimal quantity = usage.quantity(org, counter.meter(), period.start(), period.end());
		// A started unit counts: 0.2 documents used is one of the limit gone.
		return quantity.setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
	}

}
