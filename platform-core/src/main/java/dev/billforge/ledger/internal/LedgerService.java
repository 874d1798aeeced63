package dev.billforge.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.billforge.common.ProblemException;
import dev.billforge.common.Tracing;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CheckResult;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.Hold;
import dev.billforge.ledger.LedgerPage;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.LedgerVerification;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.SpendCap;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * {@link CreditLedger} on top of the {@link AccountBook}: op keys, idempotency and
 * answers.
 */
public final class LedgerService implements CreditLedger {

	private final AccountBook book;

	private final LedgerEngine engine;

	private final LedgerStore store;

	/** See {@link dev.billforge.ledger.LedgerProperties#getCheckStaleness()}. */
	private final long checkStalenessNanos;

	/** See {@link dev.billforge.ledger.LedgerProperties#getMaxOpenHolds()}. */
	private final int maxOpenHolds;

	private final DueSweep sweep;

	LedgerService(AccountBook book, LedgerEngine engine, LedgerStore store, Duration checkStaleness, int maxOpenHolds,
			Clock clock) {
		this.book = book;
		this.engine = engine;
		this.store = store;
		this.checkStalenessNanos = checkStaleness.toNanos();
		this.maxOpenHolds = maxOpenHolds;
		this.sweep = new DueSweep(book, store, clock);
	}

	/** The ledger's gauges (holds open, projection lag, parked commits). */
	LedgerMetrics metrics() {
		return new LedgerMetrics(book, store);
	}

	/**
	 * The operator's view of this ledger's read models (parked projections, rebuilds).
	 */
	LedgerProjections projections() {
		return new ReadModelRebuilds(book, store);
	}

	@Override
	public Balance balance(OrgId org) {
		return toBalance(book.read(org.value()));
	}

	static Balance toBalance(AccountState s) {
		return new Balance(s.available(), s.held(), s.debt, s.period, s.periodCredits, s.usedInPeriod,
				s.overageInPeriod, s.overCapInPeriod, s.overageAllowed, s.cap, s.blockedReason,
				s.grantsInConsumptionOrder(), List.copyOf(s.holds.values()), s.seq);
	}

	@Override
	public CheckResult check(OrgId org, Credits credits) {
		return engine.check(book.read(org.value(), checkStalenessNanos), credits);
	}

	@Override
	public List<UsageOutcome> recordUsage(OrgId org, List<UsageCharge> charges, boolean enforce) {
		List<String> keys = charges.stream().map(charge -> usageKey(charge.idempotencyKey())).toList();
		return Tracing.span("ledger.usage", org.value(), () -> book.execute(org.value(), keys, batch -> {
			List<UsageOutcome> outcomes = new ArrayList<>(charges.size());
			for (UsageCharge charge : charges) {
				String opKey = usageKey(charge.idempotencyKey());
				LedgerStore.StoredOp known = batch.known(opKey);
				if (known != null) {
					UsageOutcome.Status status = known.fingerprint().equals(charge.fingerprint())
							? UsageOutcome.Status.DUPLICATE : UsageOutcome.Status.CONFLICT;
					outcomes.add(new UsageOutcome(charge.idempotencyKey(), status,
							status == UsageOutcome.Status.DUPLICATE ? known.result().credits() : Credits.ZERO, null));
					continue;
				}
				OpRecord op = engine.usage(batch.state, opKey, charge, enforce, batch.now, batch.seq);
				if (op == null) {
					outcomes.add(new UsageOutcome(charge.idempotencyKey(), UsageOutcome.Status.REJECTED, Credits.ZERO,
							engine.rejectionReason(batch.state, charge.credits())));
				}
				else {
					batch.add(op);
					outcomes.add(new UsageOutcome(charge.idempotencyKey(), UsageOutcome.Status.RECORDED,
							charge.credits(), null));
				}
			}
			return outcomes;
		}));
	}

	private static String usageKey(String key) {
		return "usage:" + key;
	}

	@Override
	public Reservation reserve(OrgId org, String key, Credits credits, String meter, Duration ttl) {
		String opKey = "reserve:" + key;
		String fingerprint = credits + "|" + (meter == null ? "" : meter);
		return Tracing.span("ledger.reserve", org.value(), () -> book.execute(org.value(), List.of(opKey), batch -> {
			LedgerStore.StoredOp known = batch.known(opKey);
			if (known != null) {
				if (!known.fingerprint().equals(fingerprint)) {
					throw ProblemException.conflict("idempotency_conflict",
							"reservation key " + key + " was used with different credits or meter");
				}
				return reservationAsOfNow(org, batch, known.result().holdId(), key, known.result());
			}
			if (batch.state.holds.size() >= maxOpenHolds) {
				// Every open hold lives in the account and its snapshot: their number is
				// bounded.
				throw new ProblemException(429, "too_many_holds", "this organisation has " + batch.state.holds.size()
						+ " open holds, the most allowed; commit or release some first");
			}
			OpRecord op = engine.reserve(batch.state, opKey, fingerprint, key, credits, meter, ttl, batch.now,
					batch.seq);
			if (op == null) {
				CheckResult check = engine.check(batch.state, credits);
				throw new CreditsDeniedException(check.reason(),
						"cannot hold " + credits + " credits: " + check.reason().code());
			}
			batch.add(op);
			return new Reservation(op.hold().id(), key, Reservation.Status.HELD, credits, op.hold().expiresAt(), null,
					null);
		}));
	}

