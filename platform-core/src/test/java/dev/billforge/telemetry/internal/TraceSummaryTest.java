package dev.billforge.telemetry.internal;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceSummaryTest {

	private static final Date NOW = new Date(1_800_000_000_000L);

	@Test
	void aSpanFoldedInTwiceIsCountedOnce() {
		TraceSummary summary = new TraceSummary("org", "t1");
		assertThat(summary.addOnce(span("a", "", 100, 200, 0, "gpt-4o", 5))).isTrue();
		assertThat(summary.addOnce(span("b", "a", 120, 150, 2, "gpt-4o", 7))).isTrue();
		assertThat(summary.addOnce(span("b", "a", 120, 150, 2, "gpt-4o", 7))).isFalse();

		Document doc = summary.toDocument(NOW);
		assertThat(doc.getInteger("spans")).isEqualTo(2);
		assertThat(doc.getInteger("errors")).isEqualTo(1);
		assertThat(doc.getLong("costNanos")).isEqualTo(12);
		assertThat(doc.getList("spanIds", String.class)).containsExactly("a", "b");
	}

	@Test
	void aStoredSummaryResumedAndGivenTheRestEqualsOneFoldedFromAllSpansAtOnce() {
		List<Document> first = List.of(span("b", "a", 120, 150, 2, "gpt-4o", 7),
				span("c", "a", 130, 400, 0, "claude", 3));
		List<Document> second = List.of(span("a", "", 100, 300, 0, null, 0), span("c", "a", 130, 400, 0, "claude", 3),
				span("d", "a", 90, 95, 0, "gpt-4o", 1));
		TraceSummary stored = new TraceSummary("org", "t1");
		first.forEach(stored::addOnce);
		Document storedDoc = stored.toDocument(NOW);

		TraceSummary resumed = TraceSummary.resume(storedDoc);
		assertThat(resumed.version()).isEqualTo(1);
		second.forEach(resumed::addOnce);
		Document incremental = resumed.toDocument(NOW);

		TraceSummary whole = new TraceSummary("org", "t1");
		first.forEach(whole::addOnce);
		second.forEach(whole::addOnce);
		Document all = whole.toDocument(NOW);

		for (String field : List.of("start", "startNanos", "durationNanos", "name", "complete", "service", "spans",
				"errors", "agents", "models", "costNanos", "inputTokens", "outputTokens", "llmCalls", "session")) {
			assertThat(incremental.get(field)).as(field).isEqualTo(all.get(field));
		}
		assertThat(incremental.getInteger("spans")).isEqualTo(4);
		assertThat(incremental.getString("name")).isEqualTo("span a");
		assertThat(incremental.getBoolean("complete")).isTrue();
		assertThat(incremental.getLong("durationNanos")).isEqualTo(400 - 90);
		assertThat(incremental.getList("spanIds", String.class)).containsExactlyInAnyOrder("a", "b", "c", "d");
		assertThat(incremental.getLong("v")).isEqualTo(2);
	}

	@Test
	void aSummaryWithoutItsSpanIdsIsNotResumed() {
		Document legacy = new TraceSummary("org", "t1").toDocument(NOW);
		legacy.remove("spanIds");
		legacy.put("spans", 3);
		assertThat(TraceSummary.resume(legacy)).isNull();
	}

	private static Document span(String id, String parent, long start, long end, int status, String model, long cost) {
		Document doc = new Document("spanId", id).append("parentSpanId", parent)
			.append("name", "span " + id)
			.append("start", new Date(start))
			.append("startNanos", start)
			.append("endNanos", end)
			.append("status", status)
			.append("service", "svc-" + id)
			.append("session", "s1")
			.append("text", "span " + id);
		if (model != null) {
			doc.append("ai",
					new Document("model", model).append("agent", "agent-" + model)
						.append("costNanos", cost)
						.append("tokens", new Document("input", 10L).append("output", 2L)));
		}
		return doc;
	}

}
