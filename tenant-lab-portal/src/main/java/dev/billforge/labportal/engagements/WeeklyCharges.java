package dev.billforge.labportal.engagements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.common.ProblemException;
import dev.billforge.labportal.engagements.EngagementStore.HeldCredits;
import dev.billforge.labportal.engagements.EngagementStore.Pending;
import dev.billforge.labportal.engagements.EngagementStore.Stored;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.metering.Metering;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The ledger work an engagement step recorded in {@code pending}: a weekly approval's
 * charge (commit the holds, hold the rest again) or the release at closing. Deterministic
 * from that record and idempotent on its keys, so whoever runs it — the request, a
 * waiting twin, the sweep after a crash — books the same amounts once (the booking write
 * is guarded by the pending step). The money rule is on {@link EngagementService}.
 */
@Component
class WeeklyCharges {

	private static final Logger log = LoggerFactory.getLogger(WeeklyCharges.class);

	private final EngagementStore store;

	private final CreditLedger ledger;

	private final Metering metering;

	private final ValueMetric metric;

	WeeklyCharges(EngagementStore store, CreditLedger ledger, Metering metering, ValueMetric metric) {
		this.store = store;
		this.ledger = ledger;
		this.metering = metering;
		this.metric = metric;
	}

	/**
	 * {@code hours × rate}, rounded up to the credit precision so no part of an hour is
	 * free.
	 */
	static Credits cost(Credits rate, BigDecimal hours, int scale) {
		return new Credits(rate.amount().multiply(hours).setScale(scale, RoundingMode.UP));
	}

	Stored run(Stored stored) {
		Pending pending = stored.pending();
		if (pending == null) {
			return stored;
		}
		return Pending.CHARGE.equals(pending.kind()) ? charge(stored) : release(stored);
	}

	/**
	 * A weekly approval: price it once, charge it against the holds, hold the rest again,
	 * book it.
	 */
	private Stored charge(Stored stored) {
		OrgId org = stored.org();
		String id = stored.engagement().id();
		Pending p = stored.pending();
		if (p.credits() == null) {
			// Entries join the approval only until it is priced; after that its amount
			// never changes.
			store.markApproved(org, id, p.week(), p.number());
			BigDecimal hours = store.approvedHours(org, id, p.number());
			Credits credits = cost(stored.engagement().rate(), hours, metric.scale());
			stored = store
				.update(org, id,
						Updates.combine(Updates.set("pending.hours", EngagementStore.dec(hours)),
								Updates.set("pending.credits", plain(credits))),
						Filters.eq("pending.number", p.number()), Filters.eq("pending.credits", null))
				.orElseGet(() -> store.find(org, id).orElseThrow());
			p = stored.pending();
			if (p == null || !Pending.CHARGE.equals(p.kind()) || p.credits() == null) {
				return stored; // finished by someone else meanwhile
			}
		}
		Credits held = p.holds().stream().map(HeldCredits::credits).reduce(Credits.ZERO, Credits::plus);
		drawDown(org, id, p);
		Credits rest = held.minus(p.credits().min(held));
		List<HeldCredits> holds = rest.isPositive() ? rehold(org, "engagement:" + id + ":hold:" + p.number(), rest)
				: List.of();
		Engagement e = stored.engagement();
		Engagement.WeekApproval approval = new Engagement.WeekApproval(p.number(), p.week(), p.hours(), p.credits(),
				p.by(), p.at());
		return store
			.update(org, id,
					Updates.combine(
							Updates.set("holds", EngagementStore.holds(holds, new org.bson.Document()).get("holds")),
							Updates.set("held", plain(holds.isEmpty() ? Credits.ZERO : rest)),
							Updates.set("charged", plain(e.charged().plus(p.credits()))),
							Updates.set("approvedHours", EngagementStore.dec(e.approvedHours().add(p.hours()))),
							Updates.push("approvals", EngagementStore.approval(approval)), Updates.unset("pending")),
					Filters.eq("pending.kind", Pending.CHARGE), Filters.eq("pending.number", p.number()))
			.orElseGet(() -> store.find(org, id).orElseThrow());
	}

	/**
	 * Charges the approval's credits against the holds in order (each hold commits once:
	 * what a hold does not cover goes to the next; anything beyond all of them rides on
	 * the last commit and is charged like usage); a hold with nothing to charge is
	 * released. Without any hold the credits are recorded as usage under the approval's
	 * own key.
	 */
	private void drawDown(OrgId org, String id, Pending p) {
		Credits left = p.credits();
		List<HeldCredits> holds = p.holds();
		if (holds.isEmpty()) {
			if (left.isPositive()) {
				ledger.recordUsage(org,
						List.of(new dev.billforge.ledger.UsageCharge("engagement:" + id + ":charge:" + p.number(),
								EngagementService.METER + "|" + p.hours().toPlainString(), EngagementService.METER,
								p.hours(), left, p.at(), EngagementService.DIMENSIONS)),
						false);
			}
			return;
		}
		for (int i = 0; i < holds.size(); i++) {
			HeldCredits hold = holds.get(i);
			Credits portion = i == holds.size() - 1 ? left : left.min(hold.credits());
			left = left.minus(portion);
			if (portion.isPositive()) {
				metering.commit(org, hold.holdId(), portion, EngagementService.DIMENSIONS);
			}
			else {
				releaseHold(org, hold.holdId());
			}
		}
	}

	private List<HeldCredits> rehold(OrgId org, String key, Credits rest) {
		try {
			return List.of(new HeldCredits(
					ledger.reserve(org, key, rest, EngagementService.METER, EngagementService.HOLD_TTL).id(), rest));
		}
		catch (CreditsDeniedException ex) {
			log.warn(
					"Engagement hold {} of org {} could not be renewed ({}): later approved hours are charged as usage",
					key, org, ex.reason().code());
			return List.of();
		}
	}

	private Stored release(Stored stored) {
		OrgId org = stored.org();
		String id = stored.engagement().id();
		stored.pending().holds().forEach(h -> releaseHold(org, h.holdId()));
		return store
			.update(org, id,
					Updates.combine(Updates.set("holds", List.of()), Updates.set("held", "0"),
							Updates.unset("pending")),
					Filters.eq("pending.kind", Pending.RELEASE))
			.orElseGet(() -> store.find(org, id).orElseThrow());
	}

	/** Releases a hold; one that expired meanwhile is released already. */
	private void releaseHold(OrgId org, String holdId) {
		try {
			ledger.release(org, holdId);
		}
		catch (ProblemException ex) {
			if (!"reservation_closed".equals(ex.code())) {
				throw ex;
			}
		}
	}

	private static String plain(Credits credits) {
		return credits.amount().toPlainString();
	}

}
