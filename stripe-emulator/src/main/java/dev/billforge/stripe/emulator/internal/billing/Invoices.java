package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.DunningSchedule;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoices: draft (lines can still change) → open (finalized, numbered) → paid, or
 * payment failed with retries per the dunning schedule, or void / uncollectible. Lines
 * are the subscription lines fixed at creation plus every invoice item attached to the
 * invoice.
 */
public final class Invoices {

	private final Core core;

	private final EventLog events;

	private final Payments payments;

	private final SubscriptionLifecycle lifecycle;

	private final Discounts discounts;

	public Invoices(Core core, EventLog events, Payments payments, SubscriptionLifecycle lifecycle,
			Discounts discounts) {
		this.core = core;
		this.events = events;
		this.payments = payments;
		this.lifecycle = lifecycle;
		this.discounts = discounts;
	}

	/**
	 * Draft parameters; {@code includePending} sweeps the customer's pending invoice
	 * items in.
	 */
	public record Draft(String customer, String subscription, String billingReason, String currency,
			ArrayNode subscriptionLines, boolean includePending, boolean autoAdvance, String description,
			ObjectNode metadata, long periodStart, long periodEnd) {
	}

	public ObjectNode createDraft(Draft d) {
		ObjectNode customer = core.require("customer", d.customer());
		String clock = Json.str(customer, "test_clock");
		long now = core.epoch(clock);
		ObjectNode inv = Json.obj();
		String id = core.store().newId("in_", 24);
		inv.put("id", id);
		inv.put("object", "invoice");
		inv.put("account_country", "US");
		inv.put("account_name", "Billforge (Stripe emulator)");
		inv.putNull("account_tax_ids");
		inv.put("amount_due", 0);
		inv.put("amount_overpaid", 0);
		inv.put("amount_paid", 0);
		inv.put("amount_remaining", 0);
		inv.put("amount_shipping", 0);
		inv.putNull("application");
		inv.put("attempt_count", 0);
		inv.put("attempted", false);
		inv.put("auto_advance", d.autoAdvance());
		ObjectNode subscription = d.subscription() == null ? null : core.store().get("subscription", d.subscription());
		ObjectNode tax = inv.putObject("automatic_tax");
		// A subscription's invoices are taxed as the subscription is (set from Checkout's
		// automatic_tax).
		tax.put("enabled", subscription != null && subscription.path("automatic_tax").path("enabled").asBoolean(false));
		tax.putNull("liability");
		tax.putNull("status");
		if (d.autoAdvance()) {
			inv.put("automatically_finalizes_at", now + core.config().draftWindow().toSeconds());
		}
		else {
			inv.putNull("automatically_finalizes_at");
		}
		inv.put("billing_reason", d.billingReason());
		inv.put("collection_method", "charge_automatically");
		inv.put("created", now);
		inv.put("currency", d.currency());
		inv.putNull("custom_fields");
		inv.put("customer", d.customer());
		inv.putNull("customer_account");
		inv.set("customer_address", customer.path("address").isObject() ? customer.get("address").deepCopy() : null);
		inv.put("customer_email", Json.str(customer, "email"));
		inv.put("customer_name", Json.str(customer, "name"));
		inv.putNull("customer_phone");
		inv.putNull("customer_shipping");
		inv.put("customer_tax_exempt", "none");
		inv.putArray("customer_tax_ids");
		inv.putNull("default_payment_method");
		inv.putNull("default_source");
		inv.putArray("default_tax_rates");
		inv.put("description", d.description());
		inv.putArray("discounts");
		inv.putNull("due_date");
		inv.putNull("effective_at");
		inv.putNull("ending_balance");
		inv.putNull("footer");
		inv.putNull("from_invoice");
		inv.putNull("hosted_invoice_url");
		inv.putNull("invoice_pdf");
		inv.putObject("issuer").put("type", "self");
		inv.putNull("last_finalization_error");
		inv.putNull("latest_revision");
		inv.put("livemode", false);
		inv.set("metadata", d.metadata() == null ? Json.obj() : d.metadata());
		inv.putNull("next_payment_attempt");
		inv.putNull("number");
		inv.putNull("on_behalf_of");
		if (d.subscription() != null) {
			ObjectNode parent = inv.putObject("parent");
			parent.putNull("quote_details");
			ObjectNode details = parent.putObject("subscription_details");
			ObjectNode sub = core.store().get("subscription", d.subscription());
			details.set("metadata", sub == null ? Json.obj() : sub.get("metadata").deepCopy());
			details.put("subscription", d.subscription());
			parent.put("type", "subscription_details");
		}
		else {
			inv.putNull("parent");
		}
		ObjectNode pay = inv.putObject("payment_settings");
		pay.putNull("default_mandate");
		pay.putNull("payment_method_options");
		pay.putNull("payment_method_types");
		inv.put("period_end", d.periodEnd());
		inv.put("period_start", d.periodStart());
		inv.put("post_payment_credit_notes_amount", 0);
		inv.put("pre_payment_credit_notes_amount", 0);
		inv.putNull("receipt_number");
		inv.putNull("rendering");
		inv.putNull("shipping_cost");
		inv.putNull("shipping_details");
		inv.put("starting_balance", 0);
		inv.putNull("statement_descriptor");
		inv.put("status", "draft");
		inv.putNull("subscription");
		ObjectNode transitions = inv.putObject("status_transitions");
		transitions.putNull("finalized_at");
		transitions.putNull("marked_uncollectible_at");
		transitions.putNull("paid_at");
		transitions.putNull("voided_at");
		inv.put("test_clock", clock);
		inv.putArray("total_discount_amounts");
		inv.putArray("total_pretax_credit_amounts");
		inv.putArray("total_taxes");
		inv.putNull("webhooks_delivered_at");
		ObjectNode paymentsList = inv.putObject("payments");
		paymentsList.put("object", "list");
		paymentsList.putArray("data");
		paymentsList.put("has_more", false);
		paymentsList.put("url", "/v1/invoice_payments?invoice=" + id);
		ArrayNode subLines = d.subscriptionLines() == null ? Json.arr() : d.subscriptionLines();
		subLines.forEach(l -> ((ObjectNode) l).put("invoice", id));
		inv.set("_sub_lines", subLines);
		core.store().put("invoice", inv);
		if (d.includePending()) {
			for (ObjectNode ii : pendingItems(d.customer(), d.currency())) {
				ii.put("invoice", id);
			}
		}
		recalc(inv);
		events.emit("invoice.created", inv);
		return inv;
	}

