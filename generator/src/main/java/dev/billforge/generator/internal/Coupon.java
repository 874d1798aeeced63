package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A coupon of the catalog and the promotion codes that redeem it (docs/billing.md,
 * "Coupons and promotion codes").
 *
 * @param percentOff percent off, above 0 and at most 100 with at most two decimals; or
 * @param amountOff an amount off in the catalog currency's major unit (exactly one of the
 * two)
 * @param duration {@code once}, {@code repeating} (with {@code durationInMonths} 1 to 36)
 * or {@code forever}
 */
public record Coupon(String id, String name, BigDecimal percentOff, BigDecimal amountOff, String duration,
		Integer durationInMonths, List<String> promotionCodes) {

	/** Stripe coupon ids and promotion codes as the platform catalog accepts them. */
	static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int MAX_CODES = 20;

	public Coupon {
		if (id == null || !CODE.matcher(id).matches()) {
			throw new InvalidAnswerException("coupons", "coupon id '" + (id == null ? null : Texts.shown(id))
					+ "' must be letters, digits, _ and - (at most 64)");
		}
		String what = "coupon " + id;
		if (name != null
				&& (name.isBlank() || name.length() > 40 || name.codePoints().anyMatch(Character::isISOControl))) {
			throw new InvalidAnswerException("coupons", what + ": name must be one line of 1 to 40 characters"); // Stripe's
																													// limit
		}
		percentOff = percentOff == null ? null : Decimals.normal(percentOff);
		amountOff = amountOff == null ? null : Decimals.normal(amountOff);
		if ((percentOff == null) == (amountOff == null) || (percentOff != null && (percentOff.signum() <= 0
				|| percentOff.compareTo(BigDecimal.valueOf(100)) > 0 || percentOff.scale() > 2))
				|| (amountOff != null && amountOff.signum() <= 0)) {
			throw new InvalidAnswerException("coupons", what
					+ ": give either percent-off (above 0, at most 100, two decimals) or amount-off (positive, in the catalog currency)");
		}
		duration = duration == null ? "once" : duration;
		if (!List.of("once", "repeating", "forever").contains(duration)
				|| "repeating".equals(duration) != (durationInMonths != null)
				|| (durationInMonths != null && (durationInMonths < 1 || durationInMonths > 36))) {
			throw new InvalidAnswerException("coupons",
					what + ": duration is once, repeating (with duration-in-months 1 to 36) or forever");
		}
		promotionCodes = List.copyOf(promotionCodes == null ? List.of() : promotionCodes);
		if (promotionCodes.size() > MAX_CODES) {
			throw new InvalidAnswerException("coupons", what + ": at most " + MAX_CODES + " promotion codes");
		}
		for (String code : promotionCodes) {
			if (code == null || !CODE.matcher(code).matches()) {
				throw new InvalidAnswerException("coupons",
						what + ": promotion code '" + (code == null ? null : Texts.shown(code))
								+ "' must be letters, digits, _ and - (at most 64)");
			}
		}
	}
}
