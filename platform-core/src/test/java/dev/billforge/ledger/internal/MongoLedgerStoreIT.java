package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's MongoDB store: commits round-trip exactly, in the packed form and in the
 * form written before it.
 */
@BillforgeIntegrationTest
class MongoLedgerStoreIT {

	@Autowired
	MongoTemplate mongo;

	private LedgerFixture start(MongoLedgerStore store) {
		return new LedgerFixture(store, new MutableClock(Instant.parse("2026-11-10T00:00:00Z")), Credits.of(100),
				List.<LedgerCommitListener>of());
	}

	@Test
	void aCommitIsStoredPackedAndReadBackExactly() {
		MongoLedgerStore store = new MongoLedgerStore(mongo);
		LedgerFixture fx = start(store);
		OrgId org = fx.org("Europe/Berlin");
		fx.ledger.balance(org);
		fx.ledger.recordUsage(org, List.of(usage("a", "12.5"), usage("b", "0.001")), false);

		Document raw = mongo.getCollection(MongoLedgerStore.COMMITS)
			.find(Filters.eq("_id", Commit.id(org.value(), 2)))
			.first();
		Commit commit = store.loadCommit(org.value(), 2);

		assertThat(raw.get("opsDeflated")).isInstanceOf(Binary.class);
		assertThat(raw).doesNotContainKey("ops");
		assertThat(commit.ops()).extracting(OpRecord::opKey).containsExactly("usage:a", "usage:b");
		assertThat(commit.ops().get(1).entries().get(0).credits()).isEqualTo(Credits.of("0.001"));
	}

	@Test
	void commitsWrittenBeforeThePackedFormStayReadableAfterARestart() {
		MongoLedgerStore store = new MongoLedgerStore(mongo);
		LedgerFixture fx = start(store);
		OrgId org = fx.org("UTC");
		fx.ledger.balance(org);
		fx.ledger.recordUsage(org, List.of(usage("old-1", "30")), false);
		Commit packed = store.loadCommit(org.value(), 2);

		// Rewrite that commit the way the store wrote commits before: every op as nested
		// fields.
		MongoCollection<Document> commits = mongo.getCollection(MongoLedgerStore.COMMITS);
		JsonMapper json = JsonMapper.builder().build();
		Document legacy = Document.parse(json.writeValueAsString(packed));
		legacy.put("_id", packed.id());
		commits.replaceOne(Filters.eq("_id", packed.id()), legacy);
		mongo.getCollection(MongoLedgerStore.ACCOUNTS).deleteMany(new Document());

		LedgerFixture restarted = start(new MongoLedgerStore(mongo));
		restarted.zones.putAll(fx.zones);

		assertThat(store.loadCommit(org.value(), 2)).isEqualTo(packed);
		assertThat(restarted.ledger.recordUsage(org, List.of(usage("old-1", "30")), false).get(0).status().name())
			.isEqualTo("DUPLICATE");
		assertThat(restarted.ledger.balance(org).available()).isEqualTo(Credits.of(70));
		assertThat(restarted.ledger.verify(org).consistent()).isTrue();
	}

	@Test
	void dueDatesAreOnlyLoweredByCommitsAndSetBySweepsThatSawTheNewestCommit() {
		MongoLedgerStore store = new MongoLedgerStore(mongo);
		Instant now = Instant.parse("2026-11-10T12:00:00Z");
		String due = OrgId.generate().value();
		String later = OrgId.generate().value();
		store.lowerDue(due, now.minusSeconds(60), 3);
		store.lowerDue(due, now.plusSeconds(3600), 4);
		store.lowerDue(later, now.plusSeconds(3600), 1);

		assertThat(store.dueAccounts(now, 1000)).contains(due).doesNotContain(later);

		// A sweep that saw commit 4 moves the date on; one that saw only commit 3 must
		// not.
		store.setDue(due, now.plusSeconds(7200), 3);
		assertThat(store.dueAccounts(now, 1000)).contains(due);
		store.setDue(due, now.plusSeconds(7200), 4);
		assertThat(store.dueAccounts(now, 1000)).doesNotContain(due);
		assertThat(store.dueAccounts(now.plusSeconds(7200), 1000)).contains(due, later);
	}

	@Test
	void parkedProjectionsAreListedNewestFirstAndClearedPerCommit() {
		MongoLedgerStore store = new MongoLedgerStore(mongo);
		OrgId org = OrgId.generate();
		Instant at = Instant.parse("2026-11-10T12:00:00Z");
		store.park(new dev.billforge.ledger.ParkedProjection(org, 7, 3, "NumberFormatException: too big", at));
		store.park(new dev.billforge.ledger.ParkedProjection(org, 9, 3, "NumberFormatException: too big",
				at.plusSeconds(1)));
		store.park(new dev.billforge.ledger.ParkedProjection(org, 7, 3, "NumberFormatException: too big", at));

		assertThat(store.parked(org.value())).extracting(dev.billforge.ledger.ParkedProjection::seq)
			.containsExactly(7L, 9L);
		assertThat(store.parked(1)).singleElement().satisfies(p -> {
			assertThat(p.seq()).isEqualTo(9);
			assertThat(p.parkedAt()).isEqualTo(at.plusSeconds(1));
		});
		store.unpark(org.value(), 7);
		assertThat(store.parked(org.value())).extracting(dev.billforge.ledger.ParkedProjection::seq)
			.containsExactly(9L);
	}

}
