package dev.billforge.billing.internal;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;

/**
 * Records each closed period's billable overage ({@code billing_overage}, {@code _id =
 * orgId:periodEndEpochSeconds}, status {@code pending}) the moment the ledger closes it,
 * so billing it later is a lookup and a second close of the same period changes nothing.
 */
@Component
class OverageRecorder implements LedgerCommitListener {

	/**
	 * A period that "closed" far before its end was an assumed one replaced by Stripe's;
	 * not billable.
	 */
	private static final Duration EARLY_CLOSE_SLACK = Duration.ofHours(1);

	private final MongoCollection<Document> overage;

	private final Clock clock;

	OverageRecorder(MongoTemplate mongo, Clock clock) {
		this.overage = mongo.getCollection(BillingCollections.OVERAGE);
		this.clock = clock;
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		for (LedgerCommitted.PeriodClosed closed : commit.closedPeriods()) {
			if (!closed.overage().isPositive()
					|| closed.period().end().isAfter(clock.instant().plus(EARLY_CLOSE_SLACK))) {
				continue;
			}
			String id = commit.orgId().value() + ":" + closed.period().end().getEpochSecond();
			CustomerDirectory.insertIgnoringDuplicate(overage,
					new Document("_id", id).append("orgId", commit.orgId().value())
						.append("periodStart", closed.period().start().toString())
						.append("periodEnd", closed.period().end().toString())
						.append("overage", closed.overage().toString())
						.append("status", "pending")
						.append("recordedAt", clock.instant().toString()));
		}
	}

}
