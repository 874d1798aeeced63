package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cursor pagination like Stripe's: newest first, {@code limit} 1..100,
 * {@code starting_after}/{@code ending_before}.
 */
final class Lists {

	static final String[] PAGING = { "limit", "starting_after", "ending_before", "created" };

	private Lists() {
	}

	static ObjectNode page(Collection<ObjectNode> objects, FormParams p, String url,
			Function<ObjectNode, ObjectNode> render) {
		long limit = p.longValue("limit", 10);
		if (limit < 1 || limit > 100) {
			throw ApiError.invalid("limit", "Invalid limit: must be between 1 and 100");
		}
		List<ObjectNode> sorted = new ArrayList<>(filterCreated(objects, p.nested("created")));
		sorted.sort(Comparator.comparingLong((ObjectNode o) -> Json.lng(o, "created", 0))
			.thenComparingLong(o -> Json.lng(o, "_seq", 0))
			.reversed());
		String after = p.string("starting_after");
		String before = p.string("ending_before");
		int from = 0;
		int to;
		boolean hasMore;
		if (after != null && !after.isEmpty()) {
			from = indexOf(sorted, after, "starting_after") + 1;
			to = (int) Math.min(sorted.size(), from + limit);
			hasMore = to < sorted.size();
		}
		else if (before != null && !before.isEmpty()) {
			to = indexOf(sorted, before, "ending_before");
			from = (int) Math.max(0, to - limit);
			hasMore = from > 0;
		}
		else {
			to = (int) Math.min(sorted.size(), limit);
			hasMore = to < sorted.size();
		}
		ArrayNode data = Json.arr();
		sorted.subList(from, to).forEach(o -> data.add(render.apply(o)));
		ObjectNode list = Json.obj();
		list.put("object", "list");
		list.set("data", data);
		list.put("has_more", hasMore);
		list.put("url", url);
		return list;
	}

	private static int indexOf(List<ObjectNode> sorted, String id, String param) {
		for (int i = 0; i < sorted.size(); i++) {
			if (id.equals(Json.str(sorted.get(i), "id"))) {
				return i;
			}
		}
		throw new ApiError(400, "invalid_request_error", "resource_missing", "No such object: '" + id + "'", param,
				null);
	}

	private static Collection<ObjectNode> filterCreated(Collection<ObjectNode> objects, FormParams created) {
		if (created == null) {
			return objects;
		}
		Long gt = created.longValue("gt");
		Long gte = created.longValue("gte");
		Long lt = created.longValue("lt");
		Long lte = created.longValue("lte");
		return objects.stream().filter(o -> {
			long c = Json.lng(o, "created", 0);
			return (gt == null || c > gt) && (gte == null || c >= gte) && (lt == null || c < lt)
					&& (lte == null || c <= lte);
		}).toList();
	}

	static String[] with(String[] base, String... more) {
		String[] out = new String[base.length + more.length];
		System.arraycopy(base, 0, out, 0, base.length);
		System.arraycopy(more, 0, out, base.length, more.length);
		return out;
	}

}
