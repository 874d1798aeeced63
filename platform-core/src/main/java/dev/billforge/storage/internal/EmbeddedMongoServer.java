package dev.billforge.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * In-process MongoDB wire-protocol server (mongo-java-server, H2 backend) bound to
 * 127.0.0.1 on a free port and persisting to {@value #FILE_NAME} in the data directory.
 * Started on construction, stopped by {@link #destroy()}, which Spring also calls when
 * the context fails to start after this bean exists.
 */
public final class EmbeddedMongoServer implements DisposableBean, ApplicationListener<ApplicationReadyEvent> {

	public static final String FILE_NAME = "embedded-mongo.mv.db";

	private static final int CACHE_MB = 64;

	private static final int WRITE_BUFFER_KB = 16 * 1024;

	private static final int KEYS_PER_PAGE = 16;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final Path file;

	private final FilteringH2Backend backend;

	private final MongoServer server;

	private final MVStore store;

	private final Object flushLock = new Object();

	/**
	 * The store version the last {@link #flush()} forced to disk (guarded by
	 * {@code flushLock}).
	 */
	private long syncedVersion = -1;

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
		this.store = openStore(this.file);
		this.backend = new FilteringH2Backend(this.store);
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
			// H2 rewrites every changed page whole at each background commit (about once
			// a second). A larger
			// write buffer than its 1 MB means a page changed many times in that second
			// is written once; smaller
			// pages than its 48 keys mean a random insert (op keys are random) rewrites
			// 16 documents, not 48.
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

	/**
	 * Commits every change made so far and forces the file to disk, instead of waiting
	 * for the background commit (about once a second). Concurrent callers take turns; one
	 * whose writes the previous caller's sync already covered — or who wrote nothing,
	 * like a duplicate webhook — finds the store at the version last synced and skips the
	 * disk entirely, so a burst of callers costs about one sync.
	 * @return whether anything had to be written and synced
	 */
	public boolean flush() {
		synchronized (flushLock) {
			if (stopped) {
				return false;
			}
			store.commit();
			// Read before the sync: a background commit racing it is then synced again
			// next time, never skipped.
			long version = store.getCurrentVersion();
			if (version == syncedVersion) {
				return false;
			}
			store.sync();
			syncedVersion = version;
			return true;
		}
	}

	/**
	 * Secondary indexes this store does not build (queries on them scan), as
	 * {@code db.collection.index}.
	 */
	public SortedSet<String> ignoredIndexes() {
		return backend.ignoredIndexes();
	}

	/**
	 * One line for all of them, once the app is up (the migrations have asked for every
	 * index by then).
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		SortedSet<String> ignored = ignoredIndexes();
		if (!ignored.isEmpty()) {
			log.info("Embedded MongoDB does not build {} secondary indexes (queries on them scan; a real MongoDB builds"
					+ " them): {}", ignored.size(), String.join(", ", ignored));
		}
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
