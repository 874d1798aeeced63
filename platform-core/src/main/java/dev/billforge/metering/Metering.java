package dev.billforge.metering;

import java.math.BigDecimal;
import java.util.List;

import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/** Records usage events and rates quantities, for the API and for products' own code. */
public interface Metering {

	/** Rates and records validated events, exactly once per (org, idempotency key). */
	List<UsageOutcome> record(OrgId org, List<UsageEvent> events, boolean enforce);

	/** What a quantity of a meter costs in credits. */
	Credits rate(String meter, BigDecimal quantity);

}
