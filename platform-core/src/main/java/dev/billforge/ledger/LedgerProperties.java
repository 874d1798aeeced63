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
	 * How old a commit of ANOTHER instance may be and still be missed by an entitlement check, which
	 * then answers from memory instead of asking the database. Checks are advisory (holds and debits
	 * are the atomic guard); balances, holds and debits always see every commit. 0 asks every time.
	 */
	private Duration checkStaleness = Duration.ofMillis(100);

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
