package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.ApiRequest;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.Router;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coupons and promotion codes. A coupon's terms never change after creation (only
 * {@code name} and {@code metadata}); a promotion code is a customer-facing code for one
 * coupon, unique among active codes.
 */
final class CouponApi {

	private final Services s;

	private final Core core;

	CouponApi(Services s) {
		this.s = s;
		this.core = s.core();
	}

	void register(Router router) {
		router.post("/v1/coupons", this::createCoupon)
			.get("/v1/coupons",
					r -> Lists.page(core.store().where("coupon", c -> !Json.bool(c, "_deleted")),
							r.params().allowOnly(Lists.PAGING), "/v1/coupons", c -> s.renderer().render(c)))
			.get("/v1/coupons/{id}", r -> s.renderer().render(coupon(r.id())))
			.post("/v1/coupons/{id}", this::updateCoupon)
			.delete("/v1/coupons/{id}", r -> {
				coupon(r.id()).put("_deleted", true);
				core.store().touched();
				return ApiSupport.deleted(r.id(), "coupon");
			})
			.post("/v1/promotion_codes", this::createPromotionCode)
			.get("/v1/promotion_codes", this::listPromotionCodes)
			.get("/v1/promotion_codes/{id}",
					r -> s.renderer().render(core.require("promotion_code", r.id()), r.expand()))
			.post("/v1/promotion_codes/{id}", this::updatePromotionCode);
	}

	private ObjectNode coupon(String id) {
		ObjectNode c = core.require("coupon", id);
		if (Json.bool(c, "_deleted")) {
			throw ApiError.noSuch("coupon", id);
		}
		return c;
	}

	private JsonNode createCoupon(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("id", "name", "percent_off", "amount_off", "currency", "duration", "duration_in_months",
					"max_redemptions", "redeem_by", "metadata");
		String id = p.string("id");
		if (id == null || id.isEmpty()) {
			id = core.store().randomToken(8).toUpperCase(Locale.ROOT);
		}
		else if (core.store().get("coupon", id) != null) {
			throw ApiError.invalid("resource_already_exists", "id", "Coupon already exists.");
		}
		BigDecimal percent = percent(p);
		Long amountOff = p.longValue("amount_off");
		if ((percent == null) == (amountOff == null)) {
			throw ApiError.invalid("percent_off", "Give exactly one of percent_off and amount_off.");
		}
		if (amountOff != null && (amountOff < 1 || p.string("currency") == null)) {
			throw ApiError.invalid("amount_off", "amount_off must be a positive integer and needs a currency.");
		}
		String duration = p.oneOf("duration", "once", "once", "repeating", "forever");
		Long months = p.longValue("duration_in_months");
		if ("repeating".equals(duration) != (months != null) || (months != null && months < 1)) {
			throw ApiError.invalid("duration_in_months", "duration_in_months is required with (and only with) "
					+ "duration=repeating and must be at least 1.");
		}
		ObjectNode c = Json.obj();
		c.put("id", id);
		c.put("object", "coupon");
		c.put("amount_off", amountOff);
		c.put("created", core.epoch(null));
		c.put("currency", amountOff == null ? null : p.string("currency").toLowerCase(Locale.ROOT));
		c.put("duration", duration);
		c.put("duration_in_months", months);
		c.put("livemode", false);
		c.put("max_redemptions", p.longValue("max_redemptions"));
		c.set("metadata", Metadata.create(p));
		c.put("name", p.string("name"));
		c.put("percent_off", percent);
		c.put("redeem_by", p.longValue("redeem_by"));
		c.put("times_redeemed", 0);
		c.put("valid", true);
		core.store().put("coupon", c);
		return s.renderer().render(c);
	}

