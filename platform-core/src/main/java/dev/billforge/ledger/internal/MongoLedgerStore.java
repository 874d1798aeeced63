package dev.billforge.ledger.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.ParkedProjection;
import dev.billforge.orgs.OrgId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger in MongoDB. Every lookup on a hot path is by {@code _id}, the one index the
 * embedded server always uses: commits are {@code orgId:seq}, op keys
 * {@code orgId|opKey}.
 */
final class MongoLedgerStore implements LedgerStore {

	static final String COMMITS = "ledger_commits";

	static final String OPS = "ledger_ops";

	static final String ACCOUNTS = "ledger_accounts";

	static final String ALERTS = "ledger_alerts";

	static final String PARKED = "ledger_parked_projections";

	static final String DUE = "ledger_due";

	/** The id of the marker saying every older account has a due date. */
	private static final String BACKFILLED = "~backfilled";

	private static final int DUPLICATE_KEY = 11000;

	private static final String PACKED_OPS = "opsDeflated";

	private static final TypeReference<List<OpRecord>> OP_LIST = new TypeReference<>() {
	};

	private final MongoCollection<Document> commits;

	private final MongoCollection<Document> ops;

	private final MongoCollection<Document> accounts;

	private final MongoCollection<Document> alerts;

	private final MongoCollection<Document> parked;

	private final MongoCollection<Document> due;

	private final JsonMapper json;

	/** Writes packed ops (see {@link OpJson}); they are read with {@link #json}. */
	private final JsonMapper packing;

	MongoLedgerStore(MongoTemplate mongo) {
		this.commits = mongo.getCollection(COMMITS);
		this.ops = mongo.getCollection(OPS);
		this.accounts = mongo.getCollection(ACCOUNTS);
		this.alerts = mongo.getCollection(ALERTS);
		this.parked = mongo.getCollection(PARKED);
		this.due = mongo.getCollection(DUE);
		this.json = mapper().build();
		this.packing = mapper().addModule(OpJson.module()).build();
	}

	static JsonMapper.Builder mapper() {
		return JsonMapper.builder()
			// exact decimals stay strings in storage, never BSON doubles
			.withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
			.changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Override
	public AccountSnapshot loadSnapshot(String orgId) {
		Document doc = accounts.find(Filters.eq("_id", orgId)).first();
		return doc == null ? null : read(doc, AccountSnapshot.class);
	}

	@Override
	public Commit loadCommit(String orgId, long seq) {
		Document doc = commits.find(Filters.eq("_id", Commit.id(orgId, seq))).first();
		if (doc == null) {
			return null;
		}
		if (doc.get(PACKED_OPS) instanceof Binary packed) {
			List<OpRecord> ops = json.readValue(inflate(packed.getData()), OP_LIST);
			return new Commit(doc.getString("orgId"), doc.get("seq", Number.class).longValue(),
					Instant.parse(doc.getString("at")), ops);
		}
		return read(doc, Commit.class);
	}

	@Override
	public boolean commitExists(String orgId, long seq) {
		return commits.find(Filters.eq("_id", Commit.id(orgId, seq)))
			.projection(Projections.include("_id"))
			.first() != null;
	}

	/**
	 * A commit's ops are stored as one compressed JSON value: a usage batch of 1,000
	 * events is one commit, and as a tree of fields it was ~650 KB that the database, the
	 * driver and Jackson each walked; packed it is a small byte array. Commits written
	 * before stay readable.
	 */
	@Override
	public void insertCommit(Commit commit) {
		Document doc = new Document("_id", commit.id()).append("orgId", commit.orgId())
			.append("seq", commit.seq())
			.append("at", commit.at().toString())
			.append(PACKED_OPS, new Binary(deflate(packing.writeValueAsBytes(commit.ops()))));
		try {
			commits.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				throw new CommitConflict(commit.id());
			}
			throw ex;
		}
	}

