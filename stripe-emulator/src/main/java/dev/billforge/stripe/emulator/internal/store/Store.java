package dev.billforge.stripe.emulator.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * All emulator state: objects by kind and id (JSON trees, internal fields prefixed with
 * '_'), a global insertion sequence (ties in {@code created} are ordered by it) and the
 * idempotency records. Not thread-safe on its own: callers hold the emulator lock.
 * Persisted as one JSON snapshot, written to a temporary file and renamed so a crash
 * never leaves a torn file.
 */
public final class Store {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String SNAPSHOT = "stripe-emulator-state.json";

	private final Map<String, LinkedHashMap<String, ObjectNode>> kinds = new LinkedHashMap<>();

	private final LinkedHashMap<String, ObjectNode> idempotency = new LinkedHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Optional<Path> directory;

	private long sequence;

	private boolean dirty;

	public Store(Optional<Path> directory) {
		this.directory = directory;
		directory.ifPresent(this::load);
	}

	public String newId(String prefix, int length) {
		StringBuilder sb = new StringBuilder(prefix);
		for (int i = 0; i < length; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	public String randomToken(int length) {
		return newId("", length);
	}

	public void put(String kind, ObjectNode object) {
		if (!object.has("_seq")) {
			object.put("_seq", ++sequence);
		}
		kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(Json.str(object, "id"), object);
		dirty = true;
	}

	public ObjectNode get(String kind, String id) {
		Map<String, ObjectNode> m = kinds.get(kind);
		return m == null || id == null ? null : m.get(id);
	}

	public void remove(String kind, String id) {
		Map<String, ObjectNode> m = kinds.get(kind);
		if (m != null && m.remove(id) != null) {
			dirty = true;
		}
	}

	/** Drops the oldest objects of a kind beyond {@code max} (insertion order). */
	public void trim(String kind, int max) {
		Map<String, ObjectNode> m = kinds.get(kind);
		if (m == null) {
			return;
		}
		var it = m.values().iterator();
		while (m.size() > max && it.hasNext()) {
			it.next();
			it.remove();
			dirty = true;
		}
	}

	public Collection<ObjectNode> all(String kind) {
		Map<String, ObjectNode> m = kinds.get(kind);
		return m == null ? List.of() : List.copyOf(m.values());
	}

	public List<ObjectNode> where(String kind, Predicate<ObjectNode> filter) {
		List<ObjectNode> out = new ArrayList<>();
		for (ObjectNode o : all(kind)) {
			if (filter.test(o)) {
				out.add(o);
			}
		}
		return out;
	}

	/** Called after in-place edits of a stored object. */
	public void touched() {
		dirty = true;
	}

	public ObjectNode idempotencyRecord(String key) {
		return idempotency.get(key);
	}

	public void putIdempotencyRecord(String key, ObjectNode record, long nowEpoch) {
		idempotency.put(key, record);
		// Stripe keeps keys for 24 hours; prune older ones so the snapshot stays small.
		idempotency.values().removeIf(r -> Json.lng(r, "created", nowEpoch) < nowEpoch - 86_400);
		dirty = true;
	}

	/** Writes the snapshot if anything changed since the last write. */
	public void persistIfDirty() {
		if (!dirty || directory.isEmpty()) {
			dirty = false;
			return;
		}
		ObjectNode root = Json.obj();
		root.put("format", 1);
		root.put("sequence", sequence);
		ObjectNode k = root.putObject("kinds");
		kinds.forEach((kind, objects) -> {
			var arr = k.putArray(kind);
			objects.values().forEach(arr::add);
		});
		var idem = root.putArray("idempotency");
		idempotency.forEach((key, rec) -> idem.add(rec.deepCopy().put("_key", key)));
		Path dir = directory.get();
		try {
			Files.createDirectories(dir);
			Path tmp = Files.createTempFile(dir, SNAPSHOT, ".tmp");
			Files.writeString(tmp, Json.write(root), StandardCharsets.UTF_8);
			try {
				Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING);
			}
			dirty = false;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write emulator state to " + dir, e);
		}
	}

	private void load(Path dir) {
		Path file = dir.resolve(SNAPSHOT);
		if (!Files.exists(file)) {
			return;
		}
		try {
			JsonNode root = Json.read(Files.readString(file, StandardCharsets.UTF_8));
			sequence = root.path("sequence").asLong();
			for (Map.Entry<String, JsonNode> e : root.path("kinds").properties()) {
				LinkedHashMap<String, ObjectNode> m = kinds.computeIfAbsent(e.getKey(), x -> new LinkedHashMap<>());
				for (JsonNode o : e.getValue()) {
					m.put(o.get("id").asString(), (ObjectNode) o);
				}
			}
			for (JsonNode r : root.path("idempotency")) {
				ObjectNode rec = (ObjectNode) r;
				String key = rec.remove("_key").asString();
				idempotency.put(key, rec);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read emulator state from " + file, e);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("emulator state file " + file + " is not a valid snapshot; move it "
					+ "away to start with empty state", e);
		}
	}

}
