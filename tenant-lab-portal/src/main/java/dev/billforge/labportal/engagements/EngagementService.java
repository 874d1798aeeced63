package dev.billforge.labportal.engagements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.labportal.engagements.Engagement.Change;
import dev.billforge.labportal.engagements.EngagementStore.HeldCredits;
import dev.billforge.labportal.engagements.EngagementStore.Pending;
import dev.billforge.labportal.engagements.EngagementStore.Stored;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The engagement life cycle and its money. The money rule: accepting an engagement holds
 * {@code estimate × rate} (key {@code engagement:<id>:hold:0}); each weekly approval
 * charges {@code approved hours × rate} (rounded up to the credit precision) against the
 * open holds by committing them — a ledger hold commits once — and holds what is left
 * again under a new key ({@code engagement:<id>:hold:<approval>}); an approved change
 * holds {@code hours × rate} under {@code engagement:<id>:change:<n>}; closing releases
 * every open hold. Between a commit and the new hold the remainder is briefly available:
 * if other usage takes it, the new hold is refused and the engagement goes on without one
 * — later approved hours are still charged, as usage (overage or debt as the plan says),
 * never dropped. Every step is one compare-and-set on the engagement that also records
 * the ledger work it owes ({@code pending}); the work is idempotent and deterministic
 * from that record, so a retry or the sweep after a crash finishes it with the same
 * amounts.
 */
@Service
public class EngagementService {

	/** The meter whose rate prices an hour. */
	public static final String METER = "consulting_hour";

	/**
	 * The dimension the charges carry into the usage rollups (dashboard "by operation").
	 */
	static final Map<String, String> DIMENSIONS = Map.of("operation", "consulting");

	/**
	 * Engagements run for months; a hold outlives a long one (a commit after expiry is
	 * still charged).
	 */
	static final Duration HOLD_TTL = Duration.ofDays(400);

	/**
	 * A step another request is running is left to it for this long before anyone else
	 * finishes it.
	 */
	static final Duration STEP_GRACE = Duration.ofSeconds(30);

	static final BigDecimal MAX_ESTIMATE = BigDecimal.valueOf(10_000);

	static final BigDecimal MAX_ENTRY = BigDecimal.valueOf(24);

	private static final int MAX_TITLE = 200;

	private static final int MAX_TEXT = 1000;

	private static final int ATTEMPTS = 200;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EngagementStore store;

	private final WeeklyCharges steps;

	private final CreditLedger ledger;

	private final ValueMetric metric;

	private final Clock clock;

	EngagementService(EngagementStore store, WeeklyCharges steps, CreditLedger ledger, ValueMetric metric,
			Clock clock) {
		this.store = store;
		this.steps = steps;
		this.ledger = ledger;
		this.metric = metric;
		this.clock = clock;
	}

	/**
	 * The client's side: accepts engagements, approves weeks and changes, closes; never a
	 * consultant.
	 */
	public static boolean isClient(Role role) {
		return role == Role.OWNER || role == Role.ADMIN || role == Role.BILLING || role == Role.REVIEWER;
	}

	/** The consulting firm's side: proposes engagements and changes, logs time. */
	public static boolean isConsultant(Role role) {
		return role == Role.CONSULTANT;
	}

	/** Consultants propose engagements; so may the client's owners and admins. */
	public static boolean mayPropose(Role role) {
		return isConsultant(role) || role == Role.OWNER || role == Role.ADMIN;
	}

