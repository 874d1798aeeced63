package dev.billforge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * A ledger commit as read models see it: the usage it charged and any period that closed.
 */
public record LedgerCommitted(OrgId orgId, long seq, List<Charged> charges, List<PeriodClosed> closedPeriods,
		List<Alert> alerts) {

	/** Usage charged by one op (a usage event or a committed hold). */
	public record Charged(String opKey, String meter, BigDecimal quantity, Credits credits, Instant occurredAt,
			Map<String, String> dimensions) {

	}

	/** A billing period that ended, with its billable overage. */
	public record PeriodClosed(BillingPeriod period, Credits used, Credits overage, Credits overCap) {
	}

}
