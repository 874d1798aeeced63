package dev.billforge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.billforge.storage.internal.FilteringH2Backend;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Fresh, isolated storage for one test (or one test context): a new temporary data
 * directory for the embedded server, or, when env {@code MONGODB_URI} is set, a uniquely
 * named database on that MongoDB. {@link #close()} drops the database and deletes the
 * directory.
 * <p>
 * Several contexts started from one {@code TestStorage} share its data, which is how
 * restart and two-instance tests are written:
 *
 * <pre>{@code
 * try (TestStorage storage = TestStorage.create()) {
 *     try (ConfigurableApplicationContext first = storage.run(TestApplication.class)) { ... }
 *     try (ConfigurableApplicationContext again = storage.run(TestApplication.class)) { ... }
 * }
 * }</pre>
 *
 * Two contexts at the same time need a shared server: with the embedded default the data
 * file belongs to one process, so use {@link #shared()}.
 */
public final class TestStorage implements AutoCloseable {

	public static final String ENV_MONGODB_URI = "MONGODB_URI";

	private final Path dataDirectory;

	private final @Nullable String externalUri;

	private final @Nullable String database;

	private @Nullable MongoServer ownServer;

	private final IndexCoverage indexCoverage = new IndexCoverage(DeclaredIndexes.onClassPath());

	private TestStorage(@Nullable String externalUri) {
		try {
			this.dataDirectory = Files.createTempDirectory("billforge-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.externalUri = externalUri;
		this.database = externalUri != null ? "bf_test_" + UUID.randomUUID().toString().replace("-", "") : null;
	}

	/**
	 * Embedded server on a fresh directory, or a fresh database on env
	 * {@code MONGODB_URI} when set.
	 */
	public static TestStorage create() {
		String uri = System.getenv(ENV_MONGODB_URI);
		return new TestStorage(StringUtils.hasText(uri) ? uri.trim() : null);
	}

	/**
	 * The embedded server on a fresh directory, even when env {@code MONGODB_URI} is set.
	 */
	public static TestStorage embedded() {
		return new TestStorage(null);
	}

	/**
	 * A fresh database on the MongoDB at {@code uri} (the URI's own database name is
	 * ignored).
	 */
	public static TestStorage external(String uri) {
		return new TestStorage(uri);
	}

	/**
	 * Storage that several contexts can use at the same time (two-instance tests): a
	 * fresh database on env {@code MONGODB_URI} when set, else on an in-memory MongoDB
	 * wire-protocol server started for this storage (same backend as the embedded
	 * default) and stopped by {@link #close()}.
	 */
	public static TestStorage shared() {
		String uri = System.getenv(ENV_MONGODB_URI);
		if (StringUtils.hasText(uri)) {
			return new TestStorage(uri.trim());
		}
		MongoServer server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()));
		InetSocketAddress address = server.bind();
		TestStorage storage = new TestStorage("mongodb://127.0.0.1:" + address.getPort());
		storage.ownServer = server;
		return storage;
	}

	public boolean isExternal() {
		return externalUri != null;
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	/** The database name the application will use. */
	public String database() {
		return database != null ? database : "billforge";
	}

	/** Properties that point an application at this storage. */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("billforge.storage.data-dir", dataDirectory.toString());
		// Blank MONGODB_URI overrides the env var, so embedded() really is embedded.
		properties.put(ENV_MONGODB_URI, externalUri != null ? externalUri : "");
		if (database != null) {
			properties.put("spring.mongodb.database", database);
		}
		return properties;
	}

	/**
	 * Command-line style arguments; these outrank env vars, so they apply before
	 * MONGODB_URI is mapped.
	 */
	public String[] args(String... extraArgs) {
		List<String> args = new ArrayList<>();
		properties().forEach((key, value) -> args.add("--" + key + "=" + value));
		args.addAll(List.of(extraArgs));
		return args.toArray(String[]::new);
	}

	/**
	 * Starts an application on this storage, with {@code extraArgs} like
	 * {@code --billforge.x=y}. A web server, if any, listens on a random port unless
	 * {@code --server.port=...} is given.
	 */
	public ConfigurableApplicationContext run(Class<?> source, String... extraArgs) {
		List<String> args = new ArrayList<>(List.of(extraArgs));
		if (args.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
			args.add("--server.port=0");
		}
		return new SpringApplicationBuilder(source).initializers(indexCoverage::attachTo)
			.run(args(args.toArray(String[]::new)));
	}

	/**
	 * For contexts created by the Spring test framework: puts {@link #properties()}
	 * first. (An initializer runs after {@code MONGODB_URI} was mapped, which is fine for
	 * {@link #create()}.)
	 */
	ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
		return context -> {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("billforgeTestStorage", properties()));
			indexCoverage.attachTo(context);
		};
	}

	/**
	 * The MongoDB lookups of the applications started on this storage that no declared
	 * index serves; {@link #close()} fails when any is left unreported.
	 */
	public IndexCoverage indexCoverage() {
		return indexCoverage;
	}

	@Override
	public void close() {
		try {
			if (externalUri != null && database != null) {
				try (MongoClient client = MongoClients.create(externalUri)) {
					client.getDatabase(database).drop();
				}
			}
		}
		finally {
			if (ownServer != null) {
				ownServer.shutdownNow();
			}
			deleteRecursively(dataDirectory);
		}
		indexCoverage.assertCovered();
	}

	private static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: it is a temp directory.
		}
	}

}
