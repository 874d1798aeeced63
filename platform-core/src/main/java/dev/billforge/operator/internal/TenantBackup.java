package dev.billforge.operator.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * A tenant's billing data as a versioned zip archive (docs/backup.md):
 * {@code manifest.json} (format, version, product tag, each collection's file, document
 * count and SHA-256) and one {@code <collection>.jsonl} per collection, one document a
 * line in canonical MongoDB Extended JSON, so every BSON type (decimals, longs, dates)
 * comes back as it was. Import checks the whole archive before it writes, and only into a
 * database that holds none of these collections' documents.
 */
final class TenantBackup {

	static final String FORMAT = "billforge-backup";

	static final int VERSION = 1;

	static final String MANIFEST = "manifest.json";

	/**
	 * What a backup holds, in export order: read models before the commits they derive
	 * from, so a copy taken while the tenant runs never has a snapshot or op key ahead of
	 * its ledger (the ledger replays commits newer than a snapshot). Not included:
	 * telemetry, mail outbox and delivery queues, short-lived tokens (verifications,
	 * password resets), job locks and Liquibase's own collections.
	 */
	static final List<String> COLLECTIONS = List.of("orgs", "org_memberships", "org_invitations", "org_webhooks",
			"org_creation_slots", "accounts", "api_keys", "billing_catalog", "billing_customers",
			"billing_customer_orgs", "billing_subscriptions", "billing_events", "billing_effects", "billing_overage",
			"billing_contracts", "outcomes", "notifications", "audit_log", "usage_rollups", "ledger_accounts",
			"ledger_ops", "ledger_alerts", "ledger_due", "ledger_parked_projections", "ledger_commits");

	private static final int MAX_LINE_CHARS = 32 * 1024 * 1024;

	private static final int BATCH = 500;

	private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
		.outputMode(JsonMode.EXTENDED)
		.build();

	private final MongoTemplate mongo;

	private final String product;

	private final Clock clock;

	TenantBackup(MongoTemplate mongo, String product, Clock clock) {
		this.mongo = mongo;
		this.product = product;
		this.clock = clock;
	}

	/** One collection in the archive. */
	record Part(String collection, String file, long documents, String sha256) {
	}

	/**
	 * Refused: the archive is not one this version reads, is damaged, or the database is
	 * not empty.
	 */
	static final class BackupRefused extends RuntimeException {

		BackupRefused(String message) {
			super(message);
		}

	}

