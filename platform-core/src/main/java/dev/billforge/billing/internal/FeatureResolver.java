package dev.billforge.billing.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dev.billforge.billing.BillingProperties;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.FeatureCatalog;
import dev.billforge.billing.FeatureSet;
import dev.billforge.billing.PlanFeatures;
import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.OrgId;

/**
 * An org's features from its contract, subscription or the free tier, plus the packs it
 * still holds credits of.
 */
@Component
class FeatureResolver implements PlanFeatures {

	private static final Logger log = LoggerFactory.getLogger(FeatureResolver.class);

	/**
	 * The reason a pack grant carries (CheckoutFinalizer), followed by the pack's lookup
	 * key.
	 */
	static final String PACK_REASON = "Credit pack ";

	private final SubscriptionSync subscriptions;

	private final EnterpriseContracts contracts;

	private final CatalogService catalogService;

	private final CreditLedger ledger;

	private final FeatureCatalog catalog;

	FeatureResolver(SubscriptionSync subscriptions, EnterpriseContracts contracts, CatalogService catalogService,
			CreditLedger ledger, BillingProperties properties, ResourceLoader resources) {
		this.subscriptions = subscriptions;
		this.contracts = contracts;
		this.catalogService = catalogService;
		this.ledger = ledger;
		this.catalog = CatalogFile.load(resources.getResource(properties.getCatalog().getLocation()))
			.map(CatalogFile::features)
			.orElse(FeatureCatalog.EMPTY);
	}

	@Override
	public FeatureCatalog catalog() {
		return catalog;
	}

	@Override
	public OrgFeatures features(OrgId org) {
		OrgFeatures base = base(org);
		FeatureSet packs = packFeatures(org);
		return packs.isEmpty() ? base : new OrgFeatures(base.source(), packs.union(base.features()), base.paidSeats());
	}

	private OrgFeatures base(OrgId org) {
		if (contracts.find(org).filter(EnterpriseContract::active).isPresent()) {
			return new OrgFeatures("contract", catalog.enterprise(), null);
		}
		Optional<SubscriptionView> live = subscriptions.current(org).filter(SubscriptionView::live);
		if (live.isPresent()) {
			SubscriptionView sub = live.get();
			if (sub.perSeat()) {
				return new OrgFeatures("plan:" + sub.lookupKey(), sub.features().withLimit("seats", sub.quantity()),
						sub.quantity());
			}
			return new OrgFeatures("plan:" + sub.lookupKey(), sub.features(), null);
		}
		return new OrgFeatures("free", catalog.freeTier(), null);
	}

	/**
	 * Features of packs the org still has credits from: they last as long as those
	 * credits.
	 */
	private FeatureSet packFeatures(OrgId org) {
		FeatureSet result = FeatureSet.EMPTY;
		for (Grant grant : ledger.balance(org).grants()) {
			if (grant.source() != GrantSource.PACK || grant.remaining().amount().signum() <= 0 || grant.reason() == null
					|| !grant.reason().startsWith(PACK_REASON)) {
				continue;
			}
			String lookupKey = grant.reason().substring(PACK_REASON.length());
			try {
				Optional<FeatureSet> features = catalogService.byLookupKey(lookupKey).map(CatalogEntry::features);
				if (features.isPresent()) {
					result = result.union(features.get());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Features of pack {} unavailable ({}); the org keeps its plan's", lookupKey, ex.getMessage());
			}
		}
		return result;
	}

}
