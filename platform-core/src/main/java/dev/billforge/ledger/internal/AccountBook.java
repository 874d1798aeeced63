package dev.billforge.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billforge.common.ProblemException;
import dev.billforge.valuemetric.Credits;

/**
 * Serialises writes per org and commits them in groups. Callers queue work; whoever holds
 * the org's lock drains the queue and writes everything queued as ONE ledger commit, so a
 * hot org pays one round of writes for many concurrent requests; the commit's projection
 * runs after the lock is released (see {@link ProjectionQueue}), so the lock covers two
 * round trips. Across instances the unique commit id is the guard: the loser of a race
 * reloads the account and runs its batch again.
 */
final class AccountBook {

	private static final int MAX_BATCH = 256;

	private static final int MAX_KEYS_PER_COMMIT = 4000;

	private static final int MAX_ATTEMPTS = 20;

	private final LedgerStore store;

	private final LedgerEngine engine;

	private final Clock clock;

	private final Function<String, ZoneId> zones;

	/**
	 * The free tier an org's account opens with (none for orgs that do not qualify, see
	 * Orgs#freeTierEligible).
	 */
	private final Function<String, Credits> freeTier;

	private final CommitProjector projector;

	/**
	 * Accounts kept in memory, least recently used evicted past the bound or when idle.
	 * Evicting one is like a restart for that org: the next request reloads it from its
	 * snapshot and replays (and re-queues for projection) the commits after it, so
	 * nothing answered from memory is lost.
	 */
	private final Cache<String, Slot> slots;

	private final Limits limits;

	/**
	 * Bounds of the in-memory book: accounts cached, their idle time, drains a commit's
	 * read models may fail before it is parked, and op keys an org may have answered from
	 * memory (not yet stored) before its writes are refused.
	 */
	record Limits(int maxAccounts, Duration accountIdle, int projectionAttempts, int maxUnprojectedKeys) {

		static final Limits DEFAULTS = new Limits(10_000, Duration.ofMinutes(30), 3, 50_000);

	}

	AccountBook(LedgerStore store, LedgerEngine engine, Clock clock, Function<String, ZoneId> zones, Credits freeTier,
			CommitProjector projector) {
		this(store, engine, clock, zones, orgId -> freeTier, projector, Limits.DEFAULTS);
	}

	AccountBook(LedgerStore store, LedgerEngine engine, Clock clock, Function<String, ZoneId> zones, Credits freeTier,
			CommitProjector projector, Limits limits) {
		this(store, engine, clock, zones, orgId -> freeTier, projector, limits);
	}

	AccountBook(LedgerStore store, LedgerEngine engine, Clock clock, Function<String, ZoneId> zones,
			Function<String, Credits> freeTier, CommitProjector projector, Limits limits) {
		this.store = store;
		this.engine = engine;
		this.clock = clock;
		this.zones = zones;
		this.freeTier = freeTier;
		this.projector = projector;
		this.limits = limits;
		this.slots = Caffeine.newBuilder()
			.maximumSize(limits.maxAccounts())
			.expireAfterAccess(limits.accountIdle())
			.build();
	}

	private Slot slot(String orgId) {
		return slots.get(orgId, id -> new Slot(limits.projectionAttempts()));
	}

	CommitProjector projector() {
		return projector;
	}

	/** Accounts held in memory now (for tests of the bound). */
	long cachedAccounts() {
		slots.cleanUp();
		return slots.estimatedSize();
	}

	/**
	 * Holds open in the accounts this instance has in memory (a monitoring figure, see
	 * LedgerMetrics).
	 */
	long holdsOpen() {
		return slots.asMap()
			.values()
			.stream()
			.mapToLong(slot -> slot.state == null ? 0 : slot.state.holds.size())
			.sum();
	}

	/**
	 * Commits durable but not yet projected, over the accounts this instance has in
	 * memory.
	 */
	long projectionLag() {
		return slots.asMap().values().stream().mapToLong(slot -> slot.projections.queued()).sum();
	}

	/** Work done under the org's lock against the account's working state. */
	interface Work<R> {

		R run(LedgerBatch batch);

	}

	private static final class Slot {

		final ReentrantLock lock = new ReentrantLock();

		final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

		final ProjectionQueue projections;

		/** The account as of its last commit; never mutated once published. */
		volatile AccountState state;