	public List<ObjectNode> pendingItems(String customer, String currency) {
		return core.store()
			.where("invoiceitem", ii -> customer.equals(Json.str(ii, "customer")) && Json.str(ii, "invoice") == null
					&& !Json.bool(ii, "_deleted") && (currency == null || currency.equals(Json.str(ii, "currency"))));
	}

	/**
	 * Rebuilds lines and totals of a draft from its subscription lines and attached
	 * invoice items.
	 */
	public void recalc(ObjectNode inv) {
		String id = Json.str(inv, "id");
		ArrayNode data = Json.arr();
		inv.path("_sub_lines").forEach(l -> data.add(l.deepCopy()));
		core.store()
			.where("invoiceitem", ii -> id.equals(Json.str(ii, "invoice")) && !Json.bool(ii, "_deleted"))
			.stream()
			.sorted(Comparator.comparingLong(ii -> Json.lng(ii, "_seq", 0)))
			.forEach(ii -> data.add(InvoiceLines.fromItem(ii, id)));
		long subtotal = 0;
		for (JsonNode line : data) {
			subtotal += line.path("amount").asLong();
		}
		long discount = discounts.apply(inv, data, subtotal);
		long tax = InvoiceTax.apply(inv, data);
		inv.set("lines", Renderer.list(data, "/v1/invoices/" + id + "/lines"));
		inv.put("subtotal", subtotal);
		inv.put("subtotal_excluding_tax", subtotal);
		inv.put("total_excluding_tax", subtotal - discount);
		long total = subtotal - discount + tax;
		inv.put("total", total);
		long due = Math.max(total, 0);
		inv.put("amount_due", due);
		inv.put("amount_remaining", due - Json.lng(inv, "amount_paid", 0));
		core.store().touched();
	}

