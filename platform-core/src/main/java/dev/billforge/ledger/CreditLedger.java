package dev.billforge.ledger;

import java.time.Duration;
import java.util.List;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * An org's credit account. Every method is safe under any concurrency and across
 * instances, and every write is idempotent on its key: a repeated request gets the first
 * answer, never a second charge. The rules are in {@code docs/ledger.md}.
 */
public interface CreditLedger {

	/** The balance as of now; opens the account (with the free tier) on first access. */
	Balance balance(OrgId org);

	/** Whether work costing {@code credits} may start now. */
	CheckResult check(OrgId org, Credits credits);

	/**
	 * Records rated usage, exactly once per (org, idempotency key) forever. Without
	 * {@code enforce} usage is a fact and is always recorded (as overage or debt when
	 * unfunded); with it, events that cannot be funded are rejected and nothing is
	 * recorded for them.
	 */
	List<UsageOutcome> recordUsage(OrgId org, List<UsageCharge> charges, boolean enforce);

	/**
	 * Holds credits for a job of unknown cost; idempotent on {@code key}.
	 * @throws CreditsDeniedException when the credits cannot be held
	 */
	Reservation reserve(OrgId org, String key, Credits credits, String meter, Duration ttl);

	/**
	 * Charges a hold with the actual cost and releases the rest; a repeated commit
	 * returns the first result.
	 */
	default Reservation commit(OrgId org, String reservationId, Credits actual) {
		return commit(org, reservationId, actual, java.util.Map.of());
	}

	/**
	 * {@link #commit(OrgId, String, Credits)} whose charge carries {@code dimensions}
	 * (e.g. {@code operation=extract}) into the ledger entry and on to read models such
	 * as the usage rollups, like a usage event's properties. A repeated commit keeps the
	 * first commit's dimensions.
	 */
	Reservation commit(OrgId org, String reservationId, Credits actual, java.util.Map<String, String> dimensions);

	Reservation release(OrgId org, String reservationId);

	/** Adds credits, idempotent on the request's key; a grant pays any debt first. */
	GrantReceipt grant(OrgId org, GrantRequest request);

	/**
	 * Takes credits back, from one grant (e.g. a refunded pack) or in consumption order;
	 * what was already spent becomes debt. Idempotent on {@code key}.
	 */
	void clawBack(OrgId org, String key, Credits credits, String grantId, String reason);

	/** Sets (or with null clears) the per-period spend cap on overage. */
	void setSpendCap(OrgId org, SpendCap cap);

	void setOverageAllowed(OrgId org, boolean allowed);

	/**
	 * The org's own alert thresholds (percent of its period credits; at most 5, each
	 * 1–100); an empty list goes back to the tenant's defaults. A new threshold the org
	 * has already passed in the current period fires with its next charge (once per
	 * period, as every threshold).
	 */
	void setAlertThresholds(OrgId org, List<Integer> percents);

	/** The thresholds alerts fire at for this org: its own, or the tenant's defaults. */
	List<Integer> alertThresholds(OrgId org);

	/**
	 * Stops new work (checks and holds are denied) until {@link #unblock}; usage is still
	 * recorded.
	 */
	void block(OrgId org, String reason);

	void unblock(OrgId org);

	/** Starts the billing period a subscription reports; idempotent on {@code key}. */
	void startPeriod(OrgId org, String key, BillingPeriod period);

	/** Ledger entries, newest first; {@code cursor} null for the first page. */
	LedgerPage entries(OrgId org, String cursor, int limit);

	List<Alert> alerts(OrgId org, int limit);

	/** Replays the whole ledger and compares it with the current balances. */
	LedgerVerification verify(OrgId org);

	/**
	 * Applies due hold and grant expiries and period rollovers to the accounts whose due
	 * date has come (not to every account); returns how many accounts were read.
	 */
	int settleDueAccounts();

}