	public Engagement propose(OrgId org, Person who, String title, String estimatedHours) {
		String name = TextInput.required("title", title, MAX_TITLE);
		BigDecimal hours = hours("estimatedHours", estimatedHours, MAX_ESTIMATE);
		requireRole(who, EngagementService::mayPropose, "propose an engagement");
		Credits rate = new Credits(metric.meter(METER)
			.orElseThrow(() -> new IllegalStateException("the Lab portal needs the meter " + METER))
			.creditsPerUnit());
		Engagement engagement = new Engagement("eng_" + HexFormat.of().formatHex(randomBytes()), name,
				EngagementStatus.PROPOSED, hours, rate, hours, BigDecimal.ZERO, BigDecimal.ZERO, Credits.ZERO,
				Credits.ZERO, who.email(), now(), null, null, List.of(), List.of());
		store.insert(org, engagement);
		return engagement;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	public Optional<Engagement> find(OrgId org, String id) {
		return validId(id) ? store.find(org, id).map(Stored::engagement) : Optional.empty();
	}

	public List<Engagement> list(OrgId org) {
		return store.list(org, 200);
	}

	/** The engagement's time entries, newest day first. */
	public List<TimeEntry> entries(OrgId org, String id) {
		load(org, id);
		return store.entries(org, id, 1000);
	}

	/**
	 * The client accepts: the estimate is held; repeating it changes nothing (same hold
	 * key).
	 */
	public Engagement accept(OrgId org, String id, Person who) {
		requireRole(who, EngagementService::isClient, "accept an engagement");
		Engagement engagement = load(org, id).engagement();
		if (engagement.status() == EngagementStatus.ACTIVE) {
			return engagement;
		}
		requireStatus(engagement, EngagementStatus.PROPOSED, "accepted");
		Credits credits = cost(engagement.rate(), engagement.estimatedHours());
		HeldCredits hold = hold(org, "engagement:" + id + ":hold:0", credits, "Accepting this engagement");
		Optional<Stored> accepted = store.update(org, id,
				Updates.combine(Updates.set("status", EngagementStatus.ACTIVE.code()),
						Updates.set("acceptedAt", EngagementStore.date(now())), Updates.set("acceptedBy", who.email()),
						Updates.set("held", plain(hold.credits())),
						Updates.set("holds",
								EngagementStore.holds(List.of(hold), new org.bson.Document()).get("holds"))),
				Filters.eq("status", EngagementStatus.PROPOSED.code()));
		// Lost a race with another acceptance: it used the same hold key, so there is one
		// hold.
		return accepted.map(Stored::engagement).orElseGet(() -> settled(org, id, EngagementStatus.ACTIVE, "accepted"));
	}

	/**
	 * A consultant logs hours on a day; the engagement's budget (estimate plus approved
	 * changes) bounds them.
	 */
	public TimeEntry logTime(OrgId org, String id, Person who, String day, String hours, String note) {
		LocalDate date = date("date", day);
		BigDecimal logged = hours("hours", hours, MAX_ENTRY);
		String text = TextInput.optional("note", note, MAX_TEXT);
		requireRole(who, EngagementService::isConsultant, "log time");
		if (date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
			throw ProblemException.invalid("date", "time can be logged for today or earlier");
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Engagement e = load(org, id).engagement();
			requireStatus(e, EngagementStatus.ACTIVE, "logged against");
			BigDecimal after = e.loggedHours().add(logged);
			if (after.compareTo(e.budgetHours()) > 0) {
				throw ProblemException.conflict("over_estimate",
						"logging " + logged.toPlainString() + " h would pass the engagement's "
								+ e.budgetHours().toPlainString()
								+ " h; work beyond the estimate needs a change the client approves");
			}
			// The budget only grows, so checking against the hours read is safe; a
			// concurrent log retries.
			if (store
				.update(org, id, Updates.set("loggedHours", EngagementStore.dec(after)),
						Filters.eq("loggedHours", EngagementStore.dec(e.loggedHours())),
						Filters.eq("status", EngagementStatus.ACTIVE.code()))
				.isPresent()) {
				TimeEntry entry = new TimeEntry("te_" + HexFormat.of().formatHex(randomBytes()), id, who.email(), date,
						date.with(DayOfWeek.MONDAY), logged, text, 0, now());
				store.insertEntry(org, entry);
				return entry;
			}
		}
		throw busy();
	}

	/**
	 * The client approves the week's logged entries: their hours are charged against the
	 * hold. Two approvals of the same week at once charge it once; approving a week again
	 * charges only entries logged since.
	 */
	public Engagement approveWeek(OrgId org, String id, Person who, String weekText) {
		LocalDate week = date("week", weekText).with(DayOfWeek.MONDAY);
		requireRole(who, EngagementService::isClient, "approve time");
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Stored stored = load(org, id);
			if (stored.pending() != null) {
				waitOrFinish(stored);
				continue;
			}
			Engagement e = stored.engagement();
			requireStatus(e, EngagementStatus.ACTIVE, "approved");
			if (!store.hasUnapproved(org, id, week)) {
				// Read again: a twin may have claimed the week's entries after this
				// request's first read.
				Stored now = load(org, id);
				if (now.pending() != null) {
					waitOrFinish(now);
					continue;
				}
				if (now.engagement().approvals().stream().anyMatch(a -> a.week().equals(week))) {
					return now.engagement(); // approved already (by this request's twin,
												// or before)
				}
				throw ProblemException.conflict("nothing_to_approve",
						"no unapproved time is logged in the week of " + week);
			}
			int number = stored.approvalSeq() + 1;
			Pending charge = new Pending(Pending.CHARGE, number, week, who.email(), now(), null, null, stored.holds());
			Optional<Stored> claimed = store.update(org, id,
					Updates.combine(Updates.set("approvalSeq", number),
							Updates.set("pending", EngagementStore.pending(charge))),
					Filters.eq("approvalSeq", stored.approvalSeq()), Filters.eq("pending", null),
					Filters.eq("status", EngagementStatus.ACTIVE.code()));
			if (claimed.isPresent()) {
				return steps.run(claimed.get()).engagement();
			}
		}
		throw busy();
	}

