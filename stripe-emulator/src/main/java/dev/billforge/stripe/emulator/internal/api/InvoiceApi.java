package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.billing.InvoiceItems;
import dev.billforge.stripe.emulator.internal.billing.Invoices;
import dev.billforge.stripe.emulator.internal.billing.Money;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Invoices (manual ones too) and invoice items. */
final class InvoiceApi {

	private final Services s;

	private final Core core;

	InvoiceApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/invoices", this::create)
			.get("/v1/invoices", this::list)
			.get("/v1/invoices/{id}", r -> s.renderer().render(invoice(r.id()), r.expand()))
			.post("/v1/invoices/{id}", this::update)
			.delete("/v1/invoices/{id}", this::deleteDraft)
			.get("/v1/invoices/{id}/lines", r -> invoice(r.id()).get("lines").deepCopy())
			.post("/v1/invoices/{id}/finalize", this::finalizeInvoice)
			.post("/v1/invoices/{id}/pay", this::pay)
			.post("/v1/invoices/{id}/void", r -> {
				s.invoices().voidInvoice(invoice(r.id()));
				return s.renderer().render(invoice(r.id()), r.expand());
			})
			.post("/v1/invoices/{id}/mark_uncollectible", r -> {
				s.invoices().markUncollectible(invoice(r.id()));
				return s.renderer().render(invoice(r.id()), r.expand());
			})
			.post("/v1/invoiceitems", this::createItem)
			.get("/v1/invoiceitems", this::listItems)
			.get("/v1/invoiceitems/{id}", r -> s.renderer().render(item(r.id()), r.expand()))
			.post("/v1/invoiceitems/{id}", this::updateItem)
			.delete("/v1/invoiceitems/{id}", this::deleteItem);
	}

	private ObjectNode invoice(String id) {
		return core.require("invoice", id);
	}

	private ObjectNode item(String id) {
		return core.require("invoiceitem", id);
	}

	private JsonNode create(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("customer", "subscription", "auto_advance", "collection_method", "description", "metadata",
					"pending_invoice_items_behavior", "currency", "footer");
		ObjectNode customer = core.require("customer", p.requiredString("customer"));
		if (p.has("collection_method") && !"charge_automatically".equals(p.string("collection_method"))) {
			throw ApiError.invalid("collection_method",
					"The emulator supports collection_method=charge_automatically " + "only.");
		}
		String subId = p.string("subscription");
		if (subId != null) {
			ObjectNode sub = core.require("subscription", subId);
			if (!Json.str(customer, "id").equals(Json.str(sub, "customer"))) {
				throw ApiError.invalid("subscription", "The subscription belongs to another customer.");
			}
		}
		boolean include = "include".equals(p.oneOf("pending_invoice_items_behavior", "exclude", "include", "exclude"));
		String currency = p.string("currency");
		if (currency == null) {
			List<ObjectNode> pending = s.invoices().pendingItems(Json.str(customer, "id"), null);
			currency = include && !pending.isEmpty() ? Json.str(pending.get(0), "currency")
					: Json.str(customer, "currency") != null ? Json.str(customer, "currency") : "usd";
		}
		long now = core.epoch(Json.str(customer, "test_clock"));
		ObjectNode inv = s.invoices()
			.createDraft(new Invoices.Draft(Json.str(customer, "id"), subId, "manual",
					currency.toLowerCase(Locale.ROOT), null, include, Boolean.TRUE.equals(p.bool("auto_advance")),
					p.string("description"), Metadata.create(p), now, now));
		return s.renderer().render(inv, r.expand());
	}

	private JsonNode update(ApiRequest r) {
		ObjectNode inv = invoice(r.id());
		FormParams p = r.params().allowOnly("auto_advance", "description", "metadata", "footer");
		boolean draft = "draft".equals(Json.str(inv, "status"));
		if (p.has("description") && !draft) {
			throw ApiError.invalid("invoice_not_editable", "description", "Finalized invoices can't be edited.");
		}
		if (p.has("description")) {
			inv.put("description", p.string("description"));
		}
		if (p.bool("auto_advance") != null) {
			inv.put("auto_advance", p.bool("auto_advance"));
			if (draft) {
				long at = core.epoch(Json.str(inv, "test_clock")) + core.config().draftWindow().toSeconds();
				if (p.bool("auto_advance")) {
					inv.put("automatically_finalizes_at", at);
				}
				else {
					inv.putNull("automatically_finalizes_at");
				}
			}
		}
		inv.set("metadata", Metadata.merge(inv.get("metadata"), p));
		core.store().touched();
		s.events().emit("invoice.updated", inv);
		return s.renderer().render(inv, r.expand());
	}

	private JsonNode deleteDraft(ApiRequest r) {
		ObjectNode inv = invoice(r.id());
		if (!"draft".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid(null, "You can only delete draft invoices.");
		}
		for (ObjectNode ii : core.store().where("invoiceitem", x -> r.id().equals(Json.str(x, "invoice")))) {
			ii.putNull("invoice");
		}
		inv.put("_deleted", true);
		core.store().touched();
		s.events().emit("invoice.deleted", inv);
		return ApiSupport.deleted(r.id(), "invoice");
	}

	private JsonNode finalizeInvoice(ApiRequest r) {
		ObjectNode inv = invoice(r.id());
		FormParams p = r.params().allowOnly("auto_advance");
		if (p.bool("auto_advance") != null) {
			inv.put("auto_advance", p.bool("auto_advance"));
		}
		s.invoices().finalizeInvoice(inv);
		if ("open".equals(Json.str(inv, "status")) && Json.bool(inv, "auto_advance")) {
			s.invoices().attemptPayment(inv, true);
		}
		return s.renderer().render(inv, r.expand());
	}

	private JsonNode pay(ApiRequest r) {
		ObjectNode inv = invoice(r.id());
		FormParams p = r.params().allowOnly("paid_out_of_band", "off_session", "payment_method", "source", "forgive");
		if ("draft".equals(Json.str(inv, "status"))) {
			s.invoices().finalizeInvoice(inv);
		}
		if ("paid".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_already_paid", null, "Invoice is already paid.");
		}
		if (Boolean.TRUE.equals(p.bool("paid_out_of_band"))) {
			s.invoices().markPaid(inv, null);
		}
		else if (!s.invoices().attemptPayment(inv, false)) {
			throw ApiError.cardDeclined("Your card was declined.");
		}
		return s.renderer().render(inv, r.expand());
	}

	private JsonNode list(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly(Lists.with(Lists.PAGING, "customer", "subscription", "status", "collection_method", "due_date"));
		String customer = p.string("customer");
		String sub = p.string("subscription");
		String status = p.string("status");
		var matches = core.store()
			.where("invoice", o -> !Json.bool(o, "_deleted")
					&& (customer == null || customer.equals(Json.str(o, "customer")))
					&& (sub == null
							|| sub.equals(Json.str(o.path("parent").path("subscription_details"), "subscription")))
					&& (status == null || status.equals(Json.str(o, "status"))));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/invoices", o -> s.renderer().render(o, ex));
	}

	private JsonNode createItem(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("customer", "amount", "currency", "unit_amount_decimal", "quantity", "price", "pricing",
					"invoice", "subscription", "description", "metadata", "period", "discountable", "tax_behavior");
		ObjectNode customer = core.require("customer", p.requiredString("customer"));
		String customerId = Json.str(customer, "id");
		long quantity = p.longValue("quantity", 1);
		if (quantity < 1) {
			throw ApiError.invalid("quantity", "Quantity must be at least 1.");
		}
		FormParams pricing = p.nested("pricing");
		String priceId = p.string("price") != null ? p.string("price")
				: pricing == null ? null : pricing.allowOnly("price", "unit_amount_decimal").string("price");
		String decimal = p.string("unit_amount_decimal") != null ? p.string("unit_amount_decimal")
				: pricing == null ? null : pricing.string("unit_amount_decimal");
		Long amount = p.longValue("amount");
		int given = (amount != null ? 1 : 0) + (decimal != null ? 1 : 0) + (priceId != null ? 1 : 0);
		if (given != 1) {
			throw ApiError.invalid("amount", "Specify exactly one of amount, unit_amount_decimal or price.");
		}
		String currency = p.string("currency");
		String productId = null;
		long total;
		String unitDecimal;
		if (priceId != null) {
			ObjectNode price = core.require("price", priceId);
			currency = Json.str(price, "currency");
			productId = Json.str(price, "product");
			total = Json.lng(price, "unit_amount", 0) * quantity;
			unitDecimal = Json.str(price, "unit_amount_decimal");
		}
		else {
			if (currency == null || currency.isEmpty()) {
				throw ApiError.missingParam("currency");
			}
			if (amount != null) {
				if (quantity != 1) {
					throw ApiError.invalid("quantity",
							"quantity cannot be combined with amount; use " + "unit_amount_decimal.");
				}
				total = amount;
				unitDecimal = String.valueOf(amount);
			}
			else {
				BigDecimal unit;
				try {
					unit = new BigDecimal(decimal);
				}
				catch (NumberFormatException e) {
					throw ApiError.invalid("unit_amount_decimal", "Invalid decimal: " + decimal);
				}
				total = Money.round(unit.multiply(BigDecimal.valueOf(quantity)));
				unitDecimal = unit.toPlainString();
			}
		}
		String invoiceId = p.string("invoice");
		if (invoiceId != null) {
			ObjectNode inv = invoice(invoiceId);
			if (!customerId.equals(Json.str(inv, "customer"))) {
				throw ApiError.invalid("invoice", "The invoice belongs to another customer.");
			}
			if (!currency.equalsIgnoreCase(Json.str(inv, "currency"))) {
				throw ApiError.invalid("currency", "The invoice item's currency must match the invoice's currency ("
						+ Json.str(inv, "currency") + ").");
			}
		}
		String subId = p.string("subscription");
		if (subId != null && !customerId.equals(Json.str(core.require("subscription", subId), "customer"))) {
			throw ApiError.invalid("subscription", "The subscription belongs to another customer.");
		}
		FormParams period = p.nested("period");
		ObjectNode ii = s.invoiceItems()
			.create(new InvoiceItems.Spec(customerId, total, currency.toLowerCase(Locale.ROOT), quantity, unitDecimal,
					priceId, productId, invoiceId, subId, p.string("description"), Metadata.create(p),
					period == null ? null : period.longValue("start"), period == null ? null : period.longValue("end"),
					false));
		return s.renderer().render(ii, r.expand());
	}

	private ObjectNode editableItem(String id) {
		ObjectNode ii = item(id);
		String invoiceId = Json.str(ii, "invoice");
		if (invoiceId != null) {
			s.invoices().requireDraft(invoice(invoiceId));
		}
		return ii;
	}

	private JsonNode updateItem(ApiRequest r) {
		ObjectNode ii = editableItem(r.id());
		FormParams p = r.params()
			.allowOnly("amount", "description", "metadata", "quantity", "unit_amount_decimal", "period",
					"discountable");
		if (p.longValue("amount") != null) {
			ii.put("amount", p.longValue("amount"));
			ii.put("net_amount", p.longValue("amount"));
			ii.put("quantity", 1);
			ii.withObjectProperty("pricing").put("unit_amount_decimal", String.valueOf(p.longValue("amount")));
		}
		else if (p.has("quantity") || p.has("unit_amount_decimal")) {
			long quantity = p.longValue("quantity", Json.lng(ii, "quantity", 1));
			String dec = p.string("unit_amount_decimal") != null ? p.string("unit_amount_decimal")
					: Json.str(ii.path("pricing"), "unit_amount_decimal");
			long total;
			try {
				total = Money.round(new BigDecimal(dec).multiply(BigDecimal.valueOf(quantity)));
			}
			catch (NumberFormatException e) {
				throw ApiError.invalid("unit_amount_decimal", "Invalid decimal: " + dec);
			}
			ii.put("amount", total);
			ii.put("net_amount", total);
			ii.put("quantity", quantity);
			ii.withObjectProperty("pricing").put("unit_amount_decimal", dec);
		}
		if (p.has("description")) {
			ii.put("description", p.string("description"));
		}
		FormParams period = p.nested("period");
		if (period != null) {
			ii.withObjectProperty("period")
				.put("start", period.longValue("start", Json.lng(ii.path("period"), "start", 0)));
			ii.withObjectProperty("period").put("end", period.longValue("end", Json.lng(ii.path("period"), "end", 0)));
		}
		ii.set("metadata", Metadata.merge(ii.get("metadata"), p));
		core.store().touched();
		recalcOwner(ii);
		s.events().emit("invoiceitem.updated", ii);
		return s.renderer().render(ii, r.expand());
	}

	private JsonNode deleteItem(ApiRequest r) {
		ObjectNode ii = editableItem(r.id());
		ii.put("_deleted", true);
		core.store().touched();
		recalcOwner(ii);
		s.events().emit("invoiceitem.deleted", ii);
		return ApiSupport.deleted(r.id(), "invoiceitem");
	}

	private void recalcOwner(ObjectNode ii) {
		String invoiceId = Json.str(ii, "invoice");
		if (invoiceId != null) {
			s.invoices().recalc(invoice(invoiceId));
		}
	}

	private JsonNode listItems(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "customer", "invoice", "pending"));
		String customer = p.string("customer");
		String invoiceId = p.string("invoice");
		Boolean pending = p.bool("pending");
		var matches = core.store()
			.where("invoiceitem",
					o -> !Json.bool(o, "_deleted") && (customer == null || customer.equals(Json.str(o, "customer")))
							&& (invoiceId == null || invoiceId.equals(Json.str(o, "invoice")))
							&& (pending == null || pending == (Json.str(o, "invoice") == null)));
		List<String> ex = ApiSupport.elementExpand(r);
		return Lists.page(matches, p, "/v1/invoiceitems", o -> s.renderer().render(o, ex));
	}

}
