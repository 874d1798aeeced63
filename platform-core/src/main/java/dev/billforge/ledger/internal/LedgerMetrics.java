package dev.billforge.ledger.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The ledger's gauges on {@code /actuator/prometheus}:
 * {@code billforge_ledger_holds_open} and {@code billforge_ledger_projection_lag_commits}
 * count what this instance holds in memory (sum them over instances),
 * {@code billforge_ledger_parked_commits} is read from the store (the same on every
 * instance).
 */
final class LedgerMetrics implements MeterBinder {

	private final AccountBook book;

	private final LedgerStore store;

	LedgerMetrics(AccountBook book, LedgerStore store) {
		this.book = book;
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("billforge.ledger.holds.open", book, AccountBook::holdsOpen)
			.description("Holds open in the accounts this instance has in memory")
			.register(registry);
		Gauge.builder("billforge.ledger.projection.lag", book, AccountBook::projectionLag)
			.baseUnit("commits")
			.description("Commits durable but not yet projected on this instance")
			.register(registry);
		Gauge.builder("billforge.ledger.parked", store, LedgerStore::parkedCount)
			.baseUnit("commits")
			.description("Commits whose read models failed and were parked for the operator")
			.register(registry);
	}

}
