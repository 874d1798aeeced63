package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscriptions: creation with a first invoice, updates (price/quantity changes with
 * prorations, cancel at period end, reactivation) and renewal at the end of each period.
 * Period dates live on the items.
 */
public final class Subscriptions {

	private final Core core;

	private final EventLog events;

	private final Renderer renderer;

	private final Invoices invoices;

	private final InvoiceItems invoiceItems;

	private final SubscriptionLifecycle lifecycle;

	public Subscriptions(Core core, EventLog events, Renderer renderer, Invoices invoices, InvoiceItems invoiceItems,
			SubscriptionLifecycle lifecycle) {
		this.core = core;
		this.events = events;
		this.renderer = renderer;
		this.invoices = invoices;
		this.invoiceItems = invoiceItems;
		this.lifecycle = lifecycle;
	}

	/** One requested item; {@code id} set for an existing item on update. */
	public record ItemSpec(String id, String price, Long quantity, boolean deleted, String param) {
	}

	/**
	 * Creation parameters. {@code missingPaymentMethod} is
	 * {@code trial_settings.end_behavior}'s: what the trial end does when the customer
	 * has no card ({@code create_invoice}, {@code cancel}); {@code discount} a redeemed
	 * {@code discount} id or null; {@code automaticTax} taxes its invoices.
	 */
	public record Create(String customer, List<ItemSpec> items, ObjectNode metadata, Long trialPeriodDays,
			Long trialEnd, String paymentBehavior, boolean cancelAtPeriodEnd, String missingPaymentMethod,
			String discount, boolean automaticTax, String currency) {

		/** In the prices' own currency. */
		public Create(String customer, List<ItemSpec> items, ObjectNode metadata, Long trialPeriodDays, Long trialEnd,
				String paymentBehavior, boolean cancelAtPeriodEnd, String missingPaymentMethod, String discount,
				boolean automaticTax) {
			this(customer, items, metadata, trialPeriodDays, trialEnd, paymentBehavior, cancelAtPeriodEnd,
					missingPaymentMethod, discount, automaticTax, null);
		}

		public Create(String customer, List<ItemSpec> items, ObjectNode metadata, Long trialPeriodDays, Long trialEnd,
				String paymentBehavior, boolean cancelAtPeriodEnd) {
			this(customer, items, metadata, trialPeriodDays, trialEnd, paymentBehavior, cancelAtPeriodEnd, null, null,
					false);
		}
	}