	@Override
	public Map<String, StoredOp> findOps(String orgId, Collection<String> opKeys) {
		List<String> ids = opKeys.stream().map(key -> opId(orgId, key)).toList();
		Map<String, StoredOp> found = new HashMap<>();
		String prefix = opId(orgId, "");
		for (Document doc : ops.find(Filters.in("_id", ids))) {
			// The key is the id's tail; documents written before also repeat it (and the
			// op's kind).
			String opKey = doc.getString("_id").substring(prefix.length());
			StoredOp stored = read(doc, StoredOp.class);
			found.put(opKey, new StoredOp(opKey, stored.kind(), stored.fingerprint(), stored.seq(), stored.result()));
		}
		return found;
	}

	@Override
	public void projectCommit(Commit commit) {
		projectCommits(List.of(commit));
	}

	@Override
	public void projectCommits(List<Commit> commits) {
		List<Document> opDocs = new ArrayList<>();
		List<Document> alertDocs = new ArrayList<>();
		for (Commit commit : commits) {
			for (OpRecord op : commit.ops()) {
				// Only what a repeated key needs (the key itself is in the id): one
				// document per op adds up.
				opDocs.add(new Document("_id", opId(commit.orgId(), op.opKey())).append("fingerprint", op.fingerprint())
					.append("seq", commit.seq())
					.append("result", resultDocument(op.result())));
				for (OpRecord.FiredAlert fired : op.alerts()) {
					Alert alert = fired.toAlert(commit.orgId());
					Document alertDoc = write(alert);
					alertDoc.put("_id", alert.id());
					alertDoc.put("orgId", commit.orgId());
					alertDocs.add(alertDoc);
				}
			}
		}
		insertIgnoringDuplicates(ops, opDocs);
		insertIgnoringDuplicates(alerts, alertDocs);
	}

