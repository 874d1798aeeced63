package dev.billforge.outcomes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.Reservation;
import dev.billforge.metering.Metering;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.Outcome;
import dev.billforge.outcomes.OutcomeAuditEntry;
import dev.billforge.outcomes.OutcomeCandidate;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.outcomes.Resolution;
import dev.billforge.outcomes.internal.OutcomeStore.Pending;
import dev.billforge.outcomes.internal.OutcomeStore.Stored;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The outcome life cycle. The money rule: the fee is held at approval (key
 * {@code outcome:<id>:approve}, so racing approvals share one hold), charged once by
 * committing that hold when the window closes or a dispute is resolved for billing,
 * released when a dispute is rejected, and given back by a grant keyed
 * {@code outcome:<id>:reverse}. The status moves first (one compare-and-set) and the
 * ledger step follows, so a dispute and the window closing cannot both win.
 */
@Service
class OutcomeService implements Outcomes {

	private static final Logger log = LoggerFactory.getLogger(OutcomeService.class);

	/**
	 * The hold outlives the dispute window so a dispute has time to be resolved before it
	 * lapses.
	 */
	static final Duration HOLD_BEYOND_WINDOW = Duration.ofDays(90);

	/**
	 * The dimension the charge carries into the usage rollups (dashboard "by outcome
	 * type").
	 */
	static final String DIMENSION = "outcome_type";

	static final String HOLD_METER = "outcome";

	private static final int SWEEP_BATCH = 200;

	private static final int SWEEP_ROUNDS = 50;

	private static final int MAX_REASON = 1000;

	private static final int MAX_ID = 128;

	private static final int MAX_ACTOR_EMAIL = 320;

	private static final int MAX_ACTOR_ID = 200;

	private final OutcomeStore store;

	private final OutcomeTypes types;

	private final CreditLedger ledger;

	private final Metering metering;

	private final Memberships memberships;

	private final ValueMetric metric;

	private final Clock clock;

	OutcomeService(OutcomeStore store, OutcomeTypes types, CreditLedger ledger, Metering metering,
			Memberships memberships, ValueMetric metric, Clock clock) {
		this.store = store;
		this.types = types;
		this.ledger = ledger;
		this.metering = metering;
		this.memberships = memberships;
		this.metric = metric;
		this.clock = clock;
	}

	@Override
	public Outcome propose(OrgId org, OutcomeCandidate candidate, Actor actor) {
		checkActor(actor, false);
		OutcomeType type = types.find(candidate.type())
			.orElseThrow(
					() -> ProblemException.invalid("type", "unknown outcome type; this product has " + types.names()));
		OutcomeCandidate checked = Candidates.checked(candidate, type, clock);
		String fingerprint = Candidates.fingerprint(checked, candidate.occurredAt());
		Instant now = now();
		OutcomeAuditEntry proposed = new OutcomeAuditEntry(now, actorId(actor), actorEmail(actor), null,
				OutcomeStatus.PROPOSED, checked.evidence().sha256(), null);
		Outcome outcome = new Outcome(checked.id(), type.name(), checked.subject(), checked.evidence(),
				checked.occurredAt(), OutcomeStatus.PROPOSED, type.fee(), null, now, null, null, List.of(proposed));
		if (store.insert(org, outcome, fingerprint)) {
			return outcome;
		}
		Stored existing = store.find(org, checked.id()).orElseThrow();
		if (!existing.fingerprint().equals(fingerprint)) {
			throw ProblemException.conflict("idempotency_conflict",
					"outcome " + checked.id() + " was proposed before with other content");
		}
		return existing.outcome();
	}

	@Override
	public Optional<Outcome> find(OrgId org, String id) {
		if (id == null || id.length() > MAX_ID) {
			return Optional.empty();
		}
		return store.find(org, id).map(Stored::outcome);
	}

