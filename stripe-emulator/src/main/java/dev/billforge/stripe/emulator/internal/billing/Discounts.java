package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coupons redeemed through promotion codes (or directly) become {@code discount} objects
 * on a subscription or a Checkout payment, and reduce invoice lines: {@code percent_off}
 * per positive line, {@code amount_off} spread over the positive lines in proportion (the
 * last takes the rounding rest), never below zero. Duration: {@code once} — the first
 * invoice with a positive subtotal; {@code repeating} — invoices created before the
 * discount's {@code end}; {@code forever}.
 */
public final class Discounts {

	private final Core core;

	public Discounts(Core core) {
		this.core = core;
	}

	/**
	 * The active, unexpired promotion code with this code (case-insensitive), with
	 * redemptions left.
	 */
	public ObjectNode promotionCode(String code, String param, long now) {
		for (ObjectNode promo : core.store().all("promotion_code")) {
			if (!Json.str(promo, "code").toUpperCase(Locale.ROOT).equals(code.strip().toUpperCase(Locale.ROOT))
					|| !Json.bool(promo, "active")) {
				continue;
			}
			boolean expired = !promo.path("expires_at").isNull() && Json.lng(promo, "expires_at", 0) <= now;
			boolean used = !promo.path("max_redemptions").isNull()
					&& Json.lng(promo, "times_redeemed", 0) >= Json.lng(promo, "max_redemptions", 0);
			ObjectNode coupon = core.store().get("coupon", Json.str(promo.path("promotion"), "coupon"));
			if (expired || used || coupon == null || !usable(coupon, now)) {
				break;
			}
			return promo;
		}
		throw ApiError.invalid("promotion_code_invalid", param, "This code is invalid.");
	}

	/**
	 * A coupon that exists, is not deleted, has redemptions left and can still be
	 * redeemed.
	 */
	public boolean usable(ObjectNode coupon, long now) {
		return !Json.bool(coupon, "_deleted")
				&& (coupon.path("redeem_by").isNull() || Json.lng(coupon, "redeem_by", 0) > now)
				&& (coupon.path("max_redemptions").isNull()
						|| Json.lng(coupon, "times_redeemed", 0) < Json.lng(coupon, "max_redemptions", 0));
	}

	/**
	 * Redeems a coupon (and promotion code): a stored {@code discount} object; counts the
	 * redemption.
	 */
	public ObjectNode redeem(ObjectNode coupon, ObjectNode promo, String customer, String subscription,
			String checkoutSession, long now) {
		ObjectNode d = Json.obj();
		d.put("id", core.store().newId("di_", 24));
		d.put("object", "discount");
		d.put("checkout_session", checkoutSession);
		d.put("customer", customer);
		d.putNull("customer_account");
		if ("repeating".equals(Json.str(coupon, "duration"))) {
			d.put("end", Periods.add(now, "month", Json.lng(coupon, "duration_in_months", 1)));
		}
		else {
			d.putNull("end");
		}
		d.putNull("invoice");
		d.putNull("invoice_item");
		d.put("promotion_code", promo == null ? null : Json.str(promo, "id"));
		ObjectNode source = d.putObject("source");
		source.put("coupon", Json.str(coupon, "id"));
		source.put("type", "coupon");
		d.put("start", now);
		d.put("subscription", subscription);
		d.putNull("subscription_item");
		core.store().put("discount", d);
		coupon.put("times_redeemed", Json.lng(coupon, "times_redeemed", 0) + 1);
		if (promo != null) {
			promo.put("times_redeemed", Json.lng(promo, "times_redeemed", 0) + 1);
		}
		core.store().touched();
		return d;
	}

	/** What a coupon takes off a one-time amount (Checkout in payment mode). */
	public long amountOff(ObjectNode coupon, long amount, String currency) {
		return split(coupon, new long[] { amount }, currency)[0];
	}

