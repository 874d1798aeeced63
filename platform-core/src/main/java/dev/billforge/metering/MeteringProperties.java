package dev.billforge.metering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Usage ingestion settings under {@code billforge.metering}. */
@ConfigurationProperties("billforge.metering")
public class MeteringProperties {

	/**
	 * Oldest {@code occurredAt} accepted; later reports of older work are refused as
	 * invalid.
	 */
	private Duration maxEventAge = Duration.ofDays(35);

	/** How far in the future {@code occurredAt} may be (clock skew). */
	private Duration maxClockSkew = Duration.ofMinutes(5);

	/** Most events in one batch. */
	private int maxBatchSize = 1000;

	/**
	 * Event properties kept in the rollups, so usage can be grouped by them (e.g.
	 * operation).
	 */
	private List<String> rollupDimensions = new ArrayList<>(List.of("operation"));

	/**
	 * Distinct values of one rolled-up property that get their own slots per org, meter
	 * and UTC day; further values are counted under {@code other}. Keeps a rollup
	 * document far below 16 MB.
	 */
	private int rollupMaxValues = 100;

	/**
	 * Longest value of a rolled-up property kept in the rollups; longer values are cut.
	 */
	private int rollupValueMaxLength = 64;

	public int getRollupMaxValues() {
		return rollupMaxValues;
	}

	public void setRollupMaxValues(int rollupMaxValues) {
		this.rollupMaxValues = rollupMaxValues;
	}

	public int getRollupValueMaxLength() {
		return rollupValueMaxLength;
	}

	public void setRollupValueMaxLength(int rollupValueMaxLength) {
		this.rollupValueMaxLength = rollupValueMaxLength;
	}

	public Duration getMaxEventAge() {
		return maxEventAge;
	}

	public void setMaxEventAge(Duration maxEventAge) {
		this.maxEventAge = maxEventAge;
	}

	public Duration getMaxClockSkew() {
		return maxClockSkew;
	}

	public void setMaxClockSkew(Duration maxClockSkew) {
		this.maxClockSkew = maxClockSkew;
	}

	public int getMaxBatchSize() {
		return maxBatchSize;
	}

	public void setMaxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	public List<String> getRollupDimensions() {
		return rollupDimensions;
	}

	public void setRollupDimensions(List<String> rollupDimensions) {
		this.rollupDimensions = rollupDimensions;
	}

}
