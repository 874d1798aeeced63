package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.metering.Metering;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.Meter;
import dev.billforge.valuemetric.ValueMetric;

@Service
class UsageService implements Metering {

	private final CreditLedger ledger;

	private final ValueMetric metric;

	private final Set<String> rollupDimensions;

	UsageService(CreditLedger ledger, ValueMetric metric, MeteringProperties properties) {
		this.ledger = ledger;
		this.metric = metric;
		this.rollupDimensions = Set.copyOf(properties.getRollupDimensions());
	}

	@Override
	public Reservation commit(OrgId org, String reservationId, Credits actual, Map<String, String> properties) {
		return ledger.commit(org, reservationId, actual, dimensions(properties));
	}

	/** The properties the rollups keep (billforge.metering.rollup-dimensions). */
	private Map<String, String> dimensions(Map<String, String> properties) {
		Map<String, String> dimensions = new LinkedHashMap<>();
		properties.forEach((name, value) -> {
			if (rollupDimensions.contains(name) && value != null && !value.isBlank()) {
				dimensions.put(name, value);
			}
		});
		return dimensions;
	}

	@Override
	public List<UsageOutcome> record(OrgId org, List<UsageEvent> events, boolean enforce) {
		List<UsageCharge> charges = events.stream().map(this::charge).toList();
		List<UsageOutcome> outcomes = ledger.recordUsage(org, charges, enforce);
		countOutcomes(outcomes);
		return outcomes;
	}

	/**
	 * One counter increment per (status, reason) of the batch, not one registry look-up
	 * per event.
	 */
	private static void countOutcomes(List<UsageOutcome> outcomes) {
		Map<List<String>, Integer> counts = new LinkedHashMap<>();
		for (UsageOutcome outcome : outcomes) {
			String reason = outcome.rejectedFor() == null ? null : outcome.rejectedFor().name();
			counts.merge(java.util.Arrays.asList(outcome.status().code(), reason), 1, Integer::sum);
		}
		counts
			.forEach((key, count) -> dev.billforge.common.BillforgeMetrics.usageEvents(key.get(0), key.get(1), count));
	}

	private UsageCharge charge(UsageEvent event) {
		return new UsageCharge(event.idempotencyKey(), fingerprint(event), event.meter(), event.quantity(),
				rate(event.meter(), event.quantity()), event.occurredAt(), dimensions(event.properties()));
	}

	/**
	 * A repeated key is a duplicate when meter and quantity match, a conflict otherwise.
	 */
	static String fingerprint(UsageEvent event) {
		return event.meter() + "|" + event.quantity().stripTrailingZeros().toPlainString();
	}

	@Override
	public Credits rate(String meterName, BigDecimal quantity) {
		Meter meter = metric.meter(meterName)
			.orElseThrow(() -> ProblemException.invalid("meter", "unknown meter " + meterName));
		return meter.rate(quantity, metric.scale(), metric.rounding());
	}

}
