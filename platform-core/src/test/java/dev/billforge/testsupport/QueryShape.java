package dev.billforge.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What a read or write asks MongoDB to look up: the fields its filter tests (top level
 * and {@code $and}), the alternatives of an {@code $or}/{@code $nor}, and the sort's
 * first field. An index serves it when one leads with a tested field, when every
 * alternative is served, or (no tested field served) when one leads with the sort field,
 * so the scan walks the index in order.
 */
record QueryShape(String collection, String command, Set<String> fields, List<QueryShape> alternatives,
		String sortField) {

	static QueryShape of(String collection, String command, BsonDocument filter, BsonDocument sort) {
		Set<String> fields = new TreeSet<>();
		List<QueryShape> alternatives = new ArrayList<>();
		collect(collection, command, filter, fields, alternatives);
		String sortField = sort == null || sort.isEmpty() ? "" : sort.getFirstKey();
		return new QueryShape(collection, command, fields, alternatives, sortField);
	}

	private static void collect(String collection, String command, BsonDocument filter, Set<String> fields,
			List<QueryShape> alternatives) {
		if (filter == null) {
			return;
		}
		for (String key : filter.keySet()) {
			BsonValue value = filter.get(key);
			if ("$and".equals(key) && value.isArray()) {
				documents(value.asArray()).forEach(part -> collect(collection, command, part, fields, alternatives));
			}
			else if (("$or".equals(key) || "$nor".equals(key)) && value.isArray()) {
				documents(value.asArray()).forEach(part -> alternatives.add(of(collection, command, part, null)));
			}
			else if (!key.startsWith("$")) {
				fields.add(key);
			}
		}
	}

	private static List<BsonDocument> documents(BsonArray array) {
		return array.stream().filter(BsonValue::isDocument).map(BsonValue::asDocument).toList();
	}

	boolean servedBy(DeclaredIndexes indexes) {
		if (indexes.leadsWithAny(collection, fields)) {
			return true;
		}
		if (!alternatives.isEmpty() && alternatives.stream().allMatch(alternative -> alternative.servedBy(indexes))) {
			return true;
		}
		return !sortField.isEmpty() && indexes.leadsWith(collection, sortField);
	}

	/**
	 * A stable text for messages and the allow-list: {@code collection command {a,b}
	 * or[...] sort x}.
	 */
	String signature() {
		StringBuilder text = new StringBuilder(collection).append(' ')
			.append(command)
			.append(' ')
			.append(fields.isEmpty() ? "{}" : "{" + String.join(",", fields) + "}");
		if (!alternatives.isEmpty()) {
			Set<String> parts = new LinkedHashSet<>();
			alternatives.forEach(alternative -> parts.add(alternative.fields().toString()));
			text.append(" or").append(parts);
		}
		if (!sortField.isEmpty()) {
			text.append(" sort ").append(sortField);
		}
		return text.toString();
	}

}
