package dev.billforge.billing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.valuemetric.Credits;

/**
 * An operator-managed enterprise contract: {@code creditsPerPeriod} granted each period
 * (no Stripe customer or card), periods of {@code intervalCount} × {@code interval}
 * counted from {@code anchor} in the org's time zone.
 *
 * @param status {@code active} or {@code ended}
 * @param cap the per-period spend cap on overage set with the contract, or null (none
 * set)
 * @param capMode {@code hard} or {@code soft} when {@code cap} is set
 * @param currentPeriodStart the period containing now (null before the anchor or once
 * ended)
 * @param lastGrantedPeriodStart start of the latest period whose allowance was granted,
 * or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterpriseContract(String orgId, String name, Credits creditsPerPeriod, String interval,
		int intervalCount, Instant anchor, boolean overageAllowed, Credits cap, String capMode, String status,
		Instant startedAt, Instant endedAt, Instant currentPeriodStart, Instant currentPeriodEnd,
		Instant lastGrantedPeriodStart) {

	public boolean active() {
		return "active".equals(status);
	}

	/** The terms as text, for an audit entry. */
	public Map<String, String> auditDetails() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("name", name);
		details.put("creditsPerPeriod", creditsPerPeriod.amount().toPlainString());
		details.put("period", intervalCount + " " + interval);
		details.put("anchor", anchor.toString());
		details.put("overageAllowed", String.valueOf(overageAllowed));
		details.put("cap", cap == null ? "unchanged" : cap.amount().toPlainString() + " " + capMode);
		details.put("status", status);
		return details;
	}

}
