package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.node.ObjectNode;

/** Builds invoice {@code line_item} objects in the basil+ shape (parent + pricing). */
final class InvoiceLines {

	private InvoiceLines() {
	}

	static ObjectNode fromItem(ObjectNode ii, String invoiceId) {
		ObjectNode line = base(Json.str(ii, "_line_id"), invoiceId, Json.lng(ii, "amount", 0), Json.str(ii, "currency"),
				Json.str(ii, "description"), Json.lng(ii, "quantity", 1));
		line.set("metadata", ii.get("metadata").deepCopy());
		line.set("period", ii.get("period").deepCopy());
		String sub = Json.str(ii.path("parent").path("subscription_details"), "subscription");
		ObjectNode parent = line.putObject("parent");
		ObjectNode details = parent.putObject("invoice_item_details");
		details.put("invoice_item", Json.str(ii, "id"));
		details.put("proration", Json.bool(ii, "proration"));
		details.putObject("proration_details").putNull("credited_items");
		details.put("subscription", sub);
		line.put("subscription", sub);
		parent.putNull("subscription_item_details");
		parent.put("type", "invoice_item_details");
		line.set("pricing", ii.get("pricing").deepCopy());
		return line;
	}

	static ObjectNode fromSubscriptionItem(String lineId, ObjectNode sub, ObjectNode item, ObjectNode price,
			ObjectNode product, long start, long end, long unitAmountOverride) {
		long quantity = Json.lng(item, "quantity", 1);
		// A subscription is billed in its own currency: the price's amount in it (a
		// currency option, or its own).
		String currency = Json.str(sub, "currency") != null ? Json.str(sub, "currency") : Json.str(price, "currency");
		long listed = PriceCurrencies.unitAmount(price, currency, "currency");
		long unit = unitAmountOverride >= 0 ? unitAmountOverride : listed;
		String interval = Json.str(price.path("recurring"), "interval");
		String description = quantity + " × " + (product == null ? "Subscription" : Json.str(product, "name")) + " (at "
				+ Money.format(listed, currency) + " / " + interval + ")";
		ObjectNode line = base(lineId, null, unit * quantity, currency, description, quantity);
		line.put("subscription", Json.str(sub, "id"));
		line.putObject("metadata");
		ObjectNode period = line.putObject("period");
		period.put("end", end);
		period.put("start", start);
		ObjectNode parent = line.putObject("parent");
		parent.putNull("invoice_item_details");
		ObjectNode details = parent.putObject("subscription_item_details");
		details.putNull("invoice_item");
		details.put("proration", false);
		details.putObject("proration_details").putNull("credited_items");
		details.put("subscription", Json.str(sub, "id"));
		details.put("subscription_item", Json.str(item, "id"));
		parent.put("type", "subscription_item_details");
		ObjectNode pricing = line.putObject("pricing");
		ObjectNode pd = pricing.putObject("price_details");
		pd.put("price", Json.str(price, "id"));
		pd.put("product", Json.str(price, "product"));
		pricing.put("type", "price_details");
		pricing.put("unit_amount_decimal", String.valueOf(unit));
		return line;
	}

	private static ObjectNode base(String id, String invoiceId, long amount, String currency, String description,
			long quantity) {
		ObjectNode line = Json.obj();
		line.put("id", id);
		line.put("object", "line_item");
		line.put("amount", amount);
		line.put("currency", currency);
		line.put("description", description);
		line.putArray("discount_amounts");
		line.put("discountable", true);
		line.putArray("discounts");
		line.put("invoice", invoiceId);
		line.put("livemode", false);
		line.putArray("pretax_credit_amounts");
		line.putNull("quantity_decimal");
		line.putNull("subscription");
		line.put("quantity", quantity);
		line.put("subtotal", amount);
		line.putArray("taxes");
		return line;
	}

}
