package dev.billforge.stripe.emulator.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Maps {@code METHOD /v1/things/{id}/action} patterns to handlers. */
public final class Router {

	/**
	 * Handles one request and returns the JSON body of a 200 answer, or throws
	 * {@link ApiError}.
	 */
	@FunctionalInterface
	public interface Handler {

		JsonNode handle(ApiRequest request);

	}

	private record Route(String method, String[] segments, Handler handler) {
	}

	/** A matched route with its path parameters. */
	public record Match(Handler handler, Map<String, String> params) {
	}

	private final List<Route> routes = new ArrayList<>();

	public Router get(String pattern, Handler h) {
		return add("GET", pattern, h);
	}

	public Router post(String pattern, Handler h) {
		return add("POST", pattern, h);
	}

	public Router delete(String pattern, Handler h) {
		return add("DELETE", pattern, h);
	}

	private Router add(String method, String pattern, Handler h) {
		routes.add(new Route(method, pattern.substring(1).split("/"), h));
		return this;
	}

	public Match match(String method, String path) {
		String[] parts = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).substring(1).split("/");
		for (Route r : routes) {
			if (!r.method().equals(method) || r.segments().length != parts.length) {
				continue;
			}
			Map<String, String> params = new HashMap<>();
			boolean ok = true;
			for (int i = 0; i < parts.length && ok; i++) {
				String seg = r.segments()[i];
				if (seg.startsWith("{")) {
					params.put(seg.substring(1, seg.length() - 1), parts[i]);
				}
				else {
					ok = seg.equals(parts[i]);
				}
			}
			if (ok) {
				return new Match(r.handler(), params);
			}
		}
		return null;
	}

}
