package dev.billforge.stripe.emulator.internal;

import dev.billforge.stripe.emulator.internal.billing.PriceCurrencies;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored objects into what the API answers: internal fields stripped, related
 * objects assembled (subscription items with their current price, a charge's refunds) and
 * {@code expand[]} paths applied.
 */
public final class Renderer {

	private final Core core;

	public Renderer(Core core) {
		this.core = core;
	}

	public ObjectNode render(ObjectNode stored) {
		return render(stored, List.of());
	}

	public ObjectNode render(ObjectNode stored, List<String> expand) {
		ObjectNode out = (ObjectNode) Json.publicCopy(stored);
		String id = Json.str(out, "id");
		switch (String.valueOf(Json.str(out, "object"))) {
			case "subscription" ->
				out.set("items", list(subscriptionItems(id), "/v1/subscription_items?subscription=" + id));
			case "subscription_item" -> decorateItem(out);
			case "charge" -> out.set("refunds", list(refunds(id), "/v1/charges/" + id + "/refunds"));
			default -> {
			}
		}
		if ("checkout.session".equals(Json.str(out, "object")) && expand.contains("line_items")) {
			out.set("line_items", sessionLineItems(stored));
		}
		// currency_options is includable on prices: present only when expanded (with the
		// price's own currency).
		if ("price".equals(Json.str(out, "object")) && expand.contains("currency_options")) {
			out.set("currency_options", stored.path(PriceCurrencies.FIELD).isObject()
					? stored.get(PriceCurrencies.FIELD).deepCopy() : Json.obj());
		}
		for (String path : expand) {
			if (!"line_items".equals(path) && !"currency_options".equals(path)) {
				expandPath(out, path);
			}
		}
		return out;
	}

	public ObjectNode sessionLineItems(ObjectNode session) {
		ArrayNode data = Json.arr();
		session.path("_line_items").forEach(li -> data.add(Json.publicCopy(li)));
		return list(data, "/v1/checkout/sessions/" + Json.str(session, "id") + "/line_items");
	}

	public static ObjectNode list(ArrayNode data, String url) {
		ObjectNode l = Json.obj();
		l.put("object", "list");
		l.set("data", data);
		l.put("has_more", false);
		l.put("url", url);
		return l;
	}

	private ArrayNode subscriptionItems(String subscriptionId) {
		ArrayNode data = Json.arr();
		core.store()
			.where("subscription_item",
					si -> subscriptionId.equals(Json.str(si, "subscription")) && !Json.bool(si, "_deleted"))
			.stream()
			.sorted(Comparator.comparingLong(si -> Json.lng(si, "_seq", 0)))
			.forEach(si -> data.add(render(si)));
		return data;
	}

	private void decorateItem(ObjectNode item) {
		ObjectNode price = core.store().get("price", Json.str(item, "price"));
		if (price == null) {
			return;
		}
		ObjectNode p = render(price);
		item.set("price", p);
		item.set("plan", planOf(p));
	}

	/**
	 * The legacy {@code plan} view of a recurring price, still present on subscription
	 * items.
	 */
	private static ObjectNode planOf(ObjectNode price) {
		ObjectNode plan = Json.obj();
		plan.put("id", Json.str(price, "id"));
		plan.put("object", "plan");
		plan.put("active", Json.bool(price, "active"));
		plan.set("amount", price.get("unit_amount"));
		plan.set("amount_decimal", price.get("unit_amount_decimal"));
		plan.put("billing_scheme", "per_unit");
		plan.set("created", price.get("created"));
		plan.set("currency", price.get("currency"));
		JsonNode rec = price.path("recurring");
		plan.put("interval", Json.str(rec, "interval"));
		plan.put("interval_count", Json.lng(rec, "interval_count", 1));
		plan.put("livemode", false);
		plan.set("metadata", price.get("metadata"));
		plan.putNull("meter");
		plan.set("nickname", price.get("nickname"));
		plan.set("product", price.get("product"));
		plan.putNull("tiers_mode");
		plan.putNull("transform_usage");
		plan.putNull("trial_period_days");
		plan.put("usage_type", "licensed");
		return plan;
	}

	private ArrayNode refunds(String chargeId) {
		ArrayNode data = Json.arr();
		core.store()
			.where("refund", r -> chargeId.equals(Json.str(r, "charge")))
			.stream()
			.sorted(Comparator.comparingLong((ObjectNode r) -> Json.lng(r, "_seq", 0)).reversed())
			.forEach(r -> data.add(render(r)));
		return data;
	}

	private void expandPath(ObjectNode node, String path) {
		int dot = path.indexOf('.');
		String head = dot < 0 ? path : path.substring(0, dot);
		String rest = dot < 0 ? "" : path.substring(dot + 1);
		JsonNode value = node.get(head);
		if (value == null || value.isNull()) {
			return;
		}
		if (value.isString()) {
			ObjectNode target = lookup(value.asString());
			if (target != null) {
				node.set(head, render(target, rest.isEmpty() ? List.of() : List.of(rest)));
			}
		}
		else if (value instanceof ObjectNode child && !rest.isEmpty()) {
			expandPath(child, rest);
		}
		else if (value instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				if (element instanceof ObjectNode child && !rest.isEmpty()) {
					expandPath(child, rest);
				}
				else if (element.isString() && rest.isEmpty()) {
					ObjectNode target = lookup(element.asString());
					if (target != null) {
						array.set(i, render(target));
					}
				}
			}
		}
	}

	private ObjectNode lookup(String id) {
		String kind = Core.kindOf(id);
		return kind == null ? null : core.store().get(kind, id);
	}

}
