package dev.billforge.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Telemetry's own collections (indexes in the {@code 0070-telemetry} changeset), every
 * document carrying its org. Writes are inserts of documents whose {@code _id} is their
 * identity, so a resent item is a duplicate-key no-op; a trace summary folds each span in
 * once (by span id), so a crash between the two writes is repaired by the exporter's
 * retry.
 */
final class TelemetryStore {

	static final String SPANS = "telemetry_spans";

	static final String TRACES = "telemetry_traces";

	static final String LOGS = "telemetry_logs";

	static final String METRICS = "telemetry_metrics";

	private final MongoTemplate mongo;

	TelemetryStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	MongoCollection<Document> collection(String name) {
		return mongo.getCollection(name);
	}

	/**
	 * Inserts what is new; documents already stored (same {@code _id}) are left as they
	 * are.
	 */
	void insertNew(String collection, List<Document> docs) {
		insertNewReturningDuplicates(collection, docs);
	}

	/**
	 * {@link #insertNew}, answering the documents that were not inserted because their
	 * {@code _id} was taken.
	 */
	private List<Document> insertNewReturningDuplicates(String collection, List<Document> docs) {
		if (docs.isEmpty()) {
			return List.of();
		}
		try {
			collection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
			return List.of();
		}
		catch (MongoBulkWriteException ex) {
			List<Document> duplicates = new ArrayList<>();
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				duplicates.add(docs.get(error.getIndex()));
			}
			return duplicates;
		}
	}

	/**
	 * Folds a batch's spans (grouped by trace) into their traces' summaries. A summary
	 * lists the span ids folded into it, so a span already in it (a resent batch, or the
	 * retry after a crash between storing the spans and this) is not counted twice, and
	 * only the summaries are read back, by id — not the trace's spans. Writes compare the
	 * summary's version: a summary another request changed meanwhile is read again and
	 * the batch folded into the newer one. A summary past
	 * {@link TraceSummary#MAX_SPAN_IDS} spans is rebuilt from all its stored spans
	 * instead.
	 */
	void foldTraces(String org, Map<String, List<Document>> spansByTrace, Instant now) {
		if (spansByTrace.isEmpty()) {
			return;
		}
		Date receivedAt = Date.from(now);
		Map<String, Document> stored = summaries(org, spansByTrace.keySet());
		List<Document> created = new ArrayList<>();
		Map<String, List<Document>> contended = new LinkedHashMap<>();
		for (Map.Entry<String, List<Document>> trace : spansByTrace.entrySet()) {
			Document current = stored.get(trace.getKey());
			if (current == null) {
				TraceSummary summary = new TraceSummary(org, trace.getKey());
				trace.getValue().forEach(summary::addOnce);
				created.add(summary.toDocument(receivedAt));
			}
			else if (!foldInto(org, trace.getKey(), current, trace.getValue(), receivedAt)) {
				contended.put(trace.getKey(), trace.getValue());
			}
		}
		for (Document lost : insertNewReturningDuplicates(TRACES, created)) {
			String traceId = lost.getString("traceId");
			contended.put(traceId, spansByTrace.get(traceId));
		}
		for (Map.Entry<String, List<Document>> trace : contended.entrySet()) {
			foldWithRetries(org, trace.getKey(), trace.getValue(), receivedAt);
		}
	}

	private static final int MAX_FOLD_ATTEMPTS = 50;

	private void foldWithRetries(String org, String traceId, List<Document> spans, Date receivedAt) {
		for (int attempt = 0; attempt < MAX_FOLD_ATTEMPTS; attempt++) {
			Document current = summaries(org, List.of(traceId)).get(traceId);
			if (current == null) {
				TraceSummary summary = new TraceSummary(org, traceId);
				spans.forEach(summary::addOnce);
				if (insertNewReturningDuplicates(TRACES, List.of(summary.toDocument(receivedAt))).isEmpty()) {
					return;
				}
			}
			else if (foldInto(org, traceId, current, spans, receivedAt)) {
				return;
			}
		}
		throw new IllegalStateException("trace summary " + traceId + " is too contended; retry");
	}

	/** Folds spans into a stored summary; false when another request changed it first. */
	private boolean foldInto(String org, String traceId, Document current, List<Document> spans, Date receivedAt) {
		TraceSummary summary = TraceSummary.resume(current);
		if (summary == null) {
			rebuild(org, traceId, receivedAt);
			return true;
		}
		boolean changed = false;
		for (Document span : spans) {
			changed |= summary.addOnce(span);
		}
		if (!changed) {
			return true;
		}
		Document doc = summary.toDocument(receivedAt);
		return collection(TRACES)
			.replaceOne(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq("v", summary.version())), doc)
			.getMatchedCount() == 1;
	}

	/** The stored summaries of these traces, by trace id (read by {@code _id}). */
	Map<String, Document> summaries(String org, Collection<String> traceIds) {
		List<String> ids = traceIds.stream().map(traceId -> org + ":" + traceId).toList();
		Map<String, Document> found = new LinkedHashMap<>();
		for (Document doc : collection(TRACES).find(Filters.in("_id", ids))) {
			found.put(doc.getString("traceId"), doc);
		}
		return found;
	}

	/**
	 * Rebuilds a summary from all its stored spans (a trace past the span ids a summary
	 * keeps).
	 */
	private void rebuild(String org, String traceId, Date receivedAt) {
		TraceSummary summary = new TraceSummary(org, traceId);
		for (Document span : collection(SPANS).find(Filters.and(Filters.eq("org", org), Filters.eq("traceId", traceId)))
			.projection(Projections.include("traceId", "spanId", "parentSpanId", "name", "start", "startNanos",
					"endNanos", "status", "service", "ai", "session", "text"))) {
			summary.addOnce(span);
		}
		Document doc = summary.toDocument(receivedAt);
		collection(TRACES).replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
	}

	/**
	 * Deletes what was received before {@code cutoff}; returns how many documents went.
	 */
	long purgeBefore(Instant cutoff) {
		long deleted = 0;
		for (String name : List.of(SPANS, TRACES, LOGS, METRICS)) {
			deleted += collection(name).deleteMany(Filters.lt("receivedAt", Date.from(cutoff))).getDeletedCount();
		}
		return deleted;
	}

}