		/**
		 * {@link System#nanoTime()} when {@link #state} was last known to be the newest
		 * commit in the store.
		 */
		volatile long verifiedAt;

		Slot(int projectionAttempts) {
			this.projections = new ProjectionQueue(projectionAttempts);
		}

	}

	private static final class Pending<R> implements ProjectionQueue.Waiter {

		final Collection<String> keys;

		final Work<R> work;

		final CompletableFuture<R> result = new CompletableFuture<>();

		/**
		 * Set under the org's lock once this request's commit is written (or it has
		 * failed or written nothing).
		 */
		volatile boolean decided;

		R value;

		RuntimeException failure;

		Pending(Collection<String> keys, Work<R> work) {
			this.keys = keys;
			this.work = work;
		}

		void run(LedgerBatch batch) {
			try {
				value = work.run(batch);
				failure = null;
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}

		@Override
		public void finish() {
			decided = true;
			if (failure != null) {
				result.completeExceptionally(failure);
			}
			else {
				result.complete(value);
			}
		}

		void fail(RuntimeException ex) {
			decided = true;
			result.completeExceptionally(ex);
		}

	}

	/**
	 * Runs {@code work} in the next commit of the org's ledger and returns its result
	 * once durable and projected. The org's lock covers only deciding and writing the
	 * commit; projecting it (op keys, read models, snapshot) runs after the lock is
	 * released, in commit order, so the next group can commit meanwhile.
	 */
	<R> R execute(String orgId, Collection<String> opKeys, Work<R> work) {
		Slot slot = slot(orgId);
		if (slot.projections.backlog() > limits.maxUnprojectedKeys()) {
			// The store is not taking op keys: project what is queued first rather than
			// grow memory.
			slot.projections.drain(projector);
			if (slot.projections.backlog() > limits.maxUnprojectedKeys()) {
				throw new ProblemException(503, "ledger_unavailable",
						"the ledger cannot store this organisation's writes right now; retry later");
			}
		}
		Pending<R> pending = new Pending<>(opKeys, work);
		slot.queue.add(pending);
		slot.lock.lock();
		try {
			while (!pending.decided) {
				List<Pending<?>> batch = new ArrayList<>();
				int keys = 0;
				Pending<?> next;
				// A commit is one document: bound it well below MongoDB's 16 MiB limit
				// (ops are ~0.7 KB each before packing).
				while (batch.size() < MAX_BATCH && keys < MAX_KEYS_PER_COMMIT && (next = slot.queue.poll()) != null) {
					batch.add(next);
					keys += next.keys.size();
				}
				try {
					process(orgId, slot, batch);
				}
				catch (RuntimeException ex) {
					slot.state = null;
					batch.forEach(queued -> queued.fail(ex));
				}
			}
		}
		finally {
			slot.lock.unlock();
		}
		slot.projections.drain(projector);
		try {
			return pending.result.join();
		}
		catch (CompletionException ex) {
			throw (RuntimeException) ex.getCause();
		}
	}

	/**
	 * The account's current state for reading, opened, caught up and settled as of now.
	 */
	AccountState read(String orgId) {
		return read(orgId, 0);
	}

	/**
	 * The account's state for reading; it may miss commits another instance wrote in the
	 * last {@code maxStaleNanos} (0: never).
	 */
	AccountState read(String orgId, long maxStaleNanos) {
		Slot slot = slot(orgId);
		AccountState state = slot.state;
		if (state == null || isDue(state)
				|| (System.nanoTime() - slot.verifiedAt >= maxStaleNanos && stale(slot, state))) {
			// process() reloads a stale account, opens a new one and applies what is due.
			execute(orgId, List.of(), batch -> null);
			state = slot.state;
		}
		return state;
	}

	/** Whether another instance has committed after {@code state}; one lookup by id. */
	private boolean stale(Slot slot, AccountState state) {
		long probedAt = System.nanoTime();
		if (store.commitExists(state.orgId, state.seq + 1)) {
			return true;
		}
		if (slot.state == state) {
			slot.verifiedAt = probedAt;
		}
		return false;
	}

	private boolean isDue(AccountState state) {
		Instant due = state.nextDueAt();
		return due != null && !due.isAfter(clock.instant());
	}

