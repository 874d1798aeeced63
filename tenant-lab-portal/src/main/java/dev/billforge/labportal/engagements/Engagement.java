package dev.billforge.labportal.engagements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.billforge.valuemetric.Credits;

/**
 * A consulting engagement of one client org.
 *
 * @param rate credits per hour, the {@code consulting_hour} meter's rate when it was
 * proposed
 * @param budgetHours the estimate plus every approved change: hours that may be logged
 * @param loggedHours every hour logged (approved or not)
 * @param approvedHours hours the client approved, each charged once
 * @param held credits held for it now (the open holds)
 * @param charged credits charged for approved hours
 */
public record Engagement(String id, String title, EngagementStatus status, BigDecimal estimatedHours, Credits rate,
		BigDecimal budgetHours, BigDecimal loggedHours, BigDecimal approvedHours, Credits held, Credits charged,
		String proposedBy, Instant proposedAt, Instant acceptedAt, Instant closedAt, List<WeekApproval> approvals,
		List<Change> changes) {

	/**
	 * One weekly approval: the hours of the week's entries it covered and the credits
	 * charged for them.
	 */
	public record WeekApproval(int number, LocalDate week, BigDecimal hours, Credits credits, String approvedBy,
			Instant approvedAt) {
	}

	/**
	 * Work beyond the estimate: requested by a consultant, held when the client approves
	 * it.
	 */
	public record Change(int number, BigDecimal hours, String reason, String requestedBy, Instant requestedAt,
			boolean approved, String approvedBy) {
	}

}
