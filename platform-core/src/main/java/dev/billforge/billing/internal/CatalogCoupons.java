package dev.billforge.billing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Coupon;
import com.stripe.model.PromotionCode;
import com.stripe.net.RequestOptions;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CouponUpdateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeListParams;

/**
 * The coupon part of catalog as code. A coupon is created under the file's id; Stripe
 * never changes a coupon's terms, so a coupon that exists with other terms stops the push
 * (give new terms a new id) — only its name is updated. Each promotion code is created
 * once (looked up by code among active codes); codes and coupons in Stripe that the file
 * does not mention are left alone.
 */
final class CatalogCoupons {

	private final StripeClient stripe;

	CatalogCoupons(StripeClient stripe) {
		this.stripe = stripe;
	}

	void run(CatalogFile file, boolean apply, List<CatalogPusher.Change> changes) throws StripeException {
		for (CatalogFile.CouponSpec spec : file.coupons()) {
			Coupon coupon = find(spec.id());
			if (coupon == null) {
				changes.add(new CatalogPusher.Change("create coupon", spec.id(), terms(spec, file.currency())));
				if (apply) {
					create(spec, file.currency());
				}
			}
			else if (!sameTerms(coupon, spec, file.currency())) {
				throw new IllegalStateException("coupon " + spec.id() + " exists in Stripe with other terms ("
						+ coupon.getPercentOff() + "% / " + coupon.getAmountOff() + " " + coupon.getCurrency() + ", "
						+ coupon.getDuration() + "); a coupon's terms cannot change: give the new terms a new id");
			}
			else if (spec.name() != null && !spec.name().equals(coupon.getName())) {
				changes.add(new CatalogPusher.Change("update coupon", spec.id(), spec.name()));
				if (apply) {
					stripe.v1().coupons().update(spec.id(), CouponUpdateParams.builder().setName(spec.name()).build());
				}
			}
			for (String code : spec.promotionCodes()) {
				promotionCode(spec.id(), code, apply, changes);
			}
		}
	}

	private void promotionCode(String couponId, String code, boolean apply, List<CatalogPusher.Change> changes)
			throws StripeException {
		List<PromotionCode> existing = stripe.v1()
			.promotionCodes()
			.list(PromotionCodeListParams.builder().setCode(code).setActive(true).setLimit(1L).build())
			.getData();
		if (!existing.isEmpty()) {
			String current = existing.get(0).getPromotion() == null ? null : existing.get(0).getPromotion().getCoupon();
			if (!couponId.equals(current)) {
				throw new IllegalStateException("promotion code " + code + " already redeems coupon " + current
						+ " in Stripe; deactivate it there or choose another code");
			}
			return;
		}
		changes.add(new CatalogPusher.Change("create promotion code", code, "coupon " + couponId));
		if (apply) {
			stripe.v1()
				.promotionCodes()
				.create(PromotionCodeCreateParams.builder()
					.setCode(code)
					.setPromotion(PromotionCodeCreateParams.Promotion.builder()
						.setCoupon(couponId)
						.setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
						.build())
					.build(),
						RequestOptions.builder()
							.setIdempotencyKey(
									"catalog-promotion-code:" + code.toUpperCase(Locale.ROOT) + ":" + couponId)
							.build());
		}
	}

	private void create(CatalogFile.CouponSpec spec, String currency) throws StripeException {
		CouponCreateParams.Builder params = CouponCreateParams.builder()
			.setId(spec.id())
			.setName(spec.name())
			.setDuration(CouponCreateParams.Duration.valueOf(spec.duration().toUpperCase(Locale.ROOT)));
		if (spec.percentOff() != null) {
			params.setPercentOff(spec.percentOff());
		}
		else {
			params.setAmountOff(spec.amountOff()).setCurrency(currency);
		}
		if (spec.durationInMonths() != null) {
			params.setDurationInMonths(spec.durationInMonths().longValue());
		}
		stripe.v1()
			.coupons()
			.create(params.build(), RequestOptions.builder().setIdempotencyKey("catalog-coupon:" + spec.id()).build());
	}

	private Coupon find(String id) throws StripeException {
		try {
			Coupon coupon = stripe.v1().coupons().retrieve(id);
			return Boolean.TRUE.equals(coupon.getDeleted()) ? null : coupon;
		}
		catch (InvalidRequestException ex) {
			if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
				return null;
			}
			throw ex;
		}
	}

	private static boolean sameTerms(Coupon c, CatalogFile.CouponSpec spec, String currency) {
		boolean percent = spec.percentOff() == null ? c.getPercentOff() == null
				: c.getPercentOff() != null && c.getPercentOff().compareTo(spec.percentOff()) == 0;
		boolean amount = spec.amountOff() == null ? c.getAmountOff() == null
				: Objects.equals(c.getAmountOff(), spec.amountOff()) && currency.equalsIgnoreCase(c.getCurrency());
		Long months = spec.durationInMonths() == null ? null : spec.durationInMonths().longValue();
		return percent && amount && spec.duration().equals(c.getDuration())
				&& Objects.equals(months, c.getDurationInMonths());
	}

	static String terms(CatalogFile.CouponSpec spec, String currency) {
		String off = spec.percentOff() != null ? spec.percentOff().toPlainString() + "% off"
				: spec.amountOff() + " " + currency + " off";
		return off + ", " + spec.duration()
				+ (spec.durationInMonths() == null ? "" : " " + spec.durationInMonths() + " months");
	}

}
