package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a pack's refunds do to its credits, decided from the refunds' current status on
 * Stripe and what was already taken back. The money rule: only a refund that
 * <em>succeeded</em> takes credits back — its share
 * {@code floor(credits × succeededSoFar / amount)} minus what earlier refunds took, so
 * all succeeded refunds together take exactly the pack's share of the money returned (a
 * full refund takes the whole pack). A refund that was taken back and then failed or was
 * canceled gives back exactly what it took. A pending refund does nothing yet.
 */
record RefundPlan(List<ClawBack> clawBacks, List<Restore> restores) {

	/** A refund as Stripe reports it now. */
	record RefundState(String id, long created, long amount, String status) {
	}

	/** What was taken back for a refund, and whether it was given back since. */
	record Taken(BigDecimal credits, boolean restored) {
	}

	record ClawBack(String refundId, BigDecimal credits) {
	}

	record Restore(String refundId, BigDecimal credits) {
	}

	static RefundPlan of(BigDecimal packCredits, long amount, int scale, List<RefundState> refunds,
			Map<String, Taken> taken) {
		List<RefundState> ordered = new ArrayList<>(refunds);
		ordered.sort(Comparator.comparingLong(RefundState::created).thenComparing(RefundState::id));
		List<Restore> restores = new ArrayList<>();
		BigDecimal held = BigDecimal.ZERO; // taken back and not given back, after this
											// plan's restores
		for (RefundState refund : ordered) {
			Taken t = taken.get(refund.id());
			if (t == null || t.restored()) {
				continue;
			}
			if (isReturned(refund.status())) {
				restores.add(new Restore(refund.id(), t.credits()));
			}
			else {
				held = held.add(t.credits());
			}
		}
		List<ClawBack> clawBacks = new ArrayList<>();
		// Refunds already taken back count first, whatever their place in the order:
		// refunds created in the
		// same second are ordered by id, which says nothing about which one was taken
		// back before.
		long succeededSoFar = ordered.stream()
			.filter(refund -> "succeeded".equals(refund.status()) && taken.containsKey(refund.id()))
			.mapToLong(RefundState::amount)
			.sum();
		for (RefundState refund : ordered) {
			if (!"succeeded".equals(refund.status()) || taken.containsKey(refund.id())) {
				continue;
			}
			succeededSoFar += refund.amount();
			BigDecimal take = share(packCredits, succeededSoFar, amount, scale).subtract(held);
			if (take.signum() > 0) {
				clawBacks.add(new ClawBack(refund.id(), take));
				held = held.add(take);
			}
			else {
				clawBacks.add(new ClawBack(refund.id(), BigDecimal.ZERO));
			}
		}
		return new RefundPlan(clawBacks, restores);
	}

	/** Failed or canceled: the money did not go back to the customer. */
	static boolean isReturned(String status) {
		return "failed".equals(status) || "canceled".equals(status);
	}

	private static BigDecimal share(BigDecimal credits, long refunded, long amount, int scale) {
		if (refunded >= amount) {
			return credits;
		}
		return credits.multiply(BigDecimal.valueOf(refunded))
			.divide(BigDecimal.valueOf(amount), scale, RoundingMode.DOWN);
	}

}