	public ObjectNode create(Create c) {
		ObjectNode customer = core.require("customer", c.customer());
		if (c.items().isEmpty()) {
			throw ApiError.missingParam("items");
		}
		List<ObjectNode> prices = new ArrayList<>();
		for (ItemSpec spec : c.items()) {
			prices.add(recurringPrice(spec.price(), spec.param() + "[price]"));
		}
		String currency = c.currency() != null ? c.currency().toLowerCase(java.util.Locale.ROOT)
				: Json.str(prices.get(0), "currency");
		String interval = Json.str(prices.get(0).path("recurring"), "interval");
		long intervalCount = Json.lng(prices.get(0).path("recurring"), "interval_count", 1);
		for (ObjectNode p : prices) {
			if (!PriceCurrencies.sells(p, currency) || !interval.equals(Json.str(p.path("recurring"), "interval"))) {
				throw ApiError.invalid("items",
						"All prices on a subscription must have the same currency and " + "recurring interval.");
			}
		}
		// A customer has one currency, fixed by its first subscription (or invoice).
		String fixed = Json.str(customer, "currency");
		if (fixed != null && !fixed.equals(currency)) {
			throw ApiError.invalid("currency", mixedCurrencies(fixed));
		}
		String clock = Json.str(customer, "test_clock");
		long now = core.epoch(clock);
		Long trialEnd = c.trialEnd() != null ? c.trialEnd()
				: c.trialPeriodDays() != null && c.trialPeriodDays() > 0 ? now + c.trialPeriodDays() * 86_400 : null;
		if (trialEnd != null && trialEnd <= now) {
			throw ApiError.invalid("trial_end", "trial_end must be in the future.");
		}
		boolean declines = "decline".equals(Json.str(customer, "_payment_outcome"));
		if (trialEnd == null && declines && "error_if_incomplete".equals(c.paymentBehavior())) {
			throw ApiError.cardDeclined("Your card was declined.");
		}
		long anchor = trialEnd != null ? trialEnd : now;
		long cycles = trialEnd != null ? 0 : 1;
		long periodEnd = trialEnd != null ? trialEnd : Periods.add(anchor, interval, intervalCount);
		ObjectNode sub = newSubscription(c, customer, currency, now, anchor, trialEnd);
		customer.put("currency", currency);
		sub.put("_cycles", cycles);
		if (c.discount() != null) {
			((ArrayNode) sub.get("discounts")).add(c.discount());
			ObjectNode discount = core.store().get("discount", c.discount());
			discount.put("subscription", Json.str(sub, "id"));
		}
		if (c.automaticTax()) {
			((ObjectNode) sub.get("automatic_tax")).put("enabled", true);
		}
		sub.put("status", trialEnd != null ? "trialing" : "incomplete");
		if (c.cancelAtPeriodEnd()) {
			sub.put("cancel_at_period_end", true);
			sub.put("cancel_at", periodEnd);
			sub.put("canceled_at", now);
		}
		core.store().put("subscription", sub);
		ArrayNode lines = Json.arr();
		for (int i = 0; i < prices.size(); i++) {
			ObjectNode item = newItem(sub, Json.str(prices.get(i), "id"), quantity(c.items().get(i)), now, now,
					periodEnd);
			lines.add(line(sub, item, prices.get(i), now, periodEnd, trialEnd != null ? 0 : -1));
		}
		events.emit("customer.subscription.created", sub);
		ObjectNode inv = invoices.createDraft(new Invoices.Draft(c.customer(), Json.str(sub, "id"),
				"subscription_create", currency, lines, true, true, null, null, now, now));
		sub.put("latest_invoice", Json.str(inv, "id"));
		invoices.finalizeInvoice(inv);
		if ("open".equals(Json.str(inv, "status")) && !"default_incomplete".equals(c.paymentBehavior())) {
			invoices.attemptPayment(inv, true);
		}
		return sub;
	}

	/** Stripe's refusal of a second currency on one customer. */
	public static String mixedCurrencies(String fixed) {
		return "You cannot combine currencies on a single customer. This customer has an active subscription, "
				+ "subscription schedule, discount, quote, or invoice item with currency " + fixed + ".";
	}

	private static long quantity(ItemSpec spec) {
		long q = spec.quantity() == null ? 1 : spec.quantity();
		if (q < 1) {
			throw ApiError.invalid(spec.param() + "[quantity]", "Quantity must be at least 1.");
		}
		return q;
	}

	private ObjectNode recurringPrice(String priceId, String param) {
		if (priceId == null || priceId.isEmpty()) {
			throw ApiError.missingParam(param);
		}
		ObjectNode price = core.require("price", priceId);
		if (!"recurring".equals(Json.str(price, "type"))) {
			throw ApiError.invalid(param, "The price specified is set to `type=one_time` but this field only "
					+ "accepts prices with `type=recurring`.");
		}
		if (!Json.bool(price, "active")) {
			throw ApiError.invalid(param, "The price specified is inactive. This field only accepts active prices.");
		}
		return price;
	}

