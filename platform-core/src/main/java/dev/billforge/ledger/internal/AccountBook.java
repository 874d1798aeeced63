package dev.billforge.ledger.internal;

import java.time.Clock;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.billforge.valuemetric.Credits;

/**
 * Serialises writes per org and commits them in groups. Callers queue work; whoever holds the
 * org's lock drains the queue and writes everything queued as ONE ledger commit, so a hot org pays
 * one round of writes for many concurrent requests. Across instances the unique commit id is the
 * guard: the loser of a race reloads the account and runs its batch again.
 */
final class AccountBook {

	private static final Logger log = LoggerFactory.getLogger(AccountBook.class);

	private static final int MAX_BATCH = 256;

	private static final int MAX_KEYS_PER_COMMIT = 4000;

	private static final int MAX_ATTEMPTS = 20;

	private final LedgerStore store;

	private final LedgerEngine engine;

	private final Clock clock;

	private final Function<String, ZoneId> zones;

	private final Credits freeTier;

	private final CommitProjector projector;

	private final Map<String, Slot> slots = new ConcurrentHashMap<>();

	AccountBook(LedgerStore store, LedgerEngine engine, Clock clock, Function<String, ZoneId> zones, Credits freeTier,
			CommitProjector projector) {
		this.store = store;
		this.engine = engine;
		this.clock = clock;
		this.zones = zones;
		this.freeTier = freeTier;
		this.projector = projector;
	}

	/** Work done under the org's lock against the account's working state. */
	interface Work<R> {

		R run(Batch batch);

	}

	/** The commit being built: working state, known op keys, and the ops added so far. */
	static final class Batch {

		final AccountState state;

		final LedgerEngine.Sequence seq;

		final Instant now;

		private final Map<String, LedgerStore.StoredOp> known;

		private final List<OpRecord> ops;

		Batch(AccountState state, LedgerEngine.Sequence seq, Instant now, Map<String, LedgerStore.StoredOp> known,
				List<OpRecord> ops) {
			this.state = state;
			this.seq = seq;
			this.now = now;
			this.known = known;
			this.ops = ops;
		}

		LedgerStore.StoredOp known(String opKey) {
			return known.get(opKey);
		}

		void add(OpRecord op) {
			ops.add(op);
			known.put(op.opKey(), new LedgerStore.StoredOp(op.opKey(), op.kind(), op.fingerprint(), seq.seq, op.result()));
		}

	}

	private static final class Slot {

		final ReentrantLock lock = new ReentrantLock();

		final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

		/** The account as of its last commit; never mutated once published. */
		volatile AccountState state;

	}

	private static final class Pending<R> {

		final Collection<String> keys;

		final Work<R> work;

		final CompletableFuture<R> result = new CompletableFuture<>();

		R value;

		RuntimeException failure;

		Pending(Collection<String> keys, Work<R> work) {
			this.keys = keys;
			this.work = work;
		}

		void run(Batch batch) {
			try {
				value = work.run(batch);
				failure = null;
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}

		void finish() {
			if (failure != null) {
				result.completeExceptionally(failure);
			}
			else {
				result.complete(value);
			}
		}

	}

	/** Runs {@code work} in the next commit of the org's ledger and returns its result once durable. */
	<R> R execute(String orgId, Collection<String> opKeys, Work<R> work) {
		Slot slot = slots.computeIfAbsent(orgId, id -> new Slot());
		Pending<R> pending = new Pending<>(opKeys, work);
		slot.queue.add(pending);
		slot.lock.lock();
		try {
			while (!pending.result.isDone()) {
				List<Pending<?>> batch = new ArrayList<>();
				int keys = 0;
				Pending<?> next;
				// A commit is one document: bound it well below MongoDB's 16 MiB limit (~0.7 KB per op).
				while (batch.size() < MAX_BATCH && keys < MAX_KEYS_PER_COMMIT && (next = slot.queue.poll()) != null) {
					batch.add(next);
					keys += next.keys.size();
				}
				try {
					process(orgId, slot, batch);
				}
				catch (RuntimeException ex) {
					slot.state = null;
					batch.forEach(queued -> queued.result.completeExceptionally(ex));
				}
			}
		}
		finally {
			slot.lock.unlock();
		}
		try {
			return pending.result.join();
		}
		catch (CompletionException ex) {
			throw (RuntimeException) ex.getCause();
		}
	}

