package dev.billforge.telemetry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.orgs.Orgs;
import dev.billforge.telemetry.TelemetryQueries;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The generic telemetry pages inside the platform layout, for any tenant with telemetry
 * on: traces (filters, pages), a trace's waterfall and agent steps, sessions, cost and
 * tokens per model and agent, the Claude Code dashboard, and the quick start (endpoint, a
 * one-click API key, set-ups). Everything is read within the signed-in person's current
 * org; another org's trace is 404.
 */
@Controller
@ProductPage
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
@RequestMapping("/telemetry")
class TelemetryPagesController {

	private static final int PAGE_SIZE = 50;

	private final TelemetryQueries queries;

	private final WebOrgs orgs;

	private final Orgs orgDirectory;

	private final Clock clock;

	private final String endpoint;

	TelemetryPagesController(TelemetryQueries queries, WebOrgs orgs, Orgs orgDirectory, Clock clock,
			@Value("${billforge.telemetry.endpoint:${billforge.billing.public-base-url:http://localhost:8080}}") String endpoint) {
		this.queries = queries;
		this.orgs = orgs;
		this.orgDirectory = orgDirectory;
		this.clock = clock;
		this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

	@GetMapping("/traces")
	String traces(HttpServletRequest request, Model model, @RequestParam(required = false) String service,
			@RequestParam(required = false) String agent,
			@RequestParam(name = "model", required = false) String llmModel,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long minMs,
			@RequestParam(required = false) Long maxMs, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page) {
		CurrentOrg org = orgs.require(request);
		TelemetryQueries.TraceFilter filter = new TelemetryQueries.TraceFilter(bounded("service", service),
				bounded("agent", agent), bounded("model", llmModel),
				"error".equals(status) || "ok".equals(status) ? status : null, durationMs("minMs", minMs),
				durationMs("maxMs", maxMs), day(from, null), day(to, 1), bounded("q", q));
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("result", queries.traces(org.orgId(), filter, page, PAGE_SIZE));
		model.addAttribute("zone", org.timeZone());
		return "telemetry/traces";
	}

	@GetMapping("/traces/{traceId}")
	String trace(@PathVariable String traceId, HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		model.addAttribute("trace",
				queries.trace(org.orgId(), traceId).orElseThrow(() -> ProblemException.notFound("trace")));
		model.addAttribute("zone", org.timeZone());
		return "telemetry/trace";
	}

	@GetMapping("/sessions")
	String sessions(HttpServletRequest request, Model model, @RequestParam(defaultValue = "30") int days) {
		CurrentOrg org = orgs.require(request);
		Instant to = clock.instant();
		model.addAttribute("sessions",
				queries.sessions(org.orgId(), to.minus(Duration.ofDays(clampDays(days))), to, 200));
		model.addAttribute("zone", org.timeZone());
		return "telemetry/sessions";
	}

	@GetMapping("/costs")
	String costs(HttpServletRequest request, Model model, @RequestParam(defaultValue = "30") int days) {
		CurrentOrg org = orgs.require(request);
		Instant to = clock.instant();
		Instant from = to.minus(Duration.ofDays(clampDays(days)));
		model.addAttribute("byModel", queries.costs(org.orgId(), from, to, "model"));
		model.addAttribute("byAgent", queries.costs(org.orgId(), from, to, "agent"));
		model.addAttribute("perDay", queries.costPerDay(org.orgId(), from, to));
		model.addAttribute("days", clampDays(days));
		return "telemetry/costs";
	}

	@GetMapping("/claude-code")
	String claudeCode(HttpServletRequest request, Model model, @RequestParam(defaultValue = "30") int days) {
		CurrentOrg org = orgs.require(request);
		Instant to = clock.instant();
		model.addAttribute("cc", queries.claudeCode(org.orgId(), to.minus(Duration.ofDays(clampDays(days))), to));
		model.addAttribute("days", clampDays(days));
		return "telemetry/claude-code";
	}

	@GetMapping("/quick-start")
	String quickStart(HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		model.addAttribute("canCreateKey", org.role().canManageApiKeys());
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("key", "YOUR_API_KEY");
		return "telemetry/quick-start";
	}

	/**
	 * One click: a new API key shown once, in the set-ups (rendered directly, never in a
	 * URL).
	 */
	@PostMapping("/quick-start/key")
	String createKey(HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		if (!org.role().canManageApiKeys()) {
			throw new ProblemException(403, "forbidden", "your role may not create API keys");
		}
		model.addAttribute("canCreateKey", true);
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("key", orgDirectory.createApiKey(org.orgId(), "OpenTelemetry quick start").key());
		model.addAttribute("issued", true);
		return "telemetry/quick-start";
	}

	private static int clampDays(int days) {
		return Math.max(1, Math.min(days, 3660));
	}

	/**
	 * The longest duration filter (about 31 years): its nanoseconds stay within a long.
	 */
	private static final long MAX_DURATION_MS = 1_000_000_000_000L;

	private static Long durationMs(String field, Long value) {
		if (value != null && (value < 0 || value > MAX_DURATION_MS)) {
			throw ProblemException.invalid(field, field + " is from 0 to " + MAX_DURATION_MS + " milliseconds");
		}
		return value;
	}

	/**
	 * A filter as typed: at most 200 characters, no control characters (the store refuses
	 * a NUL in a pattern).
	 */
	private static String bounded(String field, String value) {
		return TextInput.optional(field, value, 200);
	}

	/**
	 * A yyyy-MM-dd day (UTC) as an instant, plus {@code plusDays}; null when absent or
	 * malformed.
	 */
	private static Instant day(String value, Integer plusDays) {
		if (value == null || value.isBlank() || value.length() > 10) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value);
			return day.plusDays(plusDays == null ? 0 : plusDays).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
