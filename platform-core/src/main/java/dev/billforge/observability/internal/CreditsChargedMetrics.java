package dev.billforge.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;

/**
 * {@code billforge_credits_charged_total{meter}} and
 * {@code billforge_usage_charges_total{meter}} from the ledger's committed charges (usage
 * events and committed holds; a hold without a meter counts as "hold"). A monitoring
 * figure, not money: the ledger is the record. A commit projected again after a crash may
 * be counted again. Meters come from the tenant's configuration, so the series stay
 * bounded.
 */
class CreditsChargedMetrics implements LedgerCommitListener {

	private final MeterRegistry registry;

	CreditsChargedMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		for (LedgerCommitted.Charged charge : commit.charges()) {
			String meter = charge.meter() == null ? "hold" : charge.meter();
			registry.counter("billforge.credits.charged", "meter", meter)
				.increment(charge.credits().amount().doubleValue());
			registry.counter("billforge.usage.charges", "meter", meter).increment();
		}
	}

}
