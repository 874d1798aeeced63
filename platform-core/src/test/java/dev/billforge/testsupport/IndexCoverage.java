package dev.billforge.testsupport;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Records every command an application sends to MongoDB and keeps the lookups that no
 * declared index serves ({@link DeclaredIndexes}, {@link QueryShape}) and the
 * {@link IndexCoverageAllowList} does not excuse. Every {@link TestStorage} has one,
 * attached to each application started on it; the test fails when
 * {@link #assertCovered()} finds any (after each {@link BillforgeIntegrationTest} class
 * and when a {@link TestStorage} closes), so a new query without an index fails the
 * build. Liquibase's own client is not recorded.
 */
public final class IndexCoverage implements CommandListener {

	static final String BEAN_NAME = "billforgeIndexCoverage";

	private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

	private final DeclaredIndexes indexes;

	private final Map<String, String> uncovered = new ConcurrentHashMap<>();

	/** Signatures found served or allowed (each is judged once). */
	private final Set<String> covered = ConcurrentHashMap.newKeySet();

	IndexCoverage(DeclaredIndexes indexes) {
		this.indexes = indexes;
	}

	/** Attaches this recorder to the MongoClient that {@code context} will create. */
	void attachTo(ConfigurableApplicationContext context) {
		MongoClientSettingsBuilderCustomizer customizer = settings -> settings.addCommandListener(this);
		context.getBeanFactory().registerSingleton(BEAN_NAME, customizer);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (SYSTEM_DATABASES.contains(event.getDatabaseName())) {
			return;
		}
		for (QueryShape shape : shapes(event.getCommandName(), event.getCommand())) {
			String signature = shape.signature();
			if (covered.contains(signature)) {
				continue;
			}
			if (shape.servedBy(indexes) || IndexCoverageAllowList.allows(signature)) {
				covered.add(signature);
				continue;
			}
			String caller = applicationCaller();
			if (caller != null) {
				uncovered.putIfAbsent(signature, caller);
			}
		}
	}

	/** Fails, once, listing the lookups without an index seen since the last call. */
	public void assertCovered() {
		if (uncovered.isEmpty()) {
			return;
		}
		Map<String, String> found = Map.copyOf(uncovered);
		uncovered.keySet().removeAll(found.keySet());
		throw new AssertionError("MongoDB lookups that no declared index serves (add an index in a Liquibase "
				+ "changeset under db/changelog, or an entry with its reason to IndexCoverageAllowList):\n"
				+ found.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map(entry -> "  " + entry.getKey() + "  <- " + entry.getValue())
					.collect(Collectors.joining("\n")));
	}

	static List<QueryShape> shapes(String command, BsonDocument body) {
		BsonValue target = body.get(command);
		if (target == null || !target.isString()) {
			return List.of();
		}
		String collection = target.asString().getValue();
		if (collection.startsWith("system.") || collection.startsWith("DATABASECHANGELOG")) {
			return List.of();
		}
		List<QueryShape> shapes = new ArrayList<>();
		switch (command) {
			case "find" ->
				shapes.add(QueryShape.of(collection, command, document(body, "filter"), document(body, "sort")));
			case "count", "distinct" -> shapes.add(QueryShape.of(collection, command, document(body, "query"), null));
			case "findAndModify" ->
				shapes.add(QueryShape.of(collection, command, document(body, "query"), document(body, "sort")));
			case "update" -> statements(body, "updates")
				.forEach(statement -> shapes.add(QueryShape.of(collection, command, document(statement, "q"), null)));
			case "delete" -> statements(body, "deletes")
				.forEach(statement -> shapes.add(QueryShape.of(collection, command, document(statement, "q"), null)));
			case "aggregate" -> shapes.add(aggregate(collection, body));
			default -> {
			}
		}
		return shapes;
	}

	/**
	 * A pipeline is looked up by its leading {@code $match} (then {@code $sort}); without
	 * one it scans.
	 */
	private static QueryShape aggregate(String collection, BsonDocument body) {
		List<BsonDocument> stages = body.containsKey("pipeline")
				? body.getArray("pipeline").stream().filter(BsonValue::isDocument).map(BsonValue::asDocument).toList()
				: List.of();
		BsonDocument match = null;
		BsonDocument sort = null;
		for (BsonDocument stage : stages) {
			if (match == null && sort == null && stage.containsKey("$match")) {
				match = stage.getDocument("$match");
			}
			else if (sort == null && stage.containsKey("$sort")) {
				sort = stage.getDocument("$sort");
			}
			else {
				break;
			}
		}
		return QueryShape.of(collection, "aggregate", match, sort);
	}

	private static List<BsonDocument> statements(BsonDocument body, String key) {
		return body.containsKey(key) ? body.getArray(key).stream().map(BsonValue::asDocument).toList() : List.of();
	}

	private static BsonDocument document(BsonDocument body, String key) {
		BsonValue value = body.get(key);
		return value != null && value.isDocument() ? value.asDocument() : null;
	}

	/**
	 * The application's frames that sent the command (the sync driver calls listeners on
	 * that thread), or null when the nearest Billforge frame is test code (a test setting
	 * up or inspecting data, not a query the application makes).
	 */
	private static String applicationCaller() {
		List<Class<?>> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk(stream -> stream.map(StackWalker.StackFrame::getDeclaringClass)
				.filter(type -> type.getName().startsWith("dev.billforge.") && type != IndexCoverage.class)
				.limit(3)
				.toList());
		if (frames.isEmpty() || isTestCode(frames.get(0))) {
			return null;
		}
		return StackWalker.getInstance()
			.walk(stream -> stream
				.filter(frame -> frame.getClassName().startsWith("dev.billforge.")
						&& !frame.getClassName().equals(IndexCoverage.class.getName()))
				.limit(3)
				.map(frame -> frame.getClassName() + "." + frame.getMethodName())
				.collect(Collectors.joining(" < ")));
	}

	/** Loaded from a test output directory or a test jar. */
	private static boolean isTestCode(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
		return location.contains("/test-classes") || location.endsWith("-tests.jar");
	}

}
