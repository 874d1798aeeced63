package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The commit being built: working state, known op keys, and the ops added so far. */
final class LedgerBatch {

	final AccountState state;

	final LedgerEngine.Sequence seq;

	final Instant now;

	private final Map<String, LedgerStore.StoredOp> known;

	private final List<OpRecord> ops;

	private final Function<Collection<String>, Map<String, LedgerStore.StoredOp>> lookup;

	LedgerBatch(AccountState state, LedgerEngine.Sequence seq, Instant now, Map<String, LedgerStore.StoredOp> known,
			List<OpRecord> ops, Function<Collection<String>, Map<String, LedgerStore.StoredOp>> lookup) {
		this.state = state;
		this.seq = seq;
		this.now = now;
		this.known = known;
		this.ops = ops;
		this.lookup = lookup;
	}

	LedgerStore.StoredOp known(String opKey) {
		return known.get(opKey);
	}

	/** Op keys the batch was not opened with: this batch's own ops, then the ledger's. */
	Map<String, LedgerStore.StoredOp> find(Collection<String> opKeys) {
		Map<String, LedgerStore.StoredOp> found = new HashMap<>(lookup.apply(opKeys));
		for (String key : opKeys) {
			LedgerStore.StoredOp own = known.get(key);
			if (own != null) {
				found.put(key, own);
			}
		}
		return found;
	}

	void add(OpRecord op) {
		ops.add(op);
		known.put(op.opKey(), LedgerStore.StoredOp.of(op, seq.seq));
	}

}
