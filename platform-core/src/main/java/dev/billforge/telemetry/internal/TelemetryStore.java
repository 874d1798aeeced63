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
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Telemetry's own collections (indexes in the {@code 0070-telemetry} changeset), every document
 * carrying its org. Writes are inserts of documents whose {@code _id} is their identity, so a resent
 * item is a duplicate-key no-op; trace summaries are recomputed from their spans, so a crash between
 * the two writes is repaired by the exporter's retry.
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

	/** Inserts what is new; documents already stored (same {@code _id}) are left as they are. */
	void insertNew(String collection, List<Document> docs) {
		if (docs.isEmpty()) {
			return;
		}
		try {
			collection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	/** Rebuilds the summaries of these traces from all their stored spans (idempotent). */
	void refreshTraces(String org, Collection<String> traceIds, Instant now) {
		if (traceIds.isEmpty()) {
			return;
		}
		Map<String, TraceSummary> summaries = new LinkedHashMap<>();
		for (Document span : collection(SPANS).find(Filters.and(Filters.eq("org", org), Filters.in("traceId", traceIds)))
			.projection(Projections.include("traceId", "parentSpanId", "name", "start", "startNanos", "endNanos", "status",
					"service", "ai", "session", "text"))) {
			summaries.computeIfAbsent(span.getString("traceId"), id -> new TraceSummary(org, id)).add(span);
		}
		List<ReplaceOneModel<Document>> writes = new ArrayList<>();
		for (TraceSummary summary : summaries.values()) {
			Document doc = summary.toDocument(Date.from(now));
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
		}
		if (!writes.isEmpty()) {
			collection(TRACES).bulkWrite(writes);
		}
	}

	/** Deletes what was received before {@code cutoff}; returns how many documents went. */
	long purgeBefore(Instant cutoff) {
		long deleted = 0;
		for (String name : List.of(SPANS, TRACES, LOGS, METRICS)) {
			deleted += collection(name).deleteMany(Filters.lt("receivedAt", Date.from(cutoff))).getDeletedCount();
		}
		return deleted;
	}

}