	private ObjectNode newSubscription(Create c, ObjectNode customer, String currency, long now, long anchor,
			Long trialEnd) {
		ObjectNode sub = Json.obj();
		sub.put("id", core.store().newId("sub_", 24));
		sub.put("object", "subscription");
		sub.putNull("application");
		sub.putNull("application_fee_percent");
		ObjectNode tax = sub.putObject("automatic_tax");
		tax.put("enabled", false);
		tax.putNull("liability");
		tax.putNull("disabled_reason");
		sub.put("billing_cycle_anchor", anchor);
		sub.putNull("billing_cycle_anchor_config");
		sub.putArray("billing_schedules");
		sub.putNull("managed_payments");
		sub.putObject("billing_mode").put("type", "classic");
		sub.putNull("billing_thresholds");
		sub.putNull("cancel_at");
		sub.put("cancel_at_period_end", false);
		sub.putNull("canceled_at");
		ObjectNode cd = sub.putObject("cancellation_details");
		cd.putNull("comment");
		cd.putNull("feedback");
		cd.putNull("reason");
		sub.put("collection_method", "charge_automatically");
		sub.put("created", now);
		sub.put("currency", currency);
		sub.put("customer", Json.str(customer, "id"));
		sub.putNull("customer_account");
		sub.putNull("days_until_due");
		sub.putNull("default_payment_method");
		sub.putNull("default_source");
		sub.putArray("default_tax_rates");
		sub.putNull("description");
		sub.putArray("discounts");
		sub.putNull("ended_at");
		ObjectNode is = sub.putObject("invoice_settings");
		is.putNull("account_tax_ids");
		is.putObject("issuer").put("type", "self");
		sub.putNull("latest_invoice");
		sub.put("livemode", false);
		sub.set("metadata", c.metadata() == null ? Json.obj() : c.metadata());
		sub.putNull("next_pending_invoice_item_invoice");
		sub.putNull("on_behalf_of");
		sub.putNull("pause_collection");
		ObjectNode ps = sub.putObject("payment_settings");
		ps.putNull("payment_method_options");
		ps.putNull("payment_method_types");
		ps.put("save_default_payment_method", "off");
		sub.putNull("pending_invoice_item_interval");
		sub.putNull("pending_setup_intent");
		sub.putNull("pending_update");
		sub.putNull("schedule");
		sub.put("start_date", now);
		sub.put("test_clock", Json.str(customer, "test_clock"));
		sub.putNull("transfer_data");
		if (trialEnd != null) {
			sub.put("trial_end", trialEnd);
			sub.put("trial_start", now);
		}
		else {
			sub.putNull("trial_end");
			sub.putNull("trial_start");
		}
		sub.putObject("trial_settings")
			.putObject("end_behavior")
			.put("missing_payment_method",
					c.missingPaymentMethod() == null ? "create_invoice" : c.missingPaymentMethod());
		return sub;
	}

	private ObjectNode newItem(ObjectNode sub, String priceId, long quantity, long created, long start, long end) {
		ObjectNode si = Json.obj();
		si.put("id", core.store().newId("si_", 14));
		si.put("object", "subscription_item");
		si.putNull("billing_thresholds");
		si.put("created", created);
		si.put("current_period_end", end);
		si.put("current_period_start", start);
		si.putArray("discounts");
		si.putObject("metadata");
		si.put("price", priceId);
		si.put("quantity", quantity);
		si.put("subscription", Json.str(sub, "id"));
		si.putArray("tax_rates");
		core.store().put("subscription_item", si);
		return si;
	}

	private ObjectNode line(ObjectNode sub, ObjectNode item, ObjectNode price, long start, long end, long override) {
		ObjectNode product = core.store().get("product", Json.str(price, "product"));
		return InvoiceLines.fromSubscriptionItem(core.store().newId("il_", 24), sub, item, price, product, start, end,
				override);
	}

	public List<ObjectNode> items(ObjectNode sub) {
		String id = Json.str(sub, "id");
		return core.store()
			.where("subscription_item", si -> id.equals(Json.str(si, "subscription")) && !Json.bool(si, "_deleted"))
			.stream()
			.sorted(Comparator.comparingLong(si -> Json.lng(si, "_seq", 0)))
			.toList();
	}

	/** Update parameters; null fields are left unchanged. */
	public record Update(List<ItemSpec> items, Boolean cancelAtPeriodEnd, String prorationBehavior,
			ObjectNode metadata) {
	}