	private Reservation reservationAsOfNow(OrgId org, LedgerBatch batch, String holdId, String key, OpResult held) {
		Hold open = batch.state.holds.get(holdId);
		if (open != null) {
			return new Reservation(holdId, key, Reservation.Status.HELD, open.credits(), open.expiresAt(), null, null);
		}
		Map<String, LedgerStore.StoredOp> closed = batch.find(closingKeys(holdId));
		LedgerStore.StoredOp commit = closed.get("commit:" + holdId);
		if (commit != null) {
			return new Reservation(holdId, key, Reservation.Status.COMMITTED, held.credits(), held.expiresAt(),
					commit.result().charged(), commit.result().released());
		}
		Reservation.Status status = closed.containsKey("release:" + holdId) ? Reservation.Status.RELEASED
				: Reservation.Status.EXPIRED;
		return new Reservation(holdId, key, status, held.credits(), held.expiresAt(), Credits.ZERO, held.credits());
	}

	private static List<String> closingKeys(String holdId) {
		return List.of("commit:" + holdId, "release:" + holdId, "expire-hold:" + holdId);
	}

	@Override
	public Reservation commit(OrgId org, String reservationId, Credits actual, Map<String, String> dimensions) {
		String opKey = "commit:" + reservationId;
		String fingerprint = actual.toString();
		return Tracing.span("ledger.commit", org.value(),
				() -> book.execute(org.value(), closingKeys(reservationId), batch -> {
					LedgerStore.StoredOp done = batch.known(opKey);
					if (done != null) {
						if (!done.fingerprint().equals(fingerprint)) {
							throw ProblemException.conflict("reservation_closed", "reservation " + reservationId
									+ " was already committed with " + done.result().charged());
						}
						return committed(reservationId, done.result());
					}
					Hold hold = batch.state.holds.get(reservationId);
					OpRecord op;
					if (hold != null) {
						op = engine.commit(batch.state, opKey, fingerprint, hold, actual, dimensions, batch.now,
								batch.seq);
					}
					else if (batch.known("release:" + reservationId) != null) {
						throw ProblemException.conflict("reservation_closed",
								"reservation " + reservationId + " was released");
					}
					else if (batch.known("expire-hold:" + reservationId) != null) {
						op = engine.commitExpired(batch.state, opKey, fingerprint, reservationId, actual, dimensions,
								batch.now, batch.seq);
					}
					else {
						throw ProblemException.notFound("reservation " + reservationId);
					}
					batch.add(op);
					return committed(reservationId, op.result());
				}));
	}

	private static Reservation committed(String id, OpResult result) {
		return new Reservation(id, null, Reservation.Status.COMMITTED, result.charged(), null, result.charged(),
				result.released());
	}

	@Override
	public Reservation release(OrgId org, String reservationId) {
		String opKey = "release:" + reservationId;
		return Tracing.span("ledger.release", org.value(),
				() -> book.execute(org.value(), closingKeys(reservationId), batch -> {
					if (batch.known(opKey) != null) {
						return released(reservationId, Reservation.Status.RELEASED);
					}
					Hold hold = batch.state.holds.get(reservationId);
					if (hold != null) {
						batch.add(engine.release(batch.state, opKey, hold, batch.now, batch.seq));
						return released(reservationId, Reservation.Status.RELEASED);
					}
					if (batch.known("commit:" + reservationId) != null) {
						throw ProblemException.conflict("reservation_closed",
								"reservation " + reservationId + " was committed");
					}
					if (batch.known("expire-hold:" + reservationId) != null) {
						return released(reservationId, Reservation.Status.EXPIRED);
					}
					throw ProblemException.notFound("reservation " + reservationId);
				}));
	}

	private static Reservation released(String id, Reservation.Status status) {
		return new Reservation(id, null, status, null, null, Credits.ZERO, null);
	}

	@Override
	public GrantReceipt grant(OrgId org, GrantRequest request) {
		String opKey = "grant:" + request.key();
		String fingerprint = request.source().code() + "|" + request.credits() + "|" + request.expiresAt();
		return Tracing.span("ledger.grant", org.value(), () -> book.execute(org.value(), List.of(opKey), batch -> {
			LedgerStore.StoredOp known = batch.known(opKey);
			if (known != null) {
				if (!known.fingerprint().equals(fingerprint)) {
					throw ProblemException.conflict("idempotency_conflict",
							"grant key " + request.key() + " was used with a different grant");
				}
				return new GrantReceipt(known.result().holdId(), known.result().credits(), true);
			}
			OpRecord op = engine.grant(
					batch.state, opKey, new GrantCommand(request.source(), request.credits(), request.priority(),
							request.expiresAt(), request.reason(), request.reference(), fingerprint),
					batch.now, batch.seq);
			batch.add(op);
			return new GrantReceipt(op.grant().id(), request.credits(), false);
		}));
	}

