package dev.billforge.ledger;

import java.util.List;

import dev.billforge.valuemetric.Credits;

/**
 * An org's credit account as the customer sees it.
 *
 * @param available credits the org can spend now: remaining grants minus holds minus
 * debt, never below 0
 * @param periodCredits what the org held at period start plus what it was granted during
 * the period
 * @param usedInPeriod usage charged in the period (from grants, overage and debt alike)
 * @param overageInPeriod billable overage in the period
 * @param overCapInPeriod usage recorded beyond a hard cap (not billable)
 */
public record Balance(Credits available, Credits held, Credits debt, BillingPeriod period, Credits periodCredits,
		Credits usedInPeriod, Credits overageInPeriod, Credits overCapInPeriod, boolean overageAllowed, SpendCap cap,
		String blockedReason, List<Grant> grants, List<Hold> holds, long ledgerSeq) {
}
