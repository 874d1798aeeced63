package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.billforge.billing.internal.RefundPlan.ClawBack;
import dev.billforge.billing.internal.RefundPlan.RefundState;
import dev.billforge.billing.internal.RefundPlan.Restore;
import dev.billforge.billing.internal.RefundPlan.Taken;

/**
 * A pack of 1,000 credits bought for 1,000 cents: refunds take credits back when they
 * succeed, not before.
 */
class RefundPlanTest {

	static final BigDecimal PACK = BigDecimal.valueOf(1000);

	private static RefundPlan plan(List<RefundState> refunds, Map<String, Taken> taken) {
		return RefundPlan.of(PACK, 1000, 2, refunds, taken);
	}

	@Test
	void aPendingRefundTakesNothingUntilItSucceeds() {
		assertThat(plan(List.of(new RefundState("re_1", 1, 250, "pending")), Map.of()).clawBacks()).isEmpty();
		assertThat(plan(List.of(new RefundState("re_1", 1, 250, "succeeded")), Map.of()).clawBacks())
			.containsExactly(new ClawBack("re_1", new BigDecimal("250.00")));
	}

	@Test
	void aRefundThatFailsAfterItWasTakenBackGivesTheCreditsBack() {
		RefundPlan plan = plan(List.of(new RefundState("re_1", 1, 250, "failed")),
				Map.of("re_1", new Taken(new BigDecimal("250.00"), false)));
		assertThat(plan.restores()).containsExactly(new Restore("re_1", new BigDecimal("250.00")));
		assertThat(plan.clawBacks()).isEmpty();
		// Once given back, never again.
		assertThat(plan(List.of(new RefundState("re_1", 1, 250, "failed")),
				Map.of("re_1", new Taken(new BigDecimal("250.00"), true)))
			.restores()).isEmpty();
	}

	@Test
	void aFailedRefundNeverTakenBackGivesNothing() {
		assertThat(plan(List.of(new RefundState("re_1", 1, 250, "failed")), Map.of()).restores()).isEmpty();
	}

	@Test
	void succeededRefundsTogetherTakeExactlyTheShareOfTheMoneyReturned() {
		// The first refund failed and was given back; the second one returns the whole
		// charge.
		RefundPlan plan = plan(
				List.of(new RefundState("re_1", 1, 250, "failed"), new RefundState("re_2", 2, 1000, "succeeded")),
				Map.of("re_1", new Taken(new BigDecimal("250.00"), false)));
		assertThat(plan.restores()).containsExactly(new Restore("re_1", new BigDecimal("250.00")));
		assertThat(plan.clawBacks()).containsExactly(new ClawBack("re_2", PACK));
	}

	@Test
	void aRefundThatSucceedsLaterIsCountedOnTopOfThoseAlreadyTaken() {
		RefundPlan plan = plan(
				List.of(new RefundState("re_1", 1, 333, "succeeded"), new RefundState("re_2", 2, 333, "succeeded"),
						new RefundState("re_3", 3, 334, "succeeded")),
				Map.of("re_1", new Taken(new BigDecimal("333.00"), false)));
		assertThat(plan.clawBacks()).containsExactly(new ClawBack("re_2", new BigDecimal("333.00")),
				new ClawBack("re_3", new BigDecimal("334.00")));
	}

	@Test
	void aSecondRefundInTheSameSecondTakesTheRestWhateverItsIdSaysAboutTheOrder() {
		// A quarter was taken back; the second refund returns the rest. Same second, and
		// its id sorts first.
		RefundPlan plan = plan(
				List.of(new RefundState("re_b", 7, 250, "succeeded"), new RefundState("re_a", 7, 750, "succeeded")),
				Map.of("re_b", new Taken(new BigDecimal("250.00"), false)));
		assertThat(plan.clawBacks()).containsExactly(new ClawBack("re_a", new BigDecimal("750.00")));
	}

}
