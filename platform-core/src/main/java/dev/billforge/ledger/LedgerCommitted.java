package dev.billforge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/** A ledger commit as read models see it: the usage it charged and any period that closed. */
public record LedgerCommitted(OrgId orgId, long seq, List<Charged> charges, List<PeriodClosed> closedPeriods,
		List<Alert> alerts) {

	/** Usage charged by one op (a usage event or a committed hold). */
	public record Charged(String opKey, String meter, BigDecimal quantity, Credits credits, Instant occurredAt,
			Map<String, String> dimensions) {

		/**
		 * The {@link #opKey()} of the charge a {@link CreditLedger#commit} of this reservation makes,
		 * so read models can attach what they know about the job (e.g. metering's commit labels).
		 */
		public static String commitOpKey(String reservationId) {
			return "commit:" + reservationId;
		}

	}

	/** A billing period that ended, with its billable overage. */
	public record PeriodClosed(BillingPeriod period, Credits used, Credits overage, Credits overCap) {
	}

}