	@Override
	public List<Outcome> list(OrgId org, OutcomeStatus status, String type, int limit) {
		return store.list(org, status, type, Math.max(1, Math.min(limit, 500)));
	}

	@Override
	public Outcome approve(OrgId org, String id, Actor actor, String reason) {
		reason = optionalReason(reason);
		Outcome outcome = authorized(org, id, actor, false, "approve");
		OutcomeType type = types.of(outcome.type());
		if (outcome.status() == OutcomeStatus.APPROVED) {
			return outcome; // a repeated approval: same hold, nothing new
		}
		requireStatus(outcome, OutcomeStatus.PROPOSED, "approved");
		Instant now = now();
		Reservation hold = hold(org, outcome, type.disputeWindow().plus(HOLD_BEYOND_WINDOW));
		OutcomeAuditEntry entry = entry(now, actor, OutcomeStatus.PROPOSED, OutcomeStatus.APPROVED, outcome, reason);
		Optional<Stored> moved = store.transition(org, id, OutcomeStatus.PROPOSED, null, entry, null,
				OutcomeStore.set("holdId", hold.id()), OutcomeStore.set("approvedAt", now),
				OutcomeStore.set("windowEndsAt", now.plus(type.disputeWindow())));
		// Lost a race with another approval: it used the same hold key, so there is still
		// one hold.
		return moved.map(Stored::outcome).orElseGet(() -> settled(org, id, OutcomeStatus.APPROVED, "approved"));
	}

	private Reservation hold(OrgId org, Outcome outcome, Duration ttl) {
		try {
			return ledger.reserve(org, "outcome:" + outcome.id() + ":approve", outcome.fee(), HOLD_METER, ttl);
		}
		catch (CreditsDeniedException ex) {
			throw new CreditsDeniedException(ex.reason(), "Approving this outcome needs " + outcome.fee() + " "
					+ metric.creditName() + " (" + ex.reason().code()
					+ "). Buy credits or upgrade your plan to continue; an owner or billing member can do so on the billing page.");
		}
	}

	@Override
	public Outcome dispute(OrgId org, String id, Actor actor, String reason) {
		String why = requireReason(reason);
		Outcome outcome = authorized(org, id, actor, false, "dispute");
		if (outcome.status() == OutcomeStatus.DISPUTED) {
			return outcome;
		}
		requireStatus(outcome, OutcomeStatus.APPROVED, "disputed");
		Instant now = now();
		if (!outcome.windowEndsAt().isAfter(now)) {
			throw ProblemException.conflict("dispute_window_closed",
					"the dispute window of outcome " + id + " closed at " + outcome.windowEndsAt());
		}
		OutcomeAuditEntry entry = entry(now, actor, OutcomeStatus.APPROVED, OutcomeStatus.DISPUTED, outcome, why);
		return store.transition(org, id, OutcomeStatus.APPROVED, OutcomeStore.windowOpenAt(now), entry, null)
			.map(Stored::outcome)
			.orElseGet(() -> settled(org, id, OutcomeStatus.DISPUTED, "disputed"));
	}

	@Override
	public Outcome resolve(OrgId org, String id, Actor actor, String reason, Resolution resolution) {
		if (resolution == null) {
			throw ProblemException.invalid("resolution", "resolution is bill or reject");
		}
		String why = requireReason(reason);
		Outcome outcome = authorized(org, id, actor, true, "resolve");
		OutcomeStatus target = resolution == Resolution.BILL ? OutcomeStatus.BILLED : OutcomeStatus.REJECTED;
		if (outcome.status() == target
				&& outcome.audit().get(outcome.audit().size() - 1).from() == OutcomeStatus.DISPUTED) {
			return outcome;
		}
		requireStatus(outcome, OutcomeStatus.DISPUTED, "resolved");
		Pending step = target == OutcomeStatus.BILLED ? Pending.COMMIT : Pending.RELEASE;
		OutcomeAuditEntry entry = entry(now(), actor, OutcomeStatus.DISPUTED, target, outcome, why);
		return finish(org, id, store.transition(org, id, OutcomeStatus.DISPUTED, null, entry, step), target,
				"resolved");
	}

