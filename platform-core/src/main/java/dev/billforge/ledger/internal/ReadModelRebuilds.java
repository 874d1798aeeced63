package dev.billforge.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerHistory;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.ParkedProjection;
import dev.billforge.orgs.OrgId;

/** Parked projections and the rebuild of an org's read models from its ledger. */
final class ReadModelRebuilds implements LedgerProjections {

	private static final int CHUNK = 256;

	private final AccountBook book;

	private final LedgerStore store;

	ReadModelRebuilds(AccountBook book, LedgerStore store) {
		this.book = book;
		this.store = store;
	}

	@Override
	public List<ParkedProjection> parked(int limit) {
		return store.parked(limit);
	}

	@Override
	public RebuildReport rebuild(OrgId org) {
		// Current as of now, with everything this instance queued projected (or parked).
		long lastSeq = book.read(org.value()).seq;
		List<ParkedProjection> parked = store.parked(org.value());
		History history = new History(org);
		for (LedgerCommitListener listener : book.projector().listeners()) {
			try {
				listener.rebuild(history);
			}
			catch (RuntimeException ex) {
				// The parked projections stay: the operator sees why and can try again
				// once the cause is fixed.
				throw new ProblemException(500, "rebuild_failed", "rebuilding the read models of org " + org.value()
						+ " failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
		int resolved = 0;
		for (ParkedProjection projection : parked) {
			if (projection.seq() <= lastSeq) {
				store.unpark(org.value(), projection.seq());
				resolved++;
			}
		}
		return new RebuildReport(org, lastSeq, resolved);
	}

	private final class History implements LedgerHistory {

		private final OrgId org;

		History(OrgId org) {
			this.org = org;
		}

		@Override
		public OrgId orgId() {
			return org;
		}

		@Override
		public long lastSeq() {
			return book.read(org.value()).seq;
		}

		@Override
		public void read(long toSeq, Consumer<List<LedgerCommitted>> chunk) {
			List<LedgerCommitted> views = new ArrayList<>(CHUNK);
			for (long seq = 1; seq <= toSeq; seq++) {
				Commit commit = store.loadCommit(org.value(), seq);
				if (commit == null) {
					throw new IllegalStateException("ledger commit " + Commit.id(org.value(), seq) + " is missing");
				}
				views.add(CommitProjector.view(commit));
				if (views.size() == CHUNK) {
					chunk.accept(views);
					views = new ArrayList<>(CHUNK);
				}
			}
			if (!views.isEmpty()) {
				chunk.accept(views);
			}
		}

	}

}