	/**
	 * Sets {@code discount_amounts}/{@code discounts} on each line and the invoice's
	 * {@code discounts} and {@code total_discount_amounts}; returns the total discount.
	 */
	public long apply(ObjectNode inv, ArrayNode lines, long subtotal) {
		long[] amounts = new long[lines.size()];
		for (int i = 0; i < amounts.length; i++) {
			amounts[i] = lines.get(i).path("amount").asLong();
			((ObjectNode) lines.get(i)).putArray("discount_amounts");
			((ObjectNode) lines.get(i)).putArray("discounts");
		}
		Map<String, Long> totals = new LinkedHashMap<>();
		for (ObjectNode d : applicable(inv, subtotal)) {
			ObjectNode coupon = core.store().get("coupon", Json.str(d.path("source"), "coupon"));
			long[] off = split(coupon, amounts, Json.str(inv, "currency"));
			long sum = 0;
			for (int i = 0; i < off.length; i++) {
				if (off[i] == 0) {
					continue;
				}
				ObjectNode line = (ObjectNode) lines.get(i);
				ObjectNode da = ((ArrayNode) line.get("discount_amounts")).addObject();
				da.put("amount", off[i]);
				da.put("discount", Json.str(d, "id"));
				((ArrayNode) line.get("discounts")).add(Json.str(d, "id"));
				amounts[i] -= off[i];
				sum += off[i];
			}
			totals.put(Json.str(d, "id"), sum);
		}
		ArrayNode ids = inv.putArray("discounts");
		ArrayNode tda = inv.putArray("total_discount_amounts");
		long total = 0;
		for (Map.Entry<String, Long> e : totals.entrySet()) {
			ids.add(e.getKey());
			ObjectNode t = tda.addObject();
			t.put("amount", e.getValue());
			t.put("discount", e.getKey());
			total += e.getValue();
		}
		return total;
	}

	private List<ObjectNode> applicable(ObjectNode inv, long subtotal) {
		List<ObjectNode> out = new ArrayList<>();
		String subId = Json.str(inv.path("parent").path("subscription_details"), "subscription");
		ObjectNode sub = subId == null ? null : core.store().get("subscription", subId);
		if (sub == null) {
			return out;
		}
		String invoiceId = Json.str(inv, "id");
		long created = Json.lng(inv, "created", 0);
		for (JsonNode id : sub.path("discounts")) {
			ObjectNode d = core.store().get("discount", id.asString());
			ObjectNode coupon = d == null ? null : core.store().get("coupon", Json.str(d.path("source"), "coupon"));
			if (coupon == null) {
				continue;
			}
			switch (String.valueOf(Json.str(coupon, "duration"))) {
				case "once" -> {
					String claimed = Json.str(d, "_invoice");
					if (claimed == null && subtotal > 0) {
						d.put("_invoice", invoiceId);
						claimed = invoiceId;
					}
					if (invoiceId.equals(claimed)) {
						out.add(d);
					}
				}
				case "repeating" -> {
					if (d.path("end").isNull() || created < Json.lng(d, "end", 0)) {
						out.add(d);
					}
				}
				default -> out.add(d);
			}
		}
		return out;
	}

	/**
	 * Per-amount discount of one coupon over the positive amounts; never more than an
	 * amount.
	 */
	private static long[] split(ObjectNode coupon, long[] amounts, String currency) {
		long[] off = new long[amounts.length];
		if (!coupon.path("percent_off").isNull()) {
			BigDecimal pct = coupon.get("percent_off").decimalValue();
			for (int i = 0; i < amounts.length; i++) {
				off[i] = amounts[i] <= 0 ? 0 : Math.min(amounts[i],
						Money.round(BigDecimal.valueOf(amounts[i]).multiply(pct).movePointLeft(2)));
			}
			return off;
		}
		if (!currency.equalsIgnoreCase(Json.str(coupon, "currency"))) {
			return off; // an amount_off coupon applies only to its own currency
		}
		long positive = 0;
		int last = -1;
		for (int i = 0; i < amounts.length; i++) {
			if (amounts[i] > 0) {
				positive += amounts[i];
				last = i;
			}
		}
		long budget = Math.min(Json.lng(coupon, "amount_off", 0), positive);
		long given = 0;
		for (int i = 0; i < amounts.length && budget > 0; i++) {
			if (amounts[i] <= 0) {
				continue;
			}
			off[i] = i == last ? budget - given
					: BigDecimal.valueOf(budget)
						.multiply(BigDecimal.valueOf(amounts[i]))
						.divideToIntegralValue(BigDecimal.valueOf(positive))
						.longValueExact();
			given += off[i];
		}
		return off;
	}

}
