package dev.billforge.ledger;

import dev.billforge.valuemetric.Credits;

/** A per-period limit on billable overage. */
public record SpendCap(Credits credits, CapMode mode) {
}
