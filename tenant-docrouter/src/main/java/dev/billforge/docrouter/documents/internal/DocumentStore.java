package dev.billforge.docrouter.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.billforge.docrouter.documents.Document;
import dev.billforge.orgs.OrgId;
import dev.billforge.storage.StorageMode;

/**
 * Documents in {@code docrouter_documents} (by {@code _id}) and their files under
 * {@code <data dir>/docrouter/<org>/<document id>}.
 */
@Component
public class DocumentStore {

	static final String COLLECTION = "docrouter_documents";

	private final MongoTemplate mongo;

	private final Path root;

	DocumentStore(MongoTemplate mongo, StorageMode storage) {
		this.mongo = mongo;
		this.root = storage.dataDirectory().resolve("docrouter");
	}

	public Optional<Document> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION));
	}

	/** The org's documents, newest first. */
	public List<Document> list(OrgId org, int limit) {
		Query query = Query.query(Criteria.where("orgId").is(org.value()))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return mongo.find(query, Document.class, COLLECTION);
	}

	/**
	 * Inserts a new document; false when one with this id exists already (a retried
	 * upload).
	 */
	public boolean insert(Document document) {
		try {
			mongo.insert(document, COLLECTION);
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	public void save(Document document) {
		mongo.save(document, COLLECTION);
	}

	/**
	 * Writes the file atomically (temp file, then move), so a crash never leaves half a
	 * file under its name.
	 */
	public void writeFile(OrgId org, String id, byte[] content) {
		try {
			Path dir = Files.createDirectories(root.resolve(org.value()));
			Path tmp = Files.createTempFile(dir, id, ".part");
			Files.write(tmp, content);
			Files.move(tmp, dir.resolve(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store the upload", ex);
		}
	}

}
