package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.net.URI;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Webhook endpoints (the secret is shown once, on creation) and the event log. */
public final class WebhookApi {

	private final Services s;

	private final Core core;

	WebhookApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/webhook_endpoints", r -> createEndpoint(r.params()))
			.get("/v1/webhook_endpoints", this::listEndpoints)
			.get("/v1/webhook_endpoints/{id}", r -> s.renderer().render(endpoint(r.id())))
			.post("/v1/webhook_endpoints/{id}", this::updateEndpoint)
			.delete("/v1/webhook_endpoints/{id}", this::deleteEndpoint)
			.get("/v1/events", this::listEvents)
			.get("/v1/events/{id}", r -> s.renderer().render(core.require("event", r.id())));
	}

	private ObjectNode endpoint(String id) {
		return core.require("webhook_endpoint", id);
	}

	/** Creates an endpoint; the answer carries the signing secret. */
	public ObjectNode createEndpoint(FormParams p) {
		p.allowOnly("url", "enabled_events", "description", "metadata", "api_version", "connect");
		String url = p.requiredString("url");
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException e) {
			throw ApiError.invalid("url", "Invalid URL: " + url);
		}
		List<String> enabled = p.stringList("enabled_events");
		if (enabled.isEmpty()) {
			throw ApiError.missingParam("enabled_events");
		}
		ObjectNode we = Json.obj();
		we.put("id", core.store().newId("we_", 24));
		we.put("object", "webhook_endpoint");
		we.put("api_version", p.string("api_version") == null ? Core.API_VERSION : p.string("api_version"));
		we.putNull("application");
		we.put("created", core.epoch(null));
		we.put("description", p.string("description"));
		var events = we.putArray("enabled_events");
		enabled.forEach(events::add);
		we.put("livemode", false);
		we.set("metadata", Metadata.create(p));
		we.put("status", "enabled");
		we.put("url", url);
		we.put("_secret", "whsec_" + core.store().randomToken(32));
		core.store().put("webhook_endpoint", we);
		ObjectNode out = s.renderer().render(we);
		out.put("secret", Json.str(we, "_secret"));
		return out;
	}

	private JsonNode updateEndpoint(ApiRequest r) {
		ObjectNode we = endpoint(r.id());
		FormParams p = r.params().allowOnly("url", "enabled_events", "description", "metadata", "disabled");
		if (p.has("url")) {
			we.put("url", p.requiredString("url"));
		}
		if (p.has("enabled_events")) {
			var events = we.putArray("enabled_events");
			p.stringList("enabled_events").forEach(events::add);
		}
		if (p.has("description")) {
			we.put("description", p.string("description"));
		}
		if (p.bool("disabled") != null) {
			we.put("status", p.bool("disabled") ? "disabled" : "enabled");
		}
		we.set("metadata", Metadata.merge(we.get("metadata"), p));
		core.store().touched();
		return s.renderer().render(we);
	}

	private JsonNode deleteEndpoint(ApiRequest r) {
		ObjectNode we = endpoint(r.id());
		we.put("_deleted", true);
		core.store().touched();
		return ApiSupport.deleted(r.id(), "webhook_endpoint");
	}

	private JsonNode listEndpoints(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.PAGING);
		var matches = core.store().where("webhook_endpoint", o -> !Json.bool(o, "_deleted"));
		return Lists.page(matches, p, "/v1/webhook_endpoints", o -> s.renderer().render(o));
	}

	private JsonNode listEvents(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "type", "types", "delivery_success"));
		String type = p.string("type");
		List<String> types = p.stringList("types");
		var matches = core.store()
			.where("event", e -> typeMatches(type, Json.str(e, "type"))
					&& (types.isEmpty() || types.contains(Json.str(e, "type"))));
		return Lists.page(matches, p, "/v1/events", o -> s.renderer().render(o));
	}

	private static boolean typeMatches(String pattern, String type) {
		if (pattern == null) {
			return true;
		}
		if (pattern.endsWith(".*")) {
			return type.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(type);
	}

}
