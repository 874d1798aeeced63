package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerModelRun.expect;
import static dev.billforge.ledger.internal.LedgerModelRun.expectCredits;
import static dev.billforge.ledger.internal.LedgerModelRun.expectProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.Reservation;
import dev.billforge.valuemetric.Credits;

/**
 * The hold operations of a {@link LedgerModelRun}: reserve (new and repeated keys),
 * commit and release.
 */
final class LedgerModelHoldOps {

	private final LedgerModelRun run;

	LedgerModelHoldOps(LedgerModelRun run) {
		this.run = run;
	}

	void reserve() {
		Instant now = run.clock.instant();
		Duration ttl = Duration
			.ofSeconds(run.rnd.nextBoolean() ? 10 + run.rnd.nextInt(600) : 600 + run.rnd.nextInt(24 * 3600));
		if (!run.model.holds.isEmpty() && run.rnd.nextInt(100) < 20) {
			LedgerModel.MHold hold = run.model.holds.get(run.pickKey(run.model.holds.keySet()));
			boolean same = run.rnd.nextInt(100) < 75;
			BigDecimal credits = same ? hold.credits : hold.credits.add(BigDecimal.ONE);
			run.note("reserve again " + hold.key + " " + credits + " (model: " + hold.status + ")");
			run.covered(same ? "reserve again " + hold.status : "reserve conflict");
			if (!same) {
				expectProblem(409, "idempotency_conflict",
						() -> run.ledger.reserve(run.org, hold.key, new Credits(credits), null, ttl));
				return;
			}
			Reservation r = run.ledger.reserve(run.org, hold.key, new Credits(credits), null, ttl);
			expect("reserve again id", hold.id, r.id());
			Reservation.Status status = switch (hold.status) {
				case HELD -> Reservation.Status.HELD;
				case COMMITTED -> Reservation.Status.COMMITTED;
				case RELEASED -> Reservation.Status.RELEASED;
				case EXPIRED -> hold.committed != null ? Reservation.Status.COMMITTED : Reservation.Status.EXPIRED;
			};
			expect("reserve again status", status, r.status());
			if (status == Reservation.Status.HELD) {
				expect("reserve again expiry", hold.expiresAt, r.expiresAt());
			}
			if (status == Reservation.Status.COMMITTED) {
				expectCredits("reserve again charged", hold.committed, r.charged());
				expectCredits("reserve again released", hold.released, r.released());
			}
			return;
		}
		BigDecimal credits = run.rnd.nextInt(100) < 10 ? run.amount(50, 300) : run.amount(1, 60);
		String key = "r" + (++run.counter);
		run.note("reserve " + key + " " + credits + " ttl " + ttl.toSeconds() + "s");
		String denied = run.model.check(credits);
		if (denied != null) {
			run.covered("reserve denied " + denied);
			try {
				run.ledger.reserve(run.org, key, new Credits(credits), null, ttl);
				throw new AssertionError("reserve " + key + " was held; the model denies it: " + denied);
			}
			catch (CreditsDeniedException ex) {
				expect("reserve denial", denied, ex.reason().code());
				expect("reserve denial status", 402, ex.status());
			}
			return;
		}
		Reservation r = run.ledger.reserve(run.org, key, new Credits(credits), null, ttl);
		LedgerModel.MHold hold = run.model.reserve(key, credits, ttl, now);
		hold.id = r.id();
		expect("reserve status", Reservation.Status.HELD, r.status());
		expectCredits("reserve credits", credits, r.credits());
		expect("reserve expiry", hold.expiresAt, r.expiresAt());
	}

	private LedgerModel.MHold pickHold() {
		List<LedgerModel.MHold> open = run.model.openHolds();
		if (!open.isEmpty() && run.rnd.nextInt(100) < 60) {
			return open.get(run.rnd.nextInt(open.size()));
		}
		List<LedgerModel.MHold> all = new ArrayList<>(run.model.holds.values());
		return all.isEmpty() ? null : all.get(run.rnd.nextInt(all.size()));
	}

	void commit() {
		LedgerModel.MHold hold = pickHold();
		if (hold == null || run.rnd.nextInt(100) < 4) {
			run.note("commit unknown reservation");
			expectProblem(404, "not_found",
					() -> run.ledger.commit(run.org, "rsv_unknown" + (++run.counter), Credits.of(1)));
			return;
		}
		BigDecimal actual;
		if (hold.committed != null && run.rnd.nextInt(100) < 70) {
			actual = hold.committed;
		}
		else {
			int pick = run.rnd.nextInt(3);
			actual = pick == 0
					? hold.credits.multiply(BigDecimal.valueOf(run.rnd.nextInt(1, 100)))
						.movePointLeft(2)
						.max(new BigDecimal("0.01"))
					: pick == 1 ? hold.credits : hold.credits.add(run.amount(0.01, 80));
		}
		run.note("commit " + hold.key + " " + actual + " (model: " + hold.status + ")");
		Instant now = run.clock.instant();
		Supplier<Reservation> call = () -> run.ledger.commit(run.org, hold.id, new Credits(actual));
		if (hold.committed != null) {
			run.covered(hold.committed.compareTo(actual) == 0 ? "commit repeated" : "commit conflict");
			if (hold.committed.compareTo(actual) != 0) {
				expectProblem(409, "reservation_closed", call::get);
				return;
			}
			expectCommitted(call.get(), hold.committed, hold.released);
			return;
		}
		switch (hold.status) {
			case HELD -> {
				run.covered(actual.compareTo(hold.credits) < 0 ? "commit below hold"
						: actual.compareTo(hold.credits) == 0 ? "commit equal to hold" : "commit above hold");
				run.model.commitOpen(hold, actual, now);
				expectCommitted(call.get(), actual, hold.released);
			}
			case EXPIRED -> {
				run.covered("commit after expiry");
				run.model.commitExpired(hold, actual, now);
				expectCommitted(call.get(), actual, BigDecimal.ZERO);
			}
			case RELEASED -> {
				run.covered("commit after release");
				expectProblem(409, "reservation_closed", call::get);
			}
			case COMMITTED -> throw new IllegalStateException("committed hold without an amount");
		}
	}

	private void expectCommitted(Reservation r, BigDecimal charged, BigDecimal released) {
		expect("commit status", Reservation.Status.COMMITTED, r.status());
		expectCredits("commit charged", charged, r.charged());
		expectCredits("commit released", released, r.released());
	}

	void release() {
		LedgerModel.MHold hold = pickHold();
		if (hold == null || run.rnd.nextInt(100) < 4) {
			run.note("release unknown reservation");
			expectProblem(404, "not_found", () -> run.ledger.release(run.org, "rsv_unknown" + (++run.counter)));
			return;
		}
		run.note("release " + hold.key + " (model: " + hold.status + ")");
		run.covered("release " + (hold.committed != null ? "committed" : hold.status.name()));
		if (hold.committed != null) {
			expectProblem(409, "reservation_closed", () -> run.ledger.release(run.org, hold.id));
			return;
		}
		Reservation.Status expected = hold.status == LedgerModel.HoldStatus.EXPIRED ? Reservation.Status.EXPIRED
				: Reservation.Status.RELEASED;
		if (hold.status == LedgerModel.HoldStatus.HELD) {
			run.model.release(hold);
		}
		expect("release status", expected, run.ledger.release(run.org, hold.id).status());
	}

}
