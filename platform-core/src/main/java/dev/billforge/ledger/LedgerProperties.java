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

	public Duration getSweepInterval() {
		return sweepInterval;
	}

	public void setSweepInterval(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

}