	public ObjectNode update(ObjectNode sub, Update u) {
		String status = Json.str(sub, "status");
		if ("canceled".equals(status) || "incomplete_expired".equals(status)) {
			if (!u.items().isEmpty() || u.cancelAtPeriodEnd() != null) {
				throw ApiError.invalid(null,
						"A canceled subscription can only update its cancellation_details " + "and metadata.");
			}
		}
		ObjectNode before = renderer.render(sub);
		String clock = Json.str(sub, "test_clock");
		long now = core.epoch(clock);
		List<ObjectNode> current = items(sub);
		long start = current.isEmpty() ? now : Json.lng(current.get(0), "current_period_start", now);
		long end = current.isEmpty() ? now : Json.lng(current.get(0), "current_period_end", now);
		boolean prorate = !"none".equals(u.prorationBehavior()) && "active".equals(status) && end > now;
		Prorations prorations = new Prorations(core, now, start, end, Json.str(sub, "currency"));
		for (ItemSpec spec : u.items()) {
			ObjectNode existing = spec.id() == null ? null
					: current.stream()
						.filter(si -> spec.id().equals(Json.str(si, "id")))
						.findFirst()
						.orElseThrow(() -> ApiError.invalid(spec.param() + "[id]",
								"The subscription item " + spec.id() + " does not belong to this subscription."));
			ObjectNode oldPrice = existing == null ? null : core.store().get("price", Json.str(existing, "price"));
			long oldQty = existing == null ? 0 : Json.lng(existing, "quantity", 1);
			if (spec.deleted()) {
				if (existing == null) {
					throw ApiError.missingParam(spec.param() + "[id]");
				}
				existing.put("_deleted", true);
				prorations.credit(oldPrice, oldQty);
				continue;
			}
			ObjectNode newPrice = spec.price() == null ? oldPrice
					: recurringPrice(spec.price(), spec.param() + "[price]");
			if (newPrice == null) {
				throw ApiError.missingParam(spec.param() + "[price]");
			}
			if (!PriceCurrencies.sells(newPrice, Json.str(sub, "currency"))) {
				throw ApiError.invalid(spec.param() + "[price]", "The price's currency must match the subscription's.");
			}
			long newQty = spec.quantity() == null ? Math.max(oldQty, 1) : quantity(spec);
			if (existing == null) {
				newItem(sub, Json.str(newPrice, "id"), newQty, now, start, end);
			}
			else {
				if (Json.str(newPrice, "id").equals(Json.str(oldPrice, "id")) && newQty == oldQty) {
					continue;
				}
				existing.put("price", Json.str(newPrice, "id"));
				existing.put("quantity", newQty);
				prorations.credit(oldPrice, oldQty);
			}
			prorations.charge(newPrice, newQty);
		}
		if (u.cancelAtPeriodEnd() != null) {
			boolean cape = u.cancelAtPeriodEnd();
			sub.put("cancel_at_period_end", cape);
			if (cape) {
				sub.put("cancel_at", end);
				sub.put("canceled_at", now);
				sub.withObjectProperty("cancellation_details").put("reason", "cancellation_requested");
			}
			else {
				sub.putNull("cancel_at");
				sub.putNull("canceled_at");
				sub.withObjectProperty("cancellation_details").putNull("reason");
			}
		}
		if (u.metadata() != null) {
			sub.set("metadata", u.metadata());
		}
		core.store().touched();
		ObjectNode after = renderer.render(sub);
		if (!after.equals(before)) {
			events.emit("customer.subscription.updated", sub, before);
		}
		if (prorate && !prorations.isEmpty()) {
			prorations.createItems(invoiceItems, sub);
			if ("always_invoice".equals(u.prorationBehavior())) {
				ObjectNode inv = invoices.createDraft(new Invoices.Draft(Json.str(sub, "customer"), Json.str(sub, "id"),
						"subscription_update", Json.str(sub, "currency"), null, true, true, null, null, now, now));
				sub.put("latest_invoice", Json.str(inv, "id"));
				invoices.finalizeInvoice(inv);
				if ("open".equals(Json.str(inv, "status"))) {
					invoices.attemptPayment(inv, true);
				}
			}
		}
		return sub;
	}

