package dev.billforge.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Ledger settings under {@code billforge.ledger}. */
@ConfigurationProperties("billforge.ledger")
public class LedgerProperties {

	/** Time-to-live of a hold when the request names none. */
	private Duration defaultHoldTtl = Duration.ofMinutes(15);

	/** Longest time-to-live a hold may ask for. */
	private Duration maxHoldTtl = Duration.ofHours(24);

	/** How often due expiries and period rollovers are applied to idle accounts. */
	private Duration sweepInterval = Duration.ofMinutes(1);

	/**
	 * How old a commit of ANOTHER instance may be and still be missed by an entitlement
	 * check, which then answers from memory instead of asking the database. Checks are
	 * advisory (holds and debits are the atomic guard); balances, holds and debits always
	 * see every commit. 0 asks every time.
	 */
	private Duration checkStaleness = Duration.ofMillis(100);

	/**
	 * Most open holds per org; a further hold is refused with {@code too_many_holds}
	 * (HTTP 429).
	 */
	private int maxOpenHolds = 1000;

	/**
	 * Drains in which a commit's read models (usage rollups, notifications, overage
	 * records) may fail before the commit is parked for an operator's rebuild and the
	 * org's later commits go on.
	 */
	private int projectionAttempts = 3;

	/**
	 * Most accounts kept in memory; the least recently used are dropped (and reloaded
	 * when needed).
	 */
	private int maxCachedAccounts = 10_000;

	/** How long an account nobody used stays in memory. */
	private Duration accountIdle = Duration.ofMinutes(30);

	/**
	 * Most op keys of one org answered from memory because the store has not taken them
	 * yet; past it the org's writes are refused ({@code ledger_unavailable}, HTTP 503)
	 * until the store recovers.
	 */
	private int maxUnprojectedKeys = 50_000;

	public int getMaxOpenHolds() {
		return maxOpenHolds;
	}

	public void setMaxOpenHolds(int maxOpenHolds) {
		this.maxOpenHolds = maxOpenHolds;
	}

	public int getProjectionAttempts() {
		return projectionAttempts;
	}

	public void setProjectionAttempts(int projectionAttempts) {
		this.projectionAttempts = projectionAttempts;
	}

	public int getMaxCachedAccounts() {
		return maxCachedAccounts;
	}

	public void setMaxCachedAccounts(int maxCachedAccounts) {
		this.maxCachedAccounts = maxCachedAccounts;
	}

	public Duration getAccountIdle() {
		return accountIdle;
	}

	public void setAccountIdle(Duration accountIdle) {
		this.accountIdle = accountIdle;
	}

	public int getMaxUnprojectedKeys() {
		return maxUnprojectedKeys;
	}

	public void setMaxUnprojectedKeys(int maxUnprojectedKeys) {
		this.maxUnprojectedKeys = maxUnprojectedKeys;
	}

	public Duration getDefaultHoldTtl() {
		return defaultHoldTtl;
	}

	public void setDefaultHoldTtl(Duration defaultHoldTtl) {
		this.defaultHoldTtl = defaultHoldTtl;
	}

	public Duration getMaxHoldTtl() {
		return maxHoldTtl;
	}

	public void setMaxHoldTtl(Duration maxHoldTtl) {
		this.maxHoldTtl = maxHoldTtl;
	}

	public Duration getCheckStaleness() {
		return checkStaleness;
	}

	public void setCheckStaleness(Duration checkStaleness) {
		this.checkStaleness = checkStaleness;
	}

	public Duration getSweepInterval() {
		return sweepInterval;
	}

	public void setSweepInterval(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

}
