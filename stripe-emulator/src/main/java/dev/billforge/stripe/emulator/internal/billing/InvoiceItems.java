package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoice items: attached to a draft invoice, or pending until the customer's next
 * invoice sweeps them in.
 */
public final class InvoiceItems {

	private final Core core;

	private final EventLog events;

	private final Invoices invoices;

	public InvoiceItems(Core core, EventLog events, Invoices invoices) {
		this.core = core;
		this.events = events;
		this.invoices = invoices;
	}

	/** What an invoice item is made of; amounts in minor units. */
	public record Spec(String customer, long amount, String currency, long quantity, String unitAmountDecimal,
			String price, String product, String invoice, String subscription, String description, ObjectNode metadata,
			Long periodStart, Long periodEnd, boolean proration) {
	}

	public ObjectNode create(Spec s) {
		ObjectNode invoice = s.invoice() == null ? null : core.require("invoice", s.invoice());
		if (invoice != null) {
			invoices.requireDraft(invoice);
		}
		String clock = core.clockOfCustomer(s.customer());
		long now = core.epoch(clock);
		ObjectNode ii = Json.obj();
		ii.put("id", core.store().newId("ii_", 24));
		ii.put("object", "invoiceitem");
		ii.put("amount", s.amount());
		ii.put("currency", s.currency());
		ii.put("customer", s.customer());
		ii.putNull("customer_account");
		ii.put("date", now);
		ii.put("description", s.description());
		ii.put("discountable", true);
		ii.putArray("discounts");
		ii.put("invoice", s.invoice());
		ii.put("livemode", false);
		ii.set("metadata", s.metadata() == null ? Json.obj() : s.metadata());
		ii.put("net_amount", s.amount());
		if (s.subscription() != null) {
			ObjectNode parent = ii.putObject("parent");
			ObjectNode details = parent.putObject("subscription_details");
			details.put("subscription", s.subscription());
			details.putNull("subscription_item");
			parent.put("type", "subscription_details");
		}
		else {
			ii.putNull("parent");
		}
		ObjectNode period = ii.putObject("period");
		period.put("end", s.periodEnd() == null ? now : s.periodEnd());
		period.put("start", s.periodStart() == null ? now : s.periodStart());
		ObjectNode pricing = ii.putObject("pricing");
		if (s.price() != null) {
			ObjectNode pd = pricing.putObject("price_details");
			pd.put("price", s.price());
			pd.put("product", s.product());
		}
		else {
			pricing.putNull("price_details");
		}
		pricing.put("type", "price_details");
		pricing.put("unit_amount_decimal", s.unitAmountDecimal());
		ii.put("proration", s.proration());
		ii.put("quantity", s.quantity());
		ii.put("quantity_decimal", String.valueOf(s.quantity()));
		ii.putArray("tax_rates");
		ii.put("test_clock", clock);
		ii.put("_line_id", core.store().newId("il_", 24));
		core.store().put("invoiceitem", ii);
		events.emit("invoiceitem.created", ii);
		if (invoice != null) {
			invoices.recalc(invoice);
		}
		return ii;
	}

}
