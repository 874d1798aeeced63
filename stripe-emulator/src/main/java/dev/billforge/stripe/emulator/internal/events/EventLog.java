package dev.billforge.stripe.emulator.internal.events;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records snapshot events and hands them to the dispatcher for every enabled endpoint
 * that wants them.
 */
public final class EventLog {

	private static final int MAX_EVENTS = 10_000;

	private final Core core;

	private final Renderer renderer;

	private final WebhookDispatcher dispatcher;

	public EventLog(Core core, Renderer renderer, WebhookDispatcher dispatcher) {
		this.core = core;
		this.renderer = renderer;
		this.dispatcher = dispatcher;
	}

	public ObjectNode emit(String type, ObjectNode stored) {
		return emit(type, stored, null);
	}

	/**
	 * Emits an event; {@code before} is the rendered object before the change (for
	 * previous_attributes).
	 */
	public ObjectNode emit(String type, ObjectNode stored, ObjectNode before) {
		ObjectNode snapshot = renderer.render(stored);
		String clock = Json.str(stored, "test_clock");
		if (clock == null && Json.str(stored, "customer") != null) {
			clock = core.clockOfCustomer(Json.str(stored, "customer"));
		}
		ObjectNode event = Json.obj();
		event.put("id", core.store().newId("evt_", 24));
		event.put("object", "event");
		event.put("api_version", Core.API_VERSION);
		event.put("created", core.epoch(clock));
		ObjectNode data = event.putObject("data");
		data.set("object", snapshot);
		if (before != null) {
			data.set("previous_attributes", previousAttributes(before, snapshot));
		}
		event.put("livemode", false);
		List<WebhookDispatcher.Target> targets = targets(type);
		event.put("pending_webhooks", targets.size());
		var pending = event.putArray("_pending");
		targets.forEach(t -> pending.add(t.endpointId()));
		ObjectNode request = event.putObject("request");
		request.put("id", core.currentRequestId());
		request.put("idempotency_key", core.currentIdempotencyKey());
		event.put("type", type);
		core.store().put("event", event);
		// Like Stripe's 30-day retention, but by count so the snapshot stays small.
		core.store().trim("event", MAX_EVENTS);
		if (!targets.isEmpty()) {
			dispatcher.enqueue(Json.str(event, "id"), Json.write(Json.publicCopy(event)), targets);
		}
		return event;
	}

	/**
	 * Records that delivery of an event to an endpoint finished (delivered or given up),
	 * so it is not re-sent after a restart. Runs on the delivery thread, hence takes the
	 * emulator lock itself.
	 */
	public void deliveryFinished(String eventId, String endpointId) {
		core.lock().lock();
		try {
			ObjectNode event = core.store().get("event", eventId);
			if (event == null || !(event.get("_pending") instanceof ArrayNode pending)) {
				return;
			}
			for (int i = pending.size() - 1; i >= 0; i--) {
				if (endpointId.equals(pending.get(i).asString())) {
					pending.remove(i);
				}
			}
			event.put("pending_webhooks", pending.size());
			if (pending.isEmpty()) {
				event.remove("_pending");
			}
			core.store().touched();
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

	/**
	 * After a restart: re-sends, in event order, every event whose delivery had not
	 * finished.
	 */
	public void resumePendingDeliveries() {
		core.lock().lock();
		try {
			List<ObjectNode> waiting = new ArrayList<>(core.store().where("event", e -> e.has("_pending")));
			waiting.sort(java.util.Comparator.comparingLong(e -> Json.lng(e, "_seq", 0)));
			for (ObjectNode event : waiting) {
				List<WebhookDispatcher.Target> targets = new ArrayList<>();
				for (JsonNode id : event.get("_pending")) {
					ObjectNode we = core.store().get("webhook_endpoint", id.asString());
					if (we != null && !Json.bool(we, "_deleted") && "enabled".equals(Json.str(we, "status"))) {
						targets.add(new WebhookDispatcher.Target(Json.str(we, "id"), Json.str(we, "url"),
								Json.str(we, "_secret")));
					}
				}
				if (targets.isEmpty()) {
					event.remove("_pending");
					core.store().touched();
				}
				else {
					dispatcher.enqueue(Json.str(event, "id"), Json.write(Json.publicCopy(event)), targets);
				}
			}
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

	private static ObjectNode previousAttributes(ObjectNode before, ObjectNode after) {
		ObjectNode prev = Json.obj();
		for (Map.Entry<String, JsonNode> e : after.properties()) {
			JsonNode old = before.get(e.getKey());
			if (old == null) {
				prev.putNull(e.getKey());
			}
			else if (!old.equals(e.getValue())) {
				prev.set(e.getKey(), old);
			}
		}
		return prev;
	}

	private List<WebhookDispatcher.Target> targets(String type) {
		List<WebhookDispatcher.Target> out = new ArrayList<>();
		for (ObjectNode we : core.store().all("webhook_endpoint")) {
			if (!"enabled".equals(Json.str(we, "status")) || Json.bool(we, "_deleted")) {
				continue;
			}
			ArrayNode enabled = (ArrayNode) we.path("enabled_events");
			boolean wants = false;
			for (JsonNode e : enabled) {
				wants |= "*".equals(e.asString()) || type.equals(e.asString());
			}
			if (wants) {
				out.add(new WebhookDispatcher.Target(Json.str(we, "id"), Json.str(we, "url"), Json.str(we, "_secret")));
			}
		}
		return out;
	}

}
