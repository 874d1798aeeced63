package dev.billforge.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/** Builds a ledger over a given store with a movable clock. */
final class LedgerFixture {

	final MutableClock clock;

	final LedgerStore store;

	final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

	final CreditLedger ledger;

	LedgerFixture(Instant start, Credits freeTier) {
		this(new InMemoryLedgerStore(), new MutableClock(start), freeTier, List.of());
	}

	final AccountBook book;

	final LedgerProjections projections;

	LedgerFixture(LedgerStore store, MutableClock clock, Credits freeTier, List<LedgerCommitListener> listeners) {
		this(store, clock, freeTier, listeners, AccountBook.Limits.DEFAULTS, 1000);
	}

	LedgerFixture(LedgerStore store, MutableClock clock, Credits freeTier, List<LedgerCommitListener> listeners,
			AccountBook.Limits limits, int maxOpenHolds) {
		this.clock = clock;
		this.store = store;
		LedgerEngine engine = new LedgerEngine(List.of(70, 90, 100));
		this.book = new AccountBook(store, engine, clock, id -> zones.getOrDefault(id, ZoneId.of("UTC")), freeTier,
				new CommitProjector(store, listeners, clock), limits);
		LedgerService service = new LedgerService(book, engine, store, java.time.Duration.ZERO, maxOpenHolds, clock);
		this.ledger = service;
		this.projections = service.projections();
	}

	OrgId org(String zone) {
		OrgId org = OrgId.generate();
		zones.put(org.value(), ZoneId.of(zone));
		return org;
	}

	static UsageCharge usage(String key, String credits) {
		return new UsageCharge(key, "page|" + credits, "page", new BigDecimal(credits), Credits.of(credits),
				Instant.parse("2026-01-01T00:00:00Z"), Map.of());
	}

}
