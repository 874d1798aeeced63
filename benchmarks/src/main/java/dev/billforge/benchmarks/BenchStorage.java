package dev.billforge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Where a benchmark application keeps its data: the embedded server on a new temporary
 * data directory, or, when env {@code MONGODB_URI} is set, a new database
 * {@code bf_bench_<uuid>} on that MongoDB. {@link #close()} drops the database and
 * deletes the directory. (platform-core's test-jar has the same for tests, but its test
 * classes cannot be on a class path without the test libraries: the platform's
 * auto-configuration scans packages they live in.)
 */
public final class BenchStorage implements AutoCloseable {

	private final Path dataDirectory;

	private final String uri;

	private final String database;

	private BenchStorage(String uri) {
		try {
			this.dataDirectory = Files.createTempDirectory("billforge-bench-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.uri = uri;
		this.database = uri == null ? "billforge" : "bf_bench_" + UUID.randomUUID().toString().replace("-", "");
	}

	public static BenchStorage create() {
		String uri = System.getenv("MONGODB_URI");
		return new BenchStorage(uri == null || uri.isBlank() ? null : uri.strip());
	}

	boolean isExternal() {
		return uri != null;
	}

	String database() {
		return database;
	}

	/**
	 * Starts {@code source} on this storage; command-line arguments outrank env vars such
	 * as MONGODB_URI.
	 */
	ConfigurableApplicationContext run(Class<?> source, List<String> extraArgs) {
		List<String> args = new ArrayList<>(extraArgs);
		args.add("--billforge.storage.data-dir=" + dataDirectory);
		args.add("--MONGODB_URI=" + (uri == null ? "" : uri));
		if (uri != null) {
			args.add("--spring.mongodb.database=" + database);
		}
		if (args.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
			args.add("--server.port=0");
		}
		return new SpringApplicationBuilder(source).run(args.toArray(String[]::new));
	}

	@Override
	public void close() {
		try {
			if (uri != null) {
				try (MongoClient client = MongoClients.create(uri)) {
					client.getDatabase(database).drop();
				}
			}
		}
		finally {
			try (Stream<Path> paths = Files.walk(dataDirectory)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ex) {
				// Best effort: it is a temporary directory.
			}
		}
	}

}