	/**
	 * Writes every collection to a new archive at {@code file} (refuses to overwrite).
	 */
	List<Part> export(Path file) {
		List<Part> parts = new ArrayList<>();
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW))) {
			for (String collection : COLLECTIONS) {
				parts.add(exportCollection(zip, collection));
			}
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifest(parts).toJson(JsonWriterSettings.builder().indent(true).build())
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return parts;
	}

	private Part exportCollection(ZipOutputStream zip, String collection) throws IOException {
		String name = collection + ".jsonl";
		zip.putNextEntry(new ZipEntry(name));
		MessageDigest digest = sha256();
		OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
		long count = 0;
		for (BsonDocument doc : collection(collection).find().sort(Sorts.ascending("_id"))) {
			byte[] line = (doc.toJson(CANONICAL) + "\n").getBytes(StandardCharsets.UTF_8);
			zip.write(line);
			out.write(line);
			count++;
		}
		zip.closeEntry();
		return new Part(collection, name, count, HexFormat.of().formatHex(digest.digest()));
	}

	private BsonDocument manifest(List<Part> parts) {
		BsonDocument manifest = new BsonDocument();
		manifest.put("format", new BsonString(FORMAT));
		manifest.put("version", new BsonInt32(VERSION));
		manifest.put("product", new BsonString(product));
		manifest.put("createdAt", new BsonString(clock.instant().toString()));
		BsonArray list = new BsonArray();
		for (Part part : parts) {
			list.add(new BsonDocument("collection", new BsonString(part.collection()))
				.append("file", new BsonString(part.file()))
				.append("documents", new BsonInt64(part.documents()))
				.append("sha256", new BsonString(part.sha256())));
		}
		manifest.put("collections", list);
		return manifest;
	}

	/**
	 * Loads the archive at {@code file} into this database. Everything is checked first
	 * (format, version, product, each file's count and SHA-256, an empty database), so a
	 * refused import writes nothing.
	 */
	List<Part> restore(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			List<Part> parts = readManifest(zip);
			for (Part part : parts) {
				check(zip, part);
			}
			List<String> notEmpty = parts.stream()
				.map(Part::collection)
				.filter(collection -> collection(collection).find()
					.projection(Projections.include("_id"))
					.sort(Sorts.ascending("_id"))
					.limit(1)
					.first() != null)
				.toList();
			if (!notEmpty.isEmpty()) {
				throw new BackupRefused("the database is not empty (documents in " + String.join(", ", notEmpty)
						+ "); import only into a new, empty database");
			}
			for (Part part : parts) {
				load(zip, part);
			}
			return parts;
		}
		catch (IOException ex) {
			throw new BackupRefused("cannot read the archive: " + ex.getMessage());
		}
	}

	private List<Part> readManifest(ZipFile zip) throws IOException {
		ZipEntry entry = zip.getEntry(MANIFEST);
		if (entry == null) {
			throw new BackupRefused("not a Billforge backup: no " + MANIFEST);
		}
		BsonDocument manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = BsonDocument.parse(new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw new BackupRefused("not a Billforge backup: unreadable " + MANIFEST);
		}
		if (!FORMAT.equals(manifest.getString("format", new BsonString("")).getValue())) {
			throw new BackupRefused("not a Billforge backup: format is not " + FORMAT);
		}
		BsonValue declared = manifest.get("version");
		int version = declared != null && declared.isNumber() ? declared.asNumber().intValue() : 0;
		if (version < 1 || version > VERSION) {
			throw new BackupRefused(
					"backup format version " + version + " is not supported (this version reads 1 to " + VERSION + ")");
		}
		String from = manifest.getString("product", new BsonString("")).getValue();
		if (!product.equals(from)) {
			throw new BackupRefused("the backup is of product " + from + ", this is " + product);
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		try {
			for (BsonValue value : manifest.getArray("collections")) {
				BsonDocument part = value.asDocument();
				String collection = part.getString("collection").getValue();
				if (!COLLECTIONS.contains(collection) || parts.containsKey(collection)) {
					throw new BackupRefused("unexpected collection in the backup: " + collection);
				}
				parts.put(collection, new Part(collection, part.getString("file").getValue(),
						part.getNumber("documents").longValue(), part.getString("sha256").getValue()));
			}
		}
		catch (BsonInvalidOperationException ex) {
			throw new BackupRefused("not a Billforge backup: " + MANIFEST + " lists its collections wrongly");
		}
		return List.copyOf(parts.values());
	}

	/**
	 * The part's file is there, has the documents the manifest counts, and the same
	 * SHA-256.
	 */
	private void check(ZipFile zip, Part part) throws IOException {
		ZipEntry entry = zip.getEntry(part.file());
		if (entry == null) {
			throw new BackupRefused("damaged backup: " + part.file() + " is missing");
		}
		MessageDigest digest = sha256();
		long lines = 0;
		try (InputStream in = zip.getInputStream(entry)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		if (lines != part.documents() || !HexFormat.of().formatHex(digest.digest()).equals(part.sha256())) {
			throw new BackupRefused("damaged backup: " + part.file() + " does not match its manifest entry");
		}
	}

	private void load(ZipFile zip, Part part) throws IOException {
		MongoCollection<BsonDocument> target = collection(part.collection());
		List<BsonDocument> batch = new ArrayList<>(BATCH);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(zip.getInputStream(zip.getEntry(part.file())), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.length() > MAX_LINE_CHARS) {
					throw new BackupRefused("damaged backup: a document in " + part.file() + " is too large");
				}
				batch.add(BsonDocument.parse(line));
				if (batch.size() == BATCH) {
					target.insertMany(batch);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			target.insertMany(batch);
		}
	}

	private MongoCollection<BsonDocument> collection(String name) {
		return mongo.getDb().getCollection(name, BsonDocument.class);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