	@Override
	public void saveSnapshot(AccountSnapshot snapshot) {
		Document doc = write(snapshot);
		doc.put("_id", snapshot.orgId());
		try {
			accounts.replaceOne(Filters.and(Filters.eq("_id", snapshot.orgId()), Filters.lt("seq", snapshot.seq())),
					doc, new ReplaceOptions().upsert(true));
		}
		catch (MongoWriteException ex) {
			// A newer snapshot is already stored: the upsert found no older one and
			// collided on _id.
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	@Override
	public List<Alert> alerts(String orgId, int limit) {
		List<Alert> found = new ArrayList<>();
		for (Document doc : alerts.find(Filters.eq("orgId", orgId)).sort(Sorts.descending("firedAt")).limit(limit)) {
			doc.remove("_id");
			doc.remove("orgId");
			Alert alert = read(doc, Alert.class);
			found
				.add(new Alert(
						OpRecord.FiredAlert.alertId(orgId, alert.periodStart(),
								Alert.key(alert.type(), alert.threshold())),
						new OrgId(orgId), alert.type(), alert.threshold(), alert.periodStart(), alert.firedAt(),
						alert.details()));
		}
		return found;
	}

	@Override
	public List<String> accountIds() {
		List<String> ids = new ArrayList<>();
		for (Document doc : accounts.find().projection(Projections.include("_id"))) {
			ids.add(doc.getString("_id"));
		}
		return ids;
	}

	@Override
	public void park(ParkedProjection projection) {
		String orgId = projection.orgId().value();
		parked.replaceOne(Filters.eq("_id", Commit.id(orgId, projection.seq())),
				new Document("orgId", orgId).append("seq", projection.seq())
					.append("attempts", projection.attempts())
					.append("error", projection.error())
					.append("parkedAt", Date.from(projection.parkedAt())),
				new ReplaceOptions().upsert(true));
	}

	@Override
	public List<ParkedProjection> parked(int limit) {
		return parkedOf(parked.find().sort(Sorts.descending("parkedAt")).limit(limit));
	}

	@Override
	public long parkedCount() {
		return parked.estimatedDocumentCount();
	}

	@Override
	public List<ParkedProjection> parked(String orgId) {
		return parkedOf(parked.find(Filters.eq("orgId", orgId)).sort(Sorts.ascending("seq")));
	}

	private static List<ParkedProjection> parkedOf(Iterable<Document> docs) {
		List<ParkedProjection> found = new ArrayList<>();
		for (Document doc : docs) {
			found.add(new ParkedProjection(new OrgId(doc.getString("orgId")), doc.get("seq", Number.class).longValue(),
					doc.get("attempts", Number.class).intValue(), doc.getString("error"),
					doc.getDate("parkedAt").toInstant()));
		}
		return found;
	}

	@Override
	public void unpark(String orgId, long seq) {
		parked.deleteOne(Filters.eq("_id", Commit.id(orgId, seq)));
	}

	@Override
	public void lowerDue(String orgId, Instant dueAt, long seq) {
		due.updateOne(Filters.eq("_id", orgId),
				Updates.combine(Updates.min("dueAt", Date.from(dueAt)), Updates.max("seq", seq)),
				new UpdateOptions().upsert(true));
	}

	@Override
	public void setDue(String orgId, Instant dueAt, long seq) {
		try {
			due.updateOne(Filters.and(Filters.eq("_id", orgId), Filters.lte("seq", seq)),
					Updates.combine(Updates.set("dueAt", Date.from(dueAt)), Updates.set("seq", seq)),
					new UpdateOptions().upsert(true));
		}
		catch (MongoWriteException ex) {
			// A newer commit wrote the org's due date meanwhile (the guarded upsert
			// collided on _id): it stands.
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	@Override
	public List<String> dueAccounts(Instant now, int limit) {
		List<String> ids = new ArrayList<>();
		for (Document doc : due.find(Filters.lte("dueAt", Date.from(now)))
			.sort(Sorts.ascending("dueAt"))
			.limit(limit)
			.projection(Projections.include("_id"))) {
			ids.add(doc.getString("_id"));
		}
		return ids;
	}

	@Override
	public boolean dueDatesBackfilled() {
		return due.find(Filters.eq("_id", BACKFILLED)).first() != null;
	}

	@Override
	public void markDueDatesBackfilled() {
		due.replaceOne(Filters.eq("_id", BACKFILLED), new Document(), new ReplaceOptions().upsert(true));
	}

	/**
	 * Built by hand rather than through Jackson: a usage batch writes a thousand of
	 * these.
	 */
	private static Document resultDocument(OpResult result) {
		Document doc = new Document("status", result.status());
		putIfPresent(doc, "credits", result.credits());
		putIfPresent(doc, "holdId", result.holdId());
		putIfPresent(doc, "expiresAt", result.expiresAt());
		putIfPresent(doc, "charged", result.charged());
		putIfPresent(doc, "released", result.released());
		putIfPresent(doc, "reason", result.reason());
		return doc;
	}

	/**
	 * The same strings Jackson writes: credits as plain decimals, instants in ISO-8601.
	 */
	private static void putIfPresent(Document doc, String field, Object value) {
		if (value != null) {
			doc.put(field, value.toString());
		}
	}

	private static byte[] deflate(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(bytes);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] inflate(byte[] bytes) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(bytes);
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalStateException("truncated ledger commit");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("corrupt ledger commit", ex);
		}
		finally {
			inflater.end();
		}
	}

	private static String opId(String orgId, String opKey) {
		return orgId + "|" + opKey;
	}

	private static void insertIgnoringDuplicates(MongoCollection<Document> collection, List<Document> docs) {
		if (docs.isEmpty()) {
			return;
		}
		try {
			collection.insertMany(docs, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			boolean onlyDuplicates = ex.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
			if (!onlyDuplicates || ex.getWriteConcernError() != null) {
				throw ex;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private Document write(Object value) {
		return new Document(json.convertValue(value, Map.class));
	}

	private <T> T read(Document doc, Class<T> type) {
		return json.convertValue(doc, type);
	}

}
