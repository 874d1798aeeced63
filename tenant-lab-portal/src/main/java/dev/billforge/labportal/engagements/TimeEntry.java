package dev.billforge.labportal.engagements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Hours a consultant logged on one day; {@code week} is the Monday of its ISO week, the
 * unit the client approves. {@code approval} is the number of the weekly approval that
 * charged it, or 0.
 */
public record TimeEntry(String id, String engagementId, String consultant, LocalDate date, LocalDate week,
		BigDecimal hours, String note, int approval, Instant loggedAt) {

	public boolean approved() {
		return approval > 0;
	}

}
