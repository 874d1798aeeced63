package dev.billforge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ops written by the hand-written packer read back as the same ops, in the same JSON
 * Jackson writes.
 */
class OpJsonTest {

	private static final TypeReference<List<OpRecord>> OPS = new TypeReference<>() {
	};

	private final JsonMapper plain = MongoLedgerStore.mapper().build();

	private final JsonMapper packing = MongoLedgerStore.mapper().addModule(OpJson.module()).build();

	@Test
	void everyKindOfOpIsWrittenAsJacksonWritesItAndReadsBackEqual() {
		Set<OpRecord.OpKind> kinds = EnumSet.noneOf(OpRecord.OpKind.class);
		boolean sawAlert = false;
		for (long seed = 1; seed <= 6; seed++) {
			LedgerModelRun run = new LedgerModelRun(seed);
			run.run(300);
			for (Commit commit : run.store.commits.values()) {
				byte[] packed = packing.writeValueAsBytes(commit.ops());
				assertThat(packing.readTree(packed)).as("commit %s", commit.id())
					.isEqualTo(plain.readTree(plain.writeValueAsBytes(commit.ops())));
				assertThat(plain.readValue(packed, OPS)).as("commit %s", commit.id()).isEqualTo(commit.ops());
				for (OpRecord op : commit.ops()) {
					kinds.add(op.kind());
					sawAlert |= !op.alerts().isEmpty();
				}
			}
		}
		assertThat(kinds).contains(OpRecord.OpKind.OPEN, OpRecord.OpKind.GRANT, OpRecord.OpKind.USAGE,
				OpRecord.OpKind.RESERVE, OpRecord.OpKind.COMMIT, OpRecord.OpKind.RELEASE, OpRecord.OpKind.EXPIRE_HOLD,
				OpRecord.OpKind.ROLL_PERIOD, OpRecord.OpKind.POLICY);
		assertThat(sawAlert).isTrue();
	}

}
