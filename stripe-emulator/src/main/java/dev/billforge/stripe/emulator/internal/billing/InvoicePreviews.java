package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code invoices.createPreview} for a subscription: the invoice its renewal would create
 * now — the next period's lines plus the customer's pending invoice items in the
 * subscription's currency — without storing anything. Like Stripe's, the preview has an
 * {@code upcoming_in_} id and cannot be retrieved.
 */
public final class InvoicePreviews {

	private final Core core;

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	public InvoicePreviews(Core core, Subscriptions subscriptions, Invoices invoices) {
		this.core = core;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
	}

	public ObjectNode preview(String customerId, String subscriptionId) {
		ObjectNode sub = core.require("subscription", subscriptionId);
		String customer = Json.str(sub, "customer");
		if (customerId != null && !customerId.equals(customer)) {
			throw ApiError.invalid("subscription",
					"The subscription " + subscriptionId + " does not belong to customer " + customerId + ".");
		}
		String status = Json.str(sub, "status");
		List<ObjectNode> items = subscriptions.items(sub);
		if ("canceled".equals(status) || "incomplete_expired".equals(status) || items.isEmpty()
				|| Json.bool(sub, "cancel_at_period_end")) {
			throw ApiError.invalid("invoice_upcoming_none", null, "No upcoming invoices for customer: " + customer);
		}
		String id = "upcoming_in_" + core.store().randomToken(24);
		long periodStart = Json.lng(items.get(0), "current_period_start", 0);
		long periodEnd = Json.lng(items.get(0), "current_period_end", 0);
		ObjectNode firstPrice = core.require("price", Json.str(items.get(0), "price"));
		String interval = Json.str(firstPrice.path("recurring"), "interval");
		long count = Json.lng(firstPrice.path("recurring"), "interval_count", 1);
		long nextEnd = Periods.add(Json.lng(sub, "billing_cycle_anchor", periodEnd), interval,
				count * (Json.lng(sub, "_cycles", 1) + 1));
		ArrayNode lines = Json.arr();
		for (ObjectNode item : items) {
			ObjectNode price = core.require("price", Json.str(item, "price"));
			ObjectNode product = core.store().get("product", Json.str(price, "product"));
			ObjectNode line = InvoiceLines.fromSubscriptionItem("il_tmp_" + core.store().randomToken(24), sub, item,
					price, product, periodEnd, nextEnd, -1);
			line.put("invoice", id);
			lines.add(line);
		}
		String currency = Json.str(sub, "currency");
		for (ObjectNode ii : invoices.pendingItems(customer, currency)) {
			lines.add(InvoiceLines.fromItem(ii, id));
		}
		long total = 0;
		for (JsonNode line : lines) {
			total += line.path("amount").asLong();
		}
		ObjectNode customerObject = core.require("customer", customer);
		ObjectNode inv = Json.obj();
		inv.put("id", id);
		inv.put("object", "invoice");
		inv.put("account_country", "US");
		inv.put("account_name", "Billforge (Stripe emulator)");
		inv.put("amount_due", Math.max(total, 0));
		inv.put("amount_paid", 0);
		inv.put("amount_remaining", Math.max(total, 0));
		inv.put("attempt_count", 0);
		inv.put("attempted", false);
		inv.put("auto_advance", false);
		ObjectNode tax = inv.putObject("automatic_tax");
		tax.put("enabled", false);
		tax.putNull("liability");
		tax.putNull("status");
		inv.put("billing_reason", "upcoming");
		inv.put("collection_method", "charge_automatically");
		inv.put("created", periodEnd);
		inv.put("currency", currency);
		inv.put("customer", customer);
		inv.put("customer_email", Json.str(customerObject, "email"));
		inv.put("customer_name", Json.str(customerObject, "name"));
		inv.putArray("discounts");
		inv.putNull("hosted_invoice_url");
		inv.put("livemode", false);
		inv.putObject("metadata");
		inv.put("next_payment_attempt", periodEnd + core.config().draftWindow().toSeconds());
		inv.putNull("number");
		ObjectNode parent = inv.putObject("parent");
		parent.putNull("quote_details");
		ObjectNode details = parent.putObject("subscription_details");
		details.set("metadata", sub.get("metadata").deepCopy());
		details.put("subscription", subscriptionId);
		parent.put("type", "subscription_details");
		inv.put("period_end", periodEnd);
		inv.put("period_start", periodStart);
		inv.put("starting_balance", 0);
		inv.put("status", "draft");
		inv.put("subtotal", total);
		inv.put("subtotal_excluding_tax", total);
		inv.put("test_clock", Json.str(customerObject, "test_clock"));
		inv.put("total", total);
		inv.put("total_excluding_tax", total);
		inv.putArray("total_discount_amounts");
		inv.putArray("total_taxes");
		inv.set("lines", Renderer.list(lines, "/v1/invoices/" + id + "/lines"));
		return inv;
	}

}