	/**
	 * End of the current period: cancel if requested, else start the next period and
	 * draft its invoice.
	 */
	public void renew(ObjectNode sub) {
		List<ObjectNode> items = items(sub);
		if (items.isEmpty()) {
			lifecycle.cancel(sub, "cancellation_requested");
			return;
		}
		long periodStart = Json.lng(items.get(0), "current_period_start", 0);
		long periodEnd = Json.lng(items.get(0), "current_period_end", 0);
		boolean cancelAt = !sub.path("cancel_at").isNull() && Json.lng(sub, "cancel_at", Long.MAX_VALUE) <= periodEnd;
		if (Json.bool(sub, "cancel_at_period_end") || cancelAt) {
			lifecycle.cancel(sub, "cancellation_requested");
			return;
		}
		if (trialEndsWithoutCard(sub)) {
			lifecycle.cancel(sub, "cancellation_requested");
			return;
		}
		ObjectNode before = renderer.render(sub);
		ObjectNode firstPrice = core.store().get("price", Json.str(items.get(0), "price"));
		String interval = Json.str(firstPrice.path("recurring"), "interval");
		long count = Json.lng(firstPrice.path("recurring"), "interval_count", 1);
		long cycles = Json.lng(sub, "_cycles", 1) + 1;
		long newEnd = Periods.add(Json.lng(sub, "billing_cycle_anchor", periodEnd), interval, count * cycles);
		sub.put("_cycles", cycles);
		if ("trialing".equals(Json.str(sub, "status"))) {
			sub.put("status", "active");
		}
		ArrayNode lines = Json.arr();
		for (ObjectNode item : items) {
			item.put("current_period_start", periodEnd);
			item.put("current_period_end", newEnd);
			ObjectNode price = core.store().get("price", Json.str(item, "price"));
			lines.add(line(sub, item, price, periodEnd, newEnd, -1));
		}
		core.store().touched();
		events.emit("customer.subscription.updated", sub, before);
		boolean collect = !"unpaid".equals(Json.str(sub, "status"));
		ObjectNode inv = invoices
			.createDraft(new Invoices.Draft(Json.str(sub, "customer"), Json.str(sub, "id"), "subscription_cycle",
					Json.str(sub, "currency"), lines, true, collect, null, null, periodStart, periodEnd));
		sub.put("latest_invoice", Json.str(inv, "id"));
	}

	/**
	 * A trial ends, the customer never gave a card and the subscription says to cancel
	 * then.
	 */
	private boolean trialEndsWithoutCard(ObjectNode sub) {
		ObjectNode customer = core.store().get("customer", Json.str(sub, "customer"));
		return "trialing".equals(Json.str(sub, "status")) && customer != null
				&& Json.bool(customer, "_no_payment_method")
				&& "cancel".equals(Json.str(sub.path("trial_settings").path("end_behavior"), "missing_payment_method"));
	}

	/**
	 * Three days before a trial ends (or at its start, for shorter trials), once:
	 * {@code customer.subscription.trial_will_end}.
	 */
	public void announceTrialEnd(ObjectNode sub) {
		sub.put("_trial_will_end_sent", true);
		core.store().touched();
		events.emit("customer.subscription.trial_will_end", sub);
	}

	/**
	 * First invoice never paid within 23 hours: the subscription expires and its invoice
	 * is voided.
	 */
	public void expireIncomplete(ObjectNode sub) {
		ObjectNode inv = core.store().get("invoice", Json.str(sub, "latest_invoice"));
		if (inv != null && "open".equals(Json.str(inv, "status"))) {
			invoices.voidInvoice(inv);
		}
		lifecycle.status(sub, "incomplete_expired");
	}

}
