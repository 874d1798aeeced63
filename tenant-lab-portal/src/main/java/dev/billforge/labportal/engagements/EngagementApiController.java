package dev.billforge.labportal.engagements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Engagements for a client's own tools (org API key), read only: every step that moves
 * credits stays on the pages, where the acting member's role is known. The org is the API
 * key's; another org's engagement is 404, as is an id that cannot be one (the service
 * checks its shape before any lookup).
 */
@RestController
@Tag(name = "engagements")
@RequestMapping("/api/v1/engagements")
class EngagementApiController {

	private final EngagementService engagements;

	EngagementApiController(EngagementService engagements) {
		this.engagements = engagements;
	}

	@Operation(operationId = "listEngagements", summary = "The org's engagements, newest first (at most 200)")
	@GetMapping
	EngagementList list(OrgId org) {
		return new EngagementList(engagements.list(org).stream().map(e -> EngagementResponse.of(e, null)).toList());
	}

	@Operation(operationId = "getEngagement",
			summary = "One engagement with its weekly approvals, changes and time entries")
	@GetMapping("/{id}")
	EngagementResponse get(OrgId org, @PathVariable String id) {
		Engagement engagement = engagements.find(org, id).orElseThrow(() -> ProblemException.notFound("engagement"));
		return EngagementResponse.of(engagement,
				engagements.entries(org, engagement.id()).stream().map(TimeEntryResponse::of).toList());
	}

	record EngagementList(List<EngagementResponse> engagements) {
	}

	/** Hours and credits as decimal strings, like every amount of the API. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Engagement")
	record EngagementResponse(String id, String title, @Schema(allowableValues = {
			"proposed", "active", "closed" }) String status, String estimatedHours,
			@Schema(description = "Credits per hour (the consulting_hour meter's rate when it was proposed).") String rate,
			@Schema(description = "The estimate plus every approved change.") String budgetHours, String loggedHours,
			String approvedHours, @Schema(description = "Credits held now.") String held,
			@Schema(description = "Credits charged for approved hours.") String charged, String proposedBy,
			Instant proposedAt, Instant acceptedAt, Instant closedAt, List<WeekResponse> approvals,
			List<ChangeResponse> changes,
			@Schema(description = "Only on GET /api/v1/engagements/{id}: newest day first.") List<TimeEntryResponse> timeEntries){

		static EngagementResponse of(Engagement e, List<TimeEntryResponse> entries) {
			return new EngagementResponse(e.id(), e.title(), e.status().code(), e.estimatedHours().toPlainString(),
					plain(e.rate()), e.budgetHours().toPlainString(), e.loggedHours().toPlainString(),
					e.approvedHours().toPlainString(), plain(e.held()), plain(e.charged()), e.proposedBy(),
					e.proposedAt(), e.acceptedAt(), e.closedAt(), e.approvals().stream().map(WeekResponse::of).toList(),
					e.changes().stream().map(ChangeResponse::of).toList(), entries);
		}

	}

	@Schema(name = "EngagementWeekApproval")
	record WeekResponse(int number, LocalDate week, String hours, String credits, String approvedBy,
			Instant approvedAt) {

		static WeekResponse of(Engagement.WeekApproval w) {
			return new WeekResponse(w.number(), w.week(), w.hours().toPlainString(), plain(w.credits()), w.approvedBy(),
					w.approvedAt());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "EngagementChange")
	record ChangeResponse(int number, String hours, String reason, String requestedBy, Instant requestedAt,
			boolean approved, String approvedBy) {

		static ChangeResponse of(Engagement.Change c) {
			return new ChangeResponse(c.number(), c.hours().toPlainString(), c.reason(), c.requestedBy(),
					c.requestedAt(), c.approved(), c.approvedBy());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "EngagementTimeEntry")
	record TimeEntryResponse(String id, String consultant, LocalDate date,
			@Schema(description = "Monday of the entry's ISO week.") LocalDate week, String hours, String note,
			boolean approved, Instant loggedAt) {

		static TimeEntryResponse of(TimeEntry t) {
			return new TimeEntryResponse(t.id(), t.consultant(), t.date(), t.week(), t.hours().toPlainString(),
					t.note(), t.approved(), t.loggedAt());
		}

	}

	private static String plain(Credits credits) {
		return credits == null ? null : credits.amount().toPlainString();
	}

}