	private void process(String orgId, Slot slot, List<Pending<?>> batch) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			AccountState base = slot.state;
			if (base == null) {
				base = load(slot, orgId);
				slot.state = base;
			}
			Instant now = clock.instant();
			AccountState working = base == null ? new AccountState(orgId) : base.copy();
			LedgerEngine.Sequence seq = new LedgerEngine.Sequence(working.seq + 1);
			List<OpRecord> ops = new ArrayList<>();
			if (base == null) {
				ops.add(engine.open(working, zones.apply(orgId), freeTier.apply(orgId), now, seq));
			}
			ops.addAll(engine.settle(working, now, seq));
			Set<String> keys = new LinkedHashSet<>();
			batch.forEach(pending -> keys.addAll(pending.keys));
			Map<String, LedgerStore.StoredOp> known = keys.isEmpty() ? new HashMap<>() : knownOps(slot, orgId, keys);
			// Ops applied before the batch's own work (opening, expiries, rollovers) are
			// known keys too.
			for (OpRecord op : ops) {
				known.put(op.opKey(), LedgerStore.StoredOp.of(op, seq.seq));
			}
			LedgerBatch context = new LedgerBatch(working, seq, now, known, ops,
					lookup -> knownOps(slot, orgId, lookup));
			batch.forEach(pending -> pending.run(context));
			if (ops.isEmpty()) {
				// Nothing to write, so no commit conflict would reveal a newer commit of
				// another instance:
				// an answer given from this state (a duplicate, a denial) must not be
				// stale.
				if (base != null && stale(slot, base)) {
					slot.state = catchUp(slot, base.copy());
					continue;
				}
				batch.forEach(Pending::finish);
				return;
			}
			working.seq = seq.seq;
			Commit commit = new Commit(orgId, seq.seq, now, List.copyOf(ops));
			long writtenAt = System.nanoTime();
			try {
				store.insertCommit(commit);
			}
			catch (LedgerStore.CommitConflict conflict) {
				// Another instance wrote this sequence number first: catch up and run the
				// batch again.
				slot.state = base == null ? null : catchUp(slot, base.copy());
				continue;
			}
			catch (RuntimeException ex) {
				slot.state = null;
				batch.forEach(pending -> pending.fail(ex));
				return;
			}
			slot.state = working;
			slot.verifiedAt = writtenAt;
			slot.projections.add(commit, working, List.copyOf(batch));
			batch.forEach(pending -> pending.decided = true);
			return;
		}
		IllegalStateException contention = new IllegalStateException("ledger of " + orgId + " is too contended; retry");
		batch.forEach(pending -> pending.fail(contention));
	}

	/** Stored op keys, including those of commits written but not yet projected. */
	private Map<String, LedgerStore.StoredOp> knownOps(Slot slot, String orgId, Collection<String> keys) {
		// Memory first: a key leaves it only after it is in the store, so it cannot fall
		// between the two reads.
		Map<String, LedgerStore.StoredOp> unprojected = slot.projections.known(keys);
		Map<String, LedgerStore.StoredOp> known = new HashMap<>(store.findOps(orgId, keys));
		known.putAll(unprojected);
		return known;
	}

	/**
	 * Loads the snapshot and replays any commits written after it (queued for projection
	 * again).
	 */
	private AccountState load(Slot slot, String orgId) {
		AccountSnapshot snapshot = store.loadSnapshot(orgId);
		if (snapshot != null) {
			return catchUp(slot, snapshot.toState());
		}
		return store.commitExists(orgId, 1) ? catchUp(slot, new AccountState(orgId)) : null;
	}

	/**
	 * Replays the commits written after {@code state}, which is advanced in place. They
	 * are queued for projection in case their writer died before projecting them;
	 * projecting twice changes nothing.
	 */
	private AccountState catchUp(Slot slot, AccountState state) {
		long probedAt = System.nanoTime();
		List<Commit> replayed = new ArrayList<>();
		Commit commit;
		while ((commit = store.loadCommit(state.orgId, state.seq + 1)) != null) {
			for (OpRecord op : commit.ops()) {
				op.applyTo(state);
			}
			state.seq = commit.seq();
			replayed.add(commit);
		}
		for (int i = 0; i < replayed.size(); i++) {
			slot.projections.add(replayed.get(i), i == replayed.size() - 1 ? state : null, List.of());
		}
		slot.verifiedAt = probedAt;
		return state;
	}

}
