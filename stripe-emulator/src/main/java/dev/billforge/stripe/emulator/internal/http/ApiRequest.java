package dev.billforge.stripe.emulator.internal.http;

import java.util.List;
import java.util.Map;

/** One parsed API request. */
public record ApiRequest(String method, String path, Map<String, String> pathParams, FormParams params,
		List<String> expand) {

	public String pathParam(String name) {
		return pathParams.get(name);
	}

	public String id() {
		return pathParams.get("id");
	}
}
