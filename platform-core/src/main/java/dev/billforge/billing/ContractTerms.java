package dev.billforge.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an operator sets for an enterprise contract; checked by
 * {@link EnterpriseContracts#put}.
 *
 * @param interval {@code day}, {@code week}, {@code month} or {@code year}; null: an
 * active contract's own, else {@code month}
 * @param intervalCount periods of this many intervals (1–36); null: an active contract's
 * own, else 1
 * @param anchor when the first period starts; null: an active contract's own, else now.
 * Later periods follow it
 * @param cap per-period spend cap on overage (null: leave the org's cap as it is)
 * @param capMode {@code hard} (default) or {@code soft}
 */
public record ContractTerms(String name, BigDecimal creditsPerPeriod, String interval, Integer intervalCount,
		Instant anchor, Boolean overageAllowed, BigDecimal cap, String capMode) {
}
