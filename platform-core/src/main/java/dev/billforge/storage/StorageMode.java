package dev.billforge.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which MongoDB this application talks to, decided once at startup.
 *
 * @param kind embedded in-process server or an external MongoDB
 * @param dataDirectory the application's data directory (always resolved; the embedded
 * server keeps its file here, other features may keep local files here too)
 * @param database the MongoDB database name in use
 */
public record StorageMode(Kind kind, Path dataDirectory, String database) {

	public StorageMode {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		Objects.requireNonNull(database, "database");
	}

	/** True when the in-process server is in use (no MongoDB URI was configured). */
	public boolean isEmbedded() {
		return kind == Kind.EMBEDDED;
	}

	public enum Kind {

		/**
		 * In-process mongo-java-server with its H2 backend, persisting under the data
		 * directory.
		 */
		EMBEDDED,
		/**
		 * A MongoDB reached through {@code MONGODB_URI}, {@code spring.mongodb.*} or a
		 * connection-details bean.
		 */
		EXTERNAL

	}

}