	@Override
	public void clawBack(OrgId org, String key, Credits credits, String grantId, String reason) {
		String opKey = "clawback:" + key;
		Tracing.span("ledger.clawback", org.value(), () -> book.execute(org.value(), List.of(opKey), batch -> {
			if (batch.known(opKey) == null) {
				batch.add(engine.adjust(batch.state, opKey, credits.toString(), Credits.ZERO.minus(credits), grantId,
						reason, batch.now, batch.seq));
			}
			return null;
		}));
	}

	@Override
	public void setSpendCap(OrgId org, SpendCap cap) {
		policy(org, new OpRecord.Policy(null, cap, cap == null, null, null, null));
	}

	@Override
	public void setAlertThresholds(OrgId org, List<Integer> percents) {
		List<Integer> sorted = percents.stream().distinct().sorted().toList();
		if (sorted.size() > 5 || sorted.stream().anyMatch(p -> p == null || p < 1 || p > 100)) {
			throw ProblemException.invalid("thresholds", "up to 5 percentages from 1 to 100");
		}
		policy(org, new OpRecord.Policy(null, null, null, null, null, null, sorted));
	}

	@Override
	public List<Integer> alertThresholds(OrgId org) {
		AccountState state = book.read(org.value());
		return state.thresholds.isEmpty() ? engine.defaultThresholds() : state.thresholds;
	}

	@Override
	public void setOverageAllowed(OrgId org, boolean allowed) {
		policy(org, new OpRecord.Policy(allowed, null, null, null, null, null));
	}

	@Override
	public void block(OrgId org, String reason) {
		policy(org, new OpRecord.Policy(null, null, null, reason, null, null));
	}

	@Override
	public void unblock(OrgId org) {
		policy(org, new OpRecord.Policy(null, null, null, null, true, null));
	}

	private void policy(OrgId org, OpRecord.Policy policy) {
		book.execute(org.value(), List.of(), batch -> {
			batch.add(engine.policy(batch.state, "policy:" + UUID.randomUUID(), policy, batch.now, batch.seq));
			return null;
		});
	}

	@Override
	public void startPeriod(OrgId org, String key, BillingPeriod period) {
		String opKey = "period-set:" + key;
		book.execute(org.value(), List.of(opKey), batch -> {
			if (batch.known(opKey) == null) {
				batch.add(engine.startPeriod(batch.state, opKey, period, batch.now, batch.seq));
			}
			return null;
		});
	}

	@Override
	public LedgerPage entries(OrgId org, String cursor, int limit) {
		AccountState state = book.read(org.value());
		long seq = state.seq;
		int beforeIndex = Integer.MAX_VALUE;
		if (cursor != null) {
			String[] parts = cursor.split("-", 2);
			try {
				seq = Long.parseLong(parts[0]);
				beforeIndex = Integer.parseInt(parts[1]);
			}
			catch (RuntimeException ex) {
				throw ProblemException.invalid("cursor", "cursor is not one this API returned");
			}
		}
		List<dev.billforge.ledger.LedgerEntry> page = new ArrayList<>(limit);
		for (long s = Math.min(seq, state.seq); s >= 1 && page.size() < limit; s--) {
			Commit commit = store.loadCommit(org.value(), s);
			if (commit == null) {
				break;
			}
			List<dev.billforge.ledger.LedgerEntry> entries = new ArrayList<>();
			commit.ops().forEach(op -> entries.addAll(op.entries()));
			for (int i = entries.size() - 1; i >= 0 && page.size() < limit; i--) {
				if (s == seq && entries.get(i).index() >= beforeIndex) {
					continue;
				}
				page.add(entries.get(i));
			}
		}
		String next = null;
		if (page.size() == limit) {
			dev.billforge.ledger.LedgerEntry last = page.get(page.size() - 1);
			next = last.seq() + "-" + last.index();
		}
		return new LedgerPage(page, next);
	}

	@Override
	public List<Alert> alerts(OrgId org, int limit) {
		book.read(org.value());
		return store.alerts(org.value(), limit);
	}

	@Override
	public LedgerVerification verify(OrgId org) {
		LedgerVerification verification = new LedgerVerifier(store).verify(book.read(org.value()));
		if (!verification.consistent()) {
			dev.billforge.common.BillforgeMetrics.driftFound("ledger", 1);
		}
		return verification;
	}

	@Override
	public int settleDueAccounts() {
		return sweep.run();
	}

}