	public void requireDraft(ObjectNode inv) {
		if (!"draft".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_not_editable", "invoice", "You can only add invoice items to draft "
					+ "invoices; invoice " + Json.str(inv, "id") + " is " + Json.str(inv, "status") + ".");
		}
	}

	/** Draft → open (numbered); a zero-amount invoice is paid on the spot. */
	public void finalizeInvoice(ObjectNode inv) {
		if (!"draft".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_not_editable", null,
					"This invoice is already finalized, you can't re-finalize a non-draft invoice.");
		}
		recalc(inv);
		long now = core.epoch(Json.str(inv, "test_clock"));
		ObjectNode customer = core.store().get("customer", Json.str(inv, "customer"));
		long seq = Json.lng(customer, "next_invoice_sequence", 1);
		customer.put("next_invoice_sequence", seq + 1);
		inv.put("number", Json.str(customer, "invoice_prefix") + "-" + String.format("%04d", seq));
		inv.put("status", "open");
		inv.put("effective_at", now);
		inv.putNull("automatically_finalizes_at");
		((ObjectNode) inv.get("status_transitions")).put("finalized_at", now);
		inv.put("hosted_invoice_url", core.publicBaseUrl() + "/invoice/" + Json.str(inv, "id"));
		core.store().touched();
		events.emit("invoice.finalized", inv);
		if (Json.lng(inv, "amount_due", 0) == 0) {
			markPaid(inv, null);
		}
	}

	/**
	 * Charges the customer's saved payment method. On failure of an automatic attempt the
	 * dunning schedule sets the next attempt or, when retries are exhausted, its final
	 * action.
	 */
	public boolean attemptPayment(ObjectNode inv, boolean automatic) {
		if (!"open".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_unexpected_state", null,
					"Invoice " + Json.str(inv, "id") + " is " + Json.str(inv, "status") + " and cannot be paid.");
		}
		long due = Json.lng(inv, "amount_due", 0);
		if (due == 0) {
			markPaid(inv, null);
			return true;
		}
		String customerId = Json.str(inv, "customer");
		ObjectNode customer = core.store().get("customer", customerId);
		// A customer who started a trial without a card has nothing to charge.
		boolean succeed = !"decline".equals(Json.str(customer, "_payment_outcome"))
				&& !Json.bool(customer, "_no_payment_method");
		ObjectNode pi = payments.newPaymentIntent(customerId, due, Json.str(inv, "currency"),
				"Invoice " + Json.str(inv, "number"));
		payments.charge(pi, succeed, Json.str(customer, "email"));
		inv.put("attempt_count", Json.lng(inv, "attempt_count", 0) + 1);
		inv.put("attempted", true);
		if (succeed) {
			markPaid(inv, pi);
			return true;
		}
		if (automatic) {
			scheduleRetry(inv);
		}
		core.store().touched();
		events.emit("invoice.payment_failed", inv);
		if (automatic) {
			afterFailure(inv);
		}
		return false;
	}

	private void scheduleRetry(ObjectNode inv) {
		DunningSchedule dunning = core.config().dunning();
		int attempts = (int) Json.lng(inv, "attempt_count", 1);
		boolean firstInvoice = "subscription_create".equals(Json.str(inv, "billing_reason"));
		if (!firstInvoice && attempts <= dunning.retryDelays().size()) {
			long now = core.epoch(Json.str(inv, "test_clock"));
			inv.put("next_payment_attempt", now + dunning.retryDelays().get(attempts - 1).toSeconds());
		}
		else {
			inv.putNull("next_payment_attempt");
		}
	}

	private void afterFailure(ObjectNode inv) {
		ObjectNode sub = lifecycle.subscriptionOf(inv);
		if (sub == null || "subscription_create".equals(Json.str(inv, "billing_reason"))) {
			return;
		}
		String status = Json.str(sub, "status");
		if (!inv.path("next_payment_attempt").isNull()) {
			if ("active".equals(status) || "trialing".equals(status)) {
				lifecycle.status(sub, "past_due");
			}
			return;
		}
		if (core.config().dunning().finalAction() == DunningSchedule.FinalAction.CANCEL) {
			markUncollectible(inv);
			lifecycle.cancel(sub, "payment_failed");
		}
		else if (!"canceled".equals(status)) {
			lifecycle.status(sub, "unpaid");
		}
	}

	public void markPaid(ObjectNode inv, ObjectNode pi) {
		long now = core.epoch(Json.str(inv, "test_clock"));
		long due = Json.lng(inv, "amount_due", 0);
		inv.put("status", "paid");
		inv.put("amount_paid", due);
		inv.put("amount_remaining", 0);
		inv.put("attempted", true);
		inv.putNull("next_payment_attempt");
		inv.put("auto_advance", false);
		((ObjectNode) inv.get("status_transitions")).put("paid_at", now);
		if (pi != null) {
			ObjectNode payment = Json.obj();
			payment.put("id", core.store().newId("inpay_", 24));
			payment.put("object", "invoice_payment");
			payment.put("amount_paid", due);
			payment.put("amount_requested", due);
			payment.put("created", now);
			payment.put("currency", Json.str(inv, "currency"));
			payment.put("invoice", Json.str(inv, "id"));
			payment.put("is_default", true);
			payment.put("livemode", false);
			ObjectNode p = payment.putObject("payment");
			p.put("payment_intent", Json.str(pi, "id"));
			p.put("type", "payment_intent");
			payment.put("status", "paid");
			ObjectNode st = payment.putObject("status_transitions");
			st.putNull("canceled_at");
			st.put("paid_at", now);
			((ArrayNode) inv.path("payments").path("data")).add(payment);
		}
		core.store().touched();
		ObjectNode sub = lifecycle.subscriptionOf(inv);
		if (sub != null) {
			sub.put("latest_invoice", Json.str(inv, "id"));
		}
		events.emit("invoice.paid", inv);
		events.emit("invoice.payment_succeeded", inv);
		lifecycle.invoicePaid(inv);
	}

	public void markUncollectible(ObjectNode inv) {
		if (!"open".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_unexpected_state", null, "Only open invoices can be marked uncollectible.");
		}
		inv.put("status", "uncollectible");
		inv.putNull("next_payment_attempt");
		((ObjectNode) inv.get("status_transitions")).put("marked_uncollectible_at",
				core.epoch(Json.str(inv, "test_clock")));
		core.store().touched();
		events.emit("invoice.marked_uncollectible", inv);
	}

	public void voidInvoice(ObjectNode inv) {
		if (!"open".equals(Json.str(inv, "status")) && !"uncollectible".equals(Json.str(inv, "status"))) {
			throw ApiError.invalid("invoice_unexpected_state", null,
					"Only open or uncollectible invoices can be voided.");
		}
		inv.put("status", "void");
		inv.putNull("next_payment_attempt");
		((ObjectNode) inv.get("status_transitions")).put("voided_at", core.epoch(Json.str(inv, "test_clock")));
		core.store().touched();
		events.emit("invoice.voided", inv);
	}

}
