package dev.billforge.metering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/** Records usage events and rates quantities, for the API and for products' own code. */
public interface Metering {

	/** Rates and records validated events, exactly once per (org, idempotency key). */
	List<UsageOutcome> record(OrgId org, List<UsageEvent> events, boolean enforce);

	/**
	 * Commits a hold ({@link CreditLedger#commit}) and labels the charge with usage
	 * properties (e.g. {@code operation=extract}), so the usage rollups and the dashboard
	 * group the job like a usage event with those properties. Only properties listed in
	 * {@code billforge.metering.rollup-dimensions} are kept. They are part of the
	 * ledger's commit entry; a repeated call keeps the first labels and is charged once,
	 * as with {@link CreditLedger#commit}.
	 */
	Reservation commit(OrgId org, String reservationId, Credits actual, Map<String, String> properties);

	/** What a quantity of a meter costs in credits. */
	Credits rate(String meter, BigDecimal quantity);

}
