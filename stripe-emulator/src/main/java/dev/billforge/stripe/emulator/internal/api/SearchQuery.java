package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subset of Stripe's search query language the emulator understands: clauses
 * {@code field:'v'} (exact), {@code field~'v'} (substring), {@code field>n} / {@code >=}
 * / {@code <} / {@code <=}, {@code metadata['k']:'v'}, {@code -} to negate, {@code null}
 * for "has no value", joined by all {@code AND} or all {@code OR}.
 */
final class SearchQuery {

	private record Clause(boolean negate, String field, String metadataKey, String op, String value,
			boolean nullValue) {
	}

	private final List<Clause> clauses;

	private final boolean any;

	private SearchQuery(List<Clause> clauses, boolean any) {
		this.clauses = clauses;
		this.any = any;
	}

	static SearchQuery parse(String query, String resource, Set<String> fields) {
		if (query == null || query.isBlank()) {
			throw ApiError.missingParam("query");
		}
		List<Clause> clauses = new ArrayList<>();
		String connector = null;
		int i = 0;
		int n = query.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(query.charAt(i))) {
				i++;
			}
			if (i >= n) {
				break;
			}
			if (!clauses.isEmpty()) {
				int end = i;
				while (end < n && Character.isLetter(query.charAt(end))) {
					end++;
				}
				String word = query.substring(i, end);
				if (!"AND".equals(word) && !"OR".equals(word)) {
					throw error(query, "expected AND or OR at position " + i);
				}
				if (connector != null && !connector.equals(word)) {
					throw error(query, "AND and OR cannot be mixed in one query");
				}
				connector = word;
				i = end;
				while (i < n && Character.isWhitespace(query.charAt(i))) {
					i++;
				}
			}
			boolean negate = i < n && query.charAt(i) == '-';
			if (negate) {
				i++;
			}
			int start = i;
			while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
				i++;
			}
			String field = query.substring(start, i);
			String metaKey = null;
			if ("metadata".equals(field)) {
				if (i >= n || query.charAt(i) != '[') {
					throw error(query, "metadata needs a key: metadata['key']");
				}
				int[] pos = { i + 1 };
				metaKey = quoted(query, pos);
				i = pos[0];
				if (i >= n || query.charAt(i) != ']') {
					throw error(query, "missing ] after metadata key");
				}
				i++;
			}
			if (field.isEmpty() || !fields.contains(field)) {
				throw ApiError.invalid("query",
						"Field `" + field + "` is an unsupported search field for resource `" + resource
								+ "`. See https://docs.stripe.com/search#query-fields-for-" + resource
								+ " for a list of supported fields.");
			}
			String op;
			if (query.startsWith(">=", i) || query.startsWith("<=", i)) {
				op = query.substring(i, i + 2);
				i += 2;
			}
			else if (i < n && ":~<>".indexOf(query.charAt(i)) >= 0) {
				op = String.valueOf(query.charAt(i));
				i++;
			}
			else {
				throw error(query, "expected an operator after " + field);
			}
			String value;
			boolean nullValue = false;
			if (i < n && (query.charAt(i) == '\'' || query.charAt(i) == '"')) {
				int[] pos = { i };
				value = quoted(query, pos);
				i = pos[0];
			}
			else {
				int vs = i;
				while (i < n && !Character.isWhitespace(query.charAt(i))) {
					i++;
				}
				value = query.substring(vs, i);
				nullValue = "null".equals(value);
			}
			if ("~".equals(op) && value.length() < 3) {
				throw error(query, "substring search needs at least 3 characters");
			}
			clauses.add(new Clause(negate, field, metaKey, op, value, nullValue));
		}
		return new SearchQuery(clauses, "OR".equals(connector));
	}

	private static String quoted(String q, int[] pos) {
		int i = pos[0];
		if (i >= q.length() || (q.charAt(i) != '\'' && q.charAt(i) != '"')) {
			throw error(q, "expected a quoted value at position " + i);
		}
		char quote = q.charAt(i++);
		StringBuilder sb = new StringBuilder();
		while (i < q.length() && q.charAt(i) != quote) {
			if (q.charAt(i) == '\\' && i + 1 < q.length()) {
				i++;
			}
			sb.append(q.charAt(i++));
		}
		if (i >= q.length()) {
			throw error(q, "unterminated quoted value");
		}
		pos[0] = i + 1;
		return sb.toString();
	}

	private static ApiError error(String query, String why) {
		return ApiError.invalid("query", "Invalid search query '" + query + "': " + why + ".");
	}

	boolean matches(ObjectNode o) {
		for (Clause c : clauses) {
			boolean m = matches(c, o) != c.negate();
			if (any && m) {
				return true;
			}
			if (!any && !m) {
				return false;
			}
		}
		return !any || clauses.isEmpty();
	}

	private static boolean matches(Clause c, ObjectNode o) {
		JsonNode v = c.metadataKey() != null ? o.path("metadata").get(c.metadataKey()) : o.get(c.field());
		boolean absent = v == null || v.isNull();
		if (c.nullValue()) {
			return absent;
		}
		if (absent) {
			return false;
		}
		String actual = v.asString();
		switch (c.op()) {
			case ":":
				return actual.equalsIgnoreCase(c.value());
			case "~":
				return actual.toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT));
			default:
				long a;
				long b;
				try {
					a = Long.parseLong(actual);
					b = Long.parseLong(c.value());
				}
				catch (NumberFormatException e) {
					return false;
				}
				return switch (c.op()) {
					case ">" -> a > b;
					case ">=" -> a >= b;
					case "<" -> a < b;
					default -> a <= b;
				};
		}
	}

}
