package dev.billforge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The indexes the Liquibase changelogs on the class path declare ({@code createIndex}
 * changes under {@code db/changelog/}), by collection, as ordered key lists; {@code _id}
 * is always indexed. Read from the changelogs, not from the database, because the
 * embedded store accepts some indexes without building them.
 */
final class DeclaredIndexes {

	private static final DeclaredIndexes ON_CLASS_PATH = load("classpath*:db/changelog/**/*.yaml");

	private final Map<String, List<List<String>>> byCollection;

	private DeclaredIndexes(Map<String, List<List<String>>> byCollection) {
		this.byCollection = byCollection;
	}

	static DeclaredIndexes onClassPath() {
		return ON_CLASS_PATH;
	}

	static DeclaredIndexes load(String pattern) {
		Map<String, List<List<String>>> indexes = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				try (InputStream in = resource.getInputStream()) {
					collect(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), indexes);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new DeclaredIndexes(indexes);
	}

	/** Walks any YAML tree for {@code createIndex: {collectionName, keys}} maps. */
	private static void collect(Object node, Map<String, List<List<String>>> indexes) {
		if (node instanceof Map<?, ?> map) {
			if (map.get("createIndex") instanceof Map<?, ?> create && create.get("collectionName") instanceof String
					&& create.get("keys") instanceof String keys) {
				indexes.computeIfAbsent((String) create.get("collectionName"), name -> new ArrayList<>())
					.add(List.copyOf(Document.parse(keys).keySet()));
			}
			map.values().forEach(value -> collect(value, indexes));
		}
		else if (node instanceof List<?> list) {
			list.forEach(value -> collect(value, indexes));
		}
	}

	/**
	 * Whether an index on {@code collection} leads with {@code field} ({@code _id} always
	 * does).
	 */
	boolean leadsWith(String collection, String field) {
		return "_id".equals(field) || byCollection.getOrDefault(collection, List.of())
			.stream()
			.anyMatch(keys -> keys.get(0).equals(field));
	}

	/** Whether some field of {@code fields} leads an index of {@code collection}. */
	boolean leadsWithAny(String collection, Set<String> fields) {
		return fields.stream().anyMatch(field -> leadsWith(collection, field));
	}

}