	/** The account's current state for reading, opened, caught up and settled as of now. */
	AccountState read(String orgId) {
		Slot slot = slots.computeIfAbsent(orgId, id -> new Slot());
		AccountState state = slot.state;
		if (state == null || isDue(state) || store.commitExists(orgId, state.seq + 1)) {
			// process() reloads a stale account, opens a new one and applies what is due.
			execute(orgId, List.of(), batch -> null);
			state = slot.state;
		}
		return state;
	}

	private boolean isDue(AccountState state) {
		Instant due = state.nextDueAt();
		return due != null && !due.isAfter(clock.instant());
	}

	/** Forgets cached state so the next access reloads it from the store. */
	void evict(String orgId) {
		Slot slot = slots.get(orgId);
		if (slot != null) {
			slot.state = null;
		}
	}

	private void process(String orgId, Slot slot, List<Pending<?>> batch) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			AccountState base = slot.state;
			// Another instance may have committed since this one cached the account: answers must not be stale.
			if (base == null || store.commitExists(orgId, base.seq + 1)) {
				base = load(orgId);
			}
			Instant now = clock.instant();
			AccountState working = base == null ? new AccountState(orgId) : base.copy();
			LedgerEngine.Sequence seq = new LedgerEngine.Sequence(working.seq + 1);
			List<OpRecord> ops = new ArrayList<>();
			if (base == null) {
				ops.add(engine.open(working, zones.apply(orgId), freeTier, now, seq));
			}
			ops.addAll(engine.settle(working, now, seq));
			Set<String> keys = new LinkedHashSet<>();
			batch.forEach(pending -> keys.addAll(pending.keys));
			Map<String, LedgerStore.StoredOp> known = keys.isEmpty() ? new HashMap<>()
					: new HashMap<>(store.findOps(orgId, keys));
			// Ops applied before the batch's own work (opening, expiries, rollovers) are known keys too.
			for (OpRecord op : ops) {
				known.put(op.opKey(), new LedgerStore.StoredOp(op.opKey(), op.kind(), op.fingerprint(), seq.seq, op.result()));
			}
			Batch context = new Batch(working, seq, now, known, ops);
			batch.forEach(pending -> pending.run(context));
			if (ops.isEmpty()) {
				slot.state = base;
				batch.forEach(Pending::finish);
				return;
			}
			working.seq = seq.seq;
			Commit commit = new Commit(orgId, seq.seq, now, List.copyOf(ops));
			try {
				store.insertCommit(commit);
			}
			catch (LedgerStore.CommitConflict conflict) {
				// Another instance wrote this sequence number first: reload and run the batch again.
				slot.state = null;
				continue;
			}
			catch (RuntimeException ex) {
				slot.state = null;
				batch.forEach(pending -> pending.result.completeExceptionally(ex));
				return;
			}
			slot.state = working;
			try {
				projector.project(commit, working);
			}
			catch (RuntimeException ex) {
				// The commit is durable; the projection is redone when the account is next loaded.
				log.warn("Projection of ledger commit {} failed; it will be redone", commit.id(), ex);
				slot.state = null;
			}
			batch.forEach(Pending::finish);
			return;
		}
		IllegalStateException contention = new IllegalStateException("ledger of " + orgId + " is too contended; retry");
		batch.forEach(pending -> pending.result.completeExceptionally(contention));
	}

	/** Loads the snapshot and replays (and re-projects) any commits written after it. */
	AccountState load(String orgId) {
		AccountSnapshot snapshot = store.loadSnapshot(orgId);
		AccountState state = snapshot == null ? null : snapshot.toState();
		long seq = state == null ? 0 : state.seq;
		Commit commit;
		while ((commit = store.loadCommit(orgId, seq + 1)) != null) {
			if (state == null) {
				state = new AccountState(orgId);
			}
			for (OpRecord op : commit.ops()) {
				op.applyTo(state);
			}
			state.seq = commit.seq();
			projector.project(commit, state);
			seq = commit.seq();
		}
		return state;
	}

}