	private static BigDecimal percent(FormParams p) {
		String v = p.string("percent_off");
		if (v == null || v.isEmpty()) {
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(v);
			if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(100)) > 0 || d.scale() > 2) {
				throw new NumberFormatException();
			}
			return d;
		}
		catch (NumberFormatException e) {
			throw ApiError.invalid("percent_off", "percent_off must be a number above 0 and at most 100.");
		}
	}

	private JsonNode updateCoupon(ApiRequest r) {
		ObjectNode c = coupon(r.id());
		FormParams p = r.params().allowOnly("name", "metadata");
		if (p.has("name")) {
			c.put("name", p.string("name"));
		}
		c.set("metadata", Metadata.merge(c.get("metadata"), p));
		core.store().touched();
		return s.renderer().render(c);
	}

	private JsonNode createPromotionCode(ApiRequest r) {
		FormParams p = r.params()
			.allowOnly("promotion", "code", "active", "max_redemptions", "expires_at", "metadata", "customer");
		FormParams promotion = p.nested("promotion");
		if (promotion == null) {
			throw ApiError.missingParam("promotion");
		}
		promotion.allowOnly("type", "coupon");
		promotion.oneOf("type", "coupon", "coupon");
		ObjectNode coupon = coupon(promotion.requiredString("coupon"));
		String code = p.string("code");
		if (code == null || code.isEmpty()) {
			code = core.store().randomToken(8).toUpperCase(Locale.ROOT);
		}
		if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
			throw ApiError.invalid("code", "A code has 1 to 64 letters, digits, - and _.");
		}
		String wanted = code;
		boolean active = !Boolean.FALSE.equals(p.bool("active"));
		if (active && !core.store()
			.where("promotion_code", x -> Json.bool(x, "active") && Json.str(x, "code").equalsIgnoreCase(wanted))
			.isEmpty()) {
			throw ApiError.invalid("resource_already_exists", "code",
					"An active promotion code with this code " + "already exists.");
		}
		ObjectNode pc = Json.obj();
		pc.put("id", core.store().newId("promo_", 24));
		pc.put("object", "promotion_code");
		pc.put("active", active);
		pc.put("code", code);
		pc.put("created", core.epoch(null));
		pc.put("customer", p.string("customer"));
		pc.putNull("customer_account");
		pc.put("expires_at", p.longValue("expires_at"));
		pc.put("livemode", false);
		pc.put("max_redemptions", p.longValue("max_redemptions"));
		pc.set("metadata", Metadata.create(p));
		ObjectNode promo = pc.putObject("promotion");
		promo.put("coupon", Json.str(coupon, "id"));
		promo.put("type", "coupon");
		ObjectNode restrictions = pc.putObject("restrictions");
		restrictions.put("first_time_transaction", false);
		restrictions.putNull("minimum_amount");
		restrictions.putNull("minimum_amount_currency");
		pc.put("times_redeemed", 0);
		core.store().put("promotion_code", pc);
		return s.renderer().render(pc);
	}

	private JsonNode listPromotionCodes(ApiRequest r) {
		FormParams p = r.params().allowOnly(Lists.with(Lists.PAGING, "code", "active", "coupon", "customer"));
		String code = p.string("code");
		Boolean active = p.bool("active");
		String coupon = p.string("coupon");
		var matches = core.store()
			.where("promotion_code",
					x -> (code == null || code.equalsIgnoreCase(Json.str(x, "code")))
							&& (active == null || active == Json.bool(x, "active"))
							&& (coupon == null || coupon.equals(Json.str(x.path("promotion"), "coupon"))));
		return Lists.page(matches, p, "/v1/promotion_codes", x -> s.renderer().render(x));
	}

	private JsonNode updatePromotionCode(ApiRequest r) {
		ObjectNode pc = core.require("promotion_code", r.id());
		FormParams p = r.params().allowOnly("active", "metadata");
		if (p.has("active")) {
			pc.put("active", Boolean.TRUE.equals(p.bool("active")));
		}
		pc.set("metadata", Metadata.merge(pc.get("metadata"), p));
		core.store().touched();
		return s.renderer().render(pc);
	}

}
