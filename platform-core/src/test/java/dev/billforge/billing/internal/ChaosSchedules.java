package dev.billforge.billing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Delivery schedules for a recorded webhook history, chosen so that few of them cover
 * every interleaving the chaos test is about, instead of hoping many random ones do. A
 * schedule delivers each event one to three times in a shuffled order, some deliveries
 * under an injected Stripe fault. Together the chosen schedules cover, for every two
 * events {@code a} and {@code b}: {@code a} first arriving before {@code b} (so both
 * orders, every event early and late), a duplicate of {@code a} arriving after {@code b}
 * (a delayed redelivery), and every event delivered at least once while Stripe fails
 * (lost, then resent). Candidates are seeded random schedules, picked greedily by how
 * many uncovered interleavings each adds; the result is deterministic.
 */
final class ChaosSchedules {

	/**
	 * Event indices in delivery order (an index repeats for a duplicate) and which
	 * deliveries meet a fault.
	 */
	record Schedule(long seed, List<Integer> order, List<Boolean> faults) {

		/**
		 * The interleavings this schedule shows, as {@code a<b}, {@code a~b} (a duplicate
		 * of a after b) and {@code !a}.
		 */
		Set<String> covers() {
			Set<String> covered = new HashSet<>();
			Set<Integer> seen = new HashSet<>();
			for (int i = 0; i < order.size(); i++) {
				int a = order.get(i);
				if (faults.get(i)) {
					covered.add("!" + a);
				}
				for (int b : seen) {
					if (b != a) {
						// a first delivery after b's, or a redelivery of a after b's
						// first
						covered.add(seen.contains(a) ? a + "~" + b : b + "<" + a);
					}
				}
				seen.add(a);
			}
			return covered;
		}

	}

	static final double FAULT_RATE = 0.2;

	private static final int CANDIDATES_PER_PICK = 64;

	private ChaosSchedules() {
	}

	/**
	 * Every interleaving of {@code events} events that the chosen schedules must cover.
	 */
	static Set<String> required(int events) {
		Set<String> all = new HashSet<>();
		for (int a = 0; a < events; a++) {
			all.add("!" + a);
			for (int b = 0; b < events; b++) {
				if (a != b) {
					all.add(a + "<" + b);
					all.add(a + "~" + b);
				}
			}
		}
		return all;
	}

	/**
	 * The fewest-found schedules covering {@link #required}, then {@code extra} plain
	 * random ones for a deeper soak.
	 */
	static List<Schedule> covering(int events, int extra) {
		Set<String> missing = required(events);
		List<Schedule> chosen = new ArrayList<>();
		long seed = 1000;
		while (!missing.isEmpty()) {
			if (chosen.size() > 10 * events + 50) {
				throw new IllegalStateException("no schedules cover " + missing);
			}
			Schedule best = null;
			int bestGain = -1;
			for (int c = 0; c < CANDIDATES_PER_PICK; c++) {
				Schedule candidate = random(seed++, events);
				Set<String> gain = candidate.covers();
				gain.retainAll(missing);
				if (gain.size() > bestGain) {
					best = candidate;
					bestGain = gain.size();
				}
			}
			missing.removeAll(best.covers());
			chosen.add(best);
		}
		for (int i = 0; i < extra; i++) {
			chosen.add(random(seed++, events));
		}
		return chosen;
	}

	static Schedule random(long seed, int events) {
		Random random = new Random(seed);
		List<Integer> order = new ArrayList<>();
		for (int e = 0; e < events; e++) {
			int copies = 1 + random.nextInt(3);
			for (int c = 0; c < copies; c++) {
				order.add(e);
			}
		}
		Collections.shuffle(order, random);
		List<Boolean> faults = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			faults.add(random.nextDouble() < FAULT_RATE);
		}
		return new Schedule(seed, List.copyOf(order), List.copyOf(faults));
	}

}
