package dev.billforge.telemetry;

import java.util.List;

import org.bson.Document;

/**
 * Reads a stored document by path: {@code ai.tokens.input}, {@code events.0.name}, and
 * {@code attributes[gen_ai.request.model]} for the value of a stored attribute (keys
 * contain dots).
 */
final class StoredPath {

	private StoredPath() {
	}

	static Object resolve(Object root, String path) {
		Object current = root;
		int i = 0;
		while (i < path.length() && current != null) {
			if (path.charAt(i) == '.') {
				i++;
			}
			if (path.charAt(i) == '[') {
				int close = path.indexOf(']', i);
				current = attribute(current, path.substring(i + 1, close));
				i = close + 1;
				continue;
			}
			int end = i;
			while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
				end++;
			}
			String name = path.substring(i, end);
			if (current instanceof List<?> list) {
				current = list.get(Integer.parseInt(name));
			}
			else {
				current = ((Document) current).get(name);
			}
			i = end;
		}
		return current;
	}

	private static Object attribute(Object pairs, String key) {
		for (Object pair : (List<?>) pairs) {
			Document kv = (Document) pair;
			if (kv.getString("k").equals(key)) {
				return kv.get("v");
			}
		}
		return null;
	}

}