	@Override
	public Outcome reverse(OrgId org, String id, Actor actor, String reason) {
		String why = requireReason(reason);
		Outcome outcome = authorized(org, id, actor, true, "reverse");
		if (outcome.status() == OutcomeStatus.REVERSED) {
			return outcome;
		}
		requireStatus(outcome, OutcomeStatus.BILLED, "reversed");
		OutcomeAuditEntry entry = entry(now(), actor, OutcomeStatus.BILLED, OutcomeStatus.REVERSED, outcome, why);
		return finish(org, id, store.transition(org, id, OutcomeStatus.BILLED, null, entry, Pending.GRANT),
				OutcomeStatus.REVERSED, "reversed");
	}

	@Override
	public int sweep() {
		int moved = 0;
		Instant now = now();
		// Claimed outcomes leave "approved", so each batch is new; the cap keeps one run
		// bounded.
		for (int round = 0; round < SWEEP_ROUNDS; round++) {
			List<Stored> due = store.dueForBilling(now, SWEEP_BATCH);
			moved += bill(due, now);
			if (due.size() < SWEEP_BATCH) {
				break;
			}
		}
		for (Stored interrupted : store.withPendingStep(SWEEP_BATCH)) {
			runPending(interrupted);
		}
		return moved;
	}

	private int bill(List<Stored> dueOutcomes, Instant now) {
		int moved = 0;
		for (Stored due : dueOutcomes) {
			Outcome outcome = due.outcome();
			OutcomeAuditEntry entry = new OutcomeAuditEntry(now, "system", null, OutcomeStatus.APPROVED,
					OutcomeStatus.BILLED, outcome.evidence().sha256(), "dispute window closed");
			Optional<Stored> billed = store.transition(due.org(), outcome.id(), OutcomeStatus.APPROVED,
					OutcomeStore.windowClosedAt(now), entry, Pending.COMMIT);
			if (billed.isPresent()) {
				moved++;
				runPending(billed.get());
			}
		}
		return moved;
	}

	@Override
	public java.util.SortedMap<String, Long> billedCounts(OrgId org, Instant from, Instant to) {
		return store.billedCounts(org, from, to);
	}

	@Override
	public String auditCsv(OrgId org, String id) {
		return AuditCsv.of(load(org, id));
	}

	/** After a transition that owes a ledger step: runs it (idempotent) and clears it. */
	private Outcome finish(OrgId org, String id, Optional<Stored> moved, OutcomeStatus target, String verb) {
		if (moved.isEmpty()) {
			return settled(org, id, target, verb);
		}
		runPending(moved.get());
		return moved.get().outcome();
	}

	private void runPending(Stored stored) {
		Outcome outcome = stored.outcome();
		OrgId org = stored.org();
		if (stored.pending() == null) {
			return;
		}
		try {
			switch (stored.pending()) {
				case COMMIT -> metering.commit(org, outcome.holdId(), outcome.fee(), Map.of(DIMENSION, outcome.type()));
				case RELEASE -> ledger.release(org, outcome.holdId());
				case GRANT ->
					ledger.grant(org, new GrantRequest("outcome:" + outcome.id() + ":reverse", GrantSource.ADJUSTMENT,
							outcome.fee(), null, null, lastReason(outcome), "outcome:" + outcome.id()));
			}
			store.clearPending(org, outcome.id(), stored.pending());
		}
		catch (RuntimeException ex) {
			// The status has moved; the sweep repeats the (idempotent) step until it is
			// done.
			log.warn("Outcome {} of org {}: ledger step {} failed; the sweep retries", outcome.id(), org,
					stored.pending(), ex);
		}
	}

	private static String lastReason(Outcome outcome) {
		return outcome.audit().get(outcome.audit().size() - 1).reason();
	}

