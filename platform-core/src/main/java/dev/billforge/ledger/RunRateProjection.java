package dev.billforge.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import dev.billforge.valuemetric.Credits;

/**
 * Where the period is heading (the billing page, the dashboard and the invoice preview's
 * overage estimate) at the run-rate since period start (the same rule as the ledger's
 * {@code projected_exhaustion} alert): used ÷ elapsed, extrapolated to the period end.
 *
 * @param projectedUsed usage at period end at this rate
 * @param exhaustion when available credits run out, or null when they last the period (or
 * nothing is used)
 * @param projectedOverage usage beyond the period's credits at period end (credits;
 * billed at the plan's overage price)
 * @param usedPercent used ÷ period credits in whole percent (null when the period has no
 * credits)
 */
public record RunRateProjection(Credits projectedUsed, Instant exhaustion, Credits projectedOverage,
		Integer usedPercent) {

	public static RunRateProjection of(Balance balance, Instant now, int scale) {
		Instant start = balance.period().start();
		Instant end = balance.period().end();
		BigDecimal used = balance.usedInPeriod().amount();
		Integer percent = balance.periodCredits().isPositive() ? used.multiply(BigDecimal.valueOf(100))
			.divide(balance.periodCredits().amount(), 0, RoundingMode.DOWN)
			.intValue() : null;
		long elapsed = Duration.between(start, now).getSeconds();
		if (elapsed <= 0 || used.signum() <= 0 || !now.isBefore(end)) {
			Credits overage = new Credits(used.subtract(balance.periodCredits().amount()).max(BigDecimal.ZERO));
			return new RunRateProjection(balance.usedInPeriod(), null, overage, percent);
		}
		BigDecimal perSecond = used.divide(BigDecimal.valueOf(elapsed), 12, RoundingMode.HALF_UP);
		long remaining = Duration.between(now, end).getSeconds();
		BigDecimal projected = used.add(perSecond.multiply(BigDecimal.valueOf(remaining)))
			.setScale(scale, RoundingMode.HALF_UP);
		Instant exhaustion = null;
		BigDecimal available = balance.available().amount();
		if (available.signum() <= 0) {
			exhaustion = now;
		}
		else {
			long seconds = available.divide(perSecond, 0, RoundingMode.DOWN).longValueExact();
			if (seconds < remaining) {
				exhaustion = now.plusSeconds(seconds);
			}
		}
		Credits overage = new Credits(projected.subtract(balance.periodCredits().amount()).max(BigDecimal.ZERO));
		return new RunRateProjection(new Credits(projected), exhaustion, overage, percent);
	}

}
