package dev.billforge.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * In-process MongoDB wire-protocol server (mongo-java-server, H2 backend) bound to 127.0.0.1 on a free
 * port and persisting to {@value #FILE_NAME} in the data directory. Started on construction, stopped by
 * {@link #destroy()}, which Spring also calls when the context fails to start after this bean exists.
 */
public final class EmbeddedMongoServer implements DisposableBean {

	public static final String FILE_NAME = "embedded-mongo.mv.db";

	private static final int CACHE_MB = 64;

	private static final int WRITE_BUFFER_KB = 16 * 1024;

	private static final int KEYS_PER_PAGE = 16;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final Path file;

	private final FilteringH2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private volatile boolean stopped;

	public EmbeddedMongoServer(Path dataDirectory) {
		this.file = dataDirectory.resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + dataDirectory, ex);
		}
		MVStore store = openStore(this.file);
		this.backend = new FilteringH2Backend(store);
		this.server = new MongoServer(this.backend);
		try {
			this.server.bind(new InetSocketAddress("127.0.0.1", 0));
			this.address = this.server.getLocalAddress();
		}
		catch (RuntimeException ex) {
			this.server.shutdownNow();
			throw ex;
		}
		log.info("Embedded MongoDB listening on 127.0.0.1:{}, data in {}", this.address.getPort(), this.file);
	}

	private static MVStore openStore(Path file) {
		try {
			// H2 rewrites every changed page whole at each background commit (about once a second). A larger
			// write buffer than its 1 MB means a page changed many times in that second is written once; smaller
			// pages than its 48 keys mean a random insert (op keys are random) rewrites 16 documents, not 48.
			return new MVStore.Builder().fileName(file.toString())
				.cacheSize(CACHE_MB)
				.autoCommitBufferSize(WRITE_BUFFER_KB)
				.keysPerPage(KEYS_PER_PAGE)
				.open();
		}
		catch (MVStoreException ex) {
			throw new IllegalStateException("Cannot open embedded MongoDB data file " + file
					+ " (is another Billforge process using this data directory? set BILLFORGE_DATA_DIR"
					+ " or billforge.storage.data-dir to a different directory)", ex);
		}
	}

	/** Non-unique indexes the embedded store accepted without building them (performance-only, docs/storage.md). */
	public java.util.Set<String> unbuiltIndexes() {
		return backend.unbuiltIndexes();
	}

	public int port() {
		return address.getPort();
	}

	public Path file() {
		return file;
	}

	/** Connection string for the given database on this server. */
	public String connectionString(String database) {
		return "mongodb://127.0.0.1:" + port() + "/" + database;
	}

	public boolean isStopped() {
		return stopped;
	}

	@Override
	public synchronized void destroy() {
		if (!stopped) {
			stopped = true;
			server.shutdownNow();
			log.info("Embedded MongoDB on port {} stopped", port());
		}
	}

}