	/**
	 * A consultant asks for hours beyond the estimate; nothing is held until the client
	 * approves.
	 */
	public Engagement requestChange(OrgId org, String id, Person who, String hours, String reason) {
		BigDecimal extra = hours("hours", hours, MAX_ESTIMATE);
		String why = TextInput.required("reason", reason, MAX_TEXT);
		requireRole(who, EngagementService::isConsultant, "request a change");
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Engagement e = load(org, id).engagement();
			requireStatus(e, EngagementStatus.ACTIVE, "changed");
			int n = e.changes().size();
			Change change = new Change(n + 1, extra, why, who.email(), now(), false, null);
			Optional<Stored> added = store.update(org, id, Updates.push("changes", EngagementStore.change(change)),
					Filters.size("changes", n), Filters.eq("status", EngagementStatus.ACTIVE.code()));
			if (added.isPresent()) {
				return added.get().engagement();
			}
		}
		throw busy();
	}

	/**
	 * The client approves a change: its hours are held as a new hold and join the budget.
	 */
	public Engagement approveChange(OrgId org, String id, Person who, int number) {
		requireRole(who, EngagementService::isClient, "approve a change");
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Stored stored = load(org, id);
			Engagement e = stored.engagement();
			Change change = e.changes()
				.stream()
				.filter(c -> c.number() == number)
				.findFirst()
				.orElseThrow(() -> ProblemException.notFound("change"));
			if (change.approved()) {
				return e;
			}
			requireStatus(e, EngagementStatus.ACTIVE, "changed");
			if (stored.pending() != null) {
				waitOrFinish(stored);
				continue;
			}
			Credits credits = cost(e.rate(), change.hours());
			HeldCredits hold = hold(org, "engagement:" + id + ":change:" + number, credits, "Approving this change");
			Optional<Stored> approved = store.update(org, id,
					Updates.combine(Updates.set("changes." + (number - 1) + ".approved", true),
							Updates.set("changes." + (number - 1) + ".approvedBy", who.email()),
							Updates.set("budgetHours", EngagementStore.dec(e.budgetHours().add(change.hours()))),
							Updates.set("held", plain(e.held().plus(credits))),
							Updates.push("holds",
									new org.bson.Document("id", hold.holdId()).append("credits", plain(credits)))),
					Filters.eq("changes." + (number - 1) + ".approved", false), Filters.eq("pending", null),
					Filters.eq("budgetHours", EngagementStore.dec(e.budgetHours())),
					Filters.eq("held", plain(e.held())), Filters.eq("status", EngagementStatus.ACTIVE.code()));
			if (approved.isPresent()) {
				return approved.get().engagement();
			}
		}
		throw busy();
	}

	/**
	 * The client closes: every open hold is released; time not approved by then is not
	 * charged.
	 */
	public Engagement close(OrgId org, String id, Person who) {
		requireRole(who, EngagementService::isClient, "close an engagement");
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Stored stored = load(org, id);
			if (stored.pending() != null) {
				waitOrFinish(stored);
				continue;
			}
			if (stored.engagement().status() == EngagementStatus.CLOSED) {
				return stored.engagement();
			}
			Pending release = new Pending(Pending.RELEASE, 0, null, who.email(), now(), null, null, stored.holds());
			Optional<Stored> closing = store.update(org, id,
					Updates.combine(Updates.set("status", EngagementStatus.CLOSED.code()),
							Updates.set("closedAt", EngagementStore.date(now())),
							Updates.set("pending", EngagementStore.pending(release))),
					Filters.eq("status", stored.engagement().status().code()), Filters.eq("pending", null));
			if (closing.isPresent()) {
				return steps.run(closing.get()).engagement();
			}
		}
		throw busy();
	}

	/**
	 * Finishes ledger steps a crash interrupted (or a request left); safe on every
	 * instance at once.
	 */
	public int sweep() {
		int finished = 0;
		for (Stored stored : store.withPendingStep(200)) {
			if (stored.pending().at().plus(STEP_GRACE).isBefore(now())) {
				steps.run(stored);
				finished++;
			}
		}
		return finished;
	}

	// --- the ledger steps ---

	/**
	 * Leaves a step another request has just started to it; finishes one that was left
	 * behind.
	 */
	private void waitOrFinish(Stored stored) {
		if (stored.pending().at().plus(STEP_GRACE).isBefore(now())) {
			steps.run(stored);
			return;
		}
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy();
		}
	}

	private HeldCredits hold(OrgId org, String key, Credits credits, String what) {
		try {
			return new HeldCredits(ledger.reserve(org, key, credits, METER, HOLD_TTL).id(), credits);
		}
		catch (CreditsDeniedException ex) {
			throw new CreditsDeniedException(ex.reason(), what + " needs " + credits + " " + metric.creditName() + " ("
					+ ex.reason().code()
					+ "). Buy credits or upgrade your plan to continue; an owner or billing member can do so on the billing page.");
		}
	}

	// --- rules and inputs ---

	private Credits cost(Credits rate, BigDecimal hours) {
		return WeeklyCharges.cost(rate, hours, metric.scale());
	}

	private static void requireRole(Person who, java.util.function.Predicate<Role> allowed, String what) {
		if (who == null || who.role() == null || !allowed.test(who.role())) {
			throw new ProblemException(403, "forbidden", "your role may not " + what);
		}
	}

	private Stored load(OrgId org, String id) {
		if (!validId(id)) {
			throw ProblemException.notFound("engagement");
		}
		return store.find(org, id).orElseThrow(() -> ProblemException.notFound("engagement"));
	}

	private static boolean validId(String id) {
		return id != null && id.length() <= 40 && id.matches("eng_[0-9a-f]{1,32}");
	}

	private Engagement settled(OrgId org, String id, EngagementStatus wanted, String verb) {
		Engagement now = load(org, id).engagement();
		requireStatus(now, wanted, verb);
		return now;
	}

	private static void requireStatus(Engagement e, EngagementStatus required, String verb) {
		if (e.status() != required) {
			throw ProblemException.conflict("invalid_transition",
					"the engagement is " + e.status().code() + " and cannot be " + verb);
		}
	}

	private static ProblemException busy() {
		return new ProblemException(503, "busy", "the engagement is busy; try again");
	}

	/**
	 * Whole or quarter hours and the like: positive, at most two decimals, bounded before
	 * parsing.
	 */
	private static BigDecimal hours(String field, String text, BigDecimal max) {
		if (text == null || text.isBlank()) {
			throw ProblemException.invalid(field, field + " is required");
		}
		BigDecimal hours = DecimalInput.parse(field, text.strip());
		if (hours.signum() <= 0 || hours.compareTo(max) > 0 || hours.stripTrailingZeros().scale() > 2) {
			throw ProblemException.invalid(field, field + " must be more than 0 and at most " + max.toPlainString()
					+ " hours, with at most two decimals");
		}
		return hours.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static LocalDate date(String field, String text) {
		if (text == null || text.length() != 10) {
			throw ProblemException.invalid(field, field + " is a date like 2026-11-30");
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 2000) {
				throw ProblemException.invalid(field, field + " is before 2000");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field, field + " is a date like 2026-11-30");
		}
	}

	private static String plain(Credits credits) {
		return credits.amount().toPlainString();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
