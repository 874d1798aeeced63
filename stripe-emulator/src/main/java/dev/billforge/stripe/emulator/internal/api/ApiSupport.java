package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers shared by the resource handlers. */
final class ApiSupport {

	private ApiSupport() {
	}

	/** {@code expand[]=data.x} on a list applies {@code x} to each element. */
	static List<String> elementExpand(ApiRequest r) {
		List<String> out = new ArrayList<>();
		for (String e : r.expand()) {
			if (e.startsWith("data.")) {
				out.add(e.substring(5));
			}
		}
		return out;
	}

	static ObjectNode deleted(String id, String object) {
		ObjectNode o = Json.obj();
		o.put("id", id);
		o.put("object", object);
		o.put("deleted", true);
		return o;
	}

	/** Search results: newest first, {@code page} is an opaque offset token. */
	static ObjectNode searchResult(List<ObjectNode> matches, FormParams p, String url,
			Function<ObjectNode, ObjectNode> render) {
		long limit = p.longValue("limit", 10);
		if (limit < 1 || limit > 100) {
			throw ApiError.invalid("limit", "Invalid limit: must be between 1 and 100");
		}
		int offset = 0;
		String page = p.string("page");
		if (page != null && !page.isEmpty()) {
			try {
				String decoded = new String(Base64.getUrlDecoder().decode(page), StandardCharsets.UTF_8);
				offset = Integer.parseInt(decoded.substring("offset:".length()));
			}
			catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
				throw ApiError.invalid("page", "Invalid page token.");
			}
		}
		List<ObjectNode> sorted = new ArrayList<>(matches);
		sorted.sort(Comparator.comparingLong((ObjectNode o) -> Json.lng(o, "created", 0))
			.thenComparingLong(o -> Json.lng(o, "_seq", 0))
			.reversed());
		int from = Math.min(offset, sorted.size());
		int to = (int) Math.min(sorted.size(), from + limit);
		ArrayNode data = Json.arr();
		sorted.subList(from, to).forEach(o -> data.add(render.apply(o)));
		ObjectNode result = Json.obj();
		result.put("object", "search_result");
		result.set("data", data);
		boolean more = to < sorted.size();
		result.put("has_more", more);
		if (more) {
			result.put("next_page",
					Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			result.putNull("next_page");
		}
		result.put("total_count", sorted.size());
		result.put("url", url);
		return result;
	}

}