	/**
	 * After losing a race: the winner's result if it is the one asked for, else a
	 * conflict.
	 */
	private Outcome settled(OrgId org, String id, OutcomeStatus wanted, String verb) {
		Outcome now = load(org, id);
		if (now.status() != wanted) {
			throw transitionConflict(now, verb);
		}
		return now;
	}

	/**
	 * Now as the store keeps it (milliseconds), so a first answer equals every later read
	 * of it.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private Outcome load(OrgId org, String id) {
		if (id == null || id.length() > MAX_ID) {
			throw ProblemException.notFound("outcome");
		}
		// the id is not echoed: it came from the request and may be anything up to the
		// bound
		return store.find(org, id).map(Stored::outcome).orElseThrow(() -> ProblemException.notFound("outcome"));
	}

	private static void requireStatus(Outcome outcome, OutcomeStatus required, String verb) {
		if (outcome.status() != required) {
			throw transitionConflict(outcome, verb);
		}
	}

	private static ProblemException transitionConflict(Outcome outcome, String verb) {
		return ProblemException.conflict("invalid_transition",
				"outcome " + outcome.id() + " is " + outcome.status().code() + " and cannot be " + verb);
	}

	/**
	 * Checked before anything is loaded, so a repeated step with a bad reason is refused
	 * too.
	 */
	private static String requireReason(String reason) {
		return TextInput.required("reason", reason, MAX_REASON);
	}

	private static String optionalReason(String reason) {
		return TextInput.optional("reason", reason, MAX_REASON);
	}

	/**
	 * The actor's id and email are stored in the audit trail: bounded and free of control
	 * characters.
	 */
	private static void checkActor(Actor actor, boolean emailRequired) {
		String email = actor == null ? null : TextInput.optional("actor.email", actor.email(), MAX_ACTOR_EMAIL);
		if (emailRequired && email == null) {
			throw ProblemException.invalid("actor.email",
					"the acting person's email is required (at most " + MAX_ACTOR_EMAIL + " characters)");
		}
		if (actor != null) {
			TextInput.optional("actor.id", actor.id(), MAX_ACTOR_ID);
		}
	}

	private Role role(OrgId org, Actor actor) {
		checkActor(actor, true);
		return memberships.find(org, actor.email().strip()).map(m -> m.role()).orElse(null);
	}

	/**
	 * The outcome, once the actor is found allowed to take the step: the client's side
	 * (approve, dispute) or the resolver's side (resolve, reverse). Another org's outcome
	 * is not found.
	 */
	private Outcome authorized(OrgId org, String id, Actor actor, boolean resolverSide, String verb) {
		Role role = role(org, actor);
		Outcome outcome = load(org, id);
		OutcomeType type = types.of(outcome.type());
		if (resolverSide ? !type.mayResolve(role) : !type.mayApprove(role)) {
			Role needed = resolverSide ? type.resolverRole() : type.approverRole();
			throw new ProblemException(403, "forbidden", actor.email() + " may not " + verb
					+ " this outcome: it needs a member with the role " + needed.code());
		}
		return outcome;
	}

	private static OutcomeAuditEntry entry(Instant now, Actor actor, OutcomeStatus from, OutcomeStatus to,
			Outcome outcome, String reason) {
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON) {
			throw ProblemException.invalid("reason", "a reason has at most " + MAX_REASON + " characters");
		}
		return new OutcomeAuditEntry(now, actorId(actor), actorEmail(actor), from, to, outcome.evidence().sha256(),
				why);
	}

	private static String actorId(Actor actor) {
		return actor == null || actor.id() == null ? null : truncate(actor.id());
	}

	private static String actorEmail(Actor actor) {
		return actor == null || actor.email() == null ? null : truncate(actor.email().strip());
	}

	private static String truncate(String value) {
		return value.length() > 320 ? value.substring(0, 320) : value;
	}

}
