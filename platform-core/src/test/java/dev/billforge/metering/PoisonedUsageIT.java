package dev.billforge.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.ParkedProjection;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.notifications.Notification;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * A usage event whose quantity no Decimal128 can hold (it got past the API's bounds) is
 * charged, but its rollup can never be written. The org's later usage must still reach
 * its summary, its alerts and notifications; the poisoned commit is parked for the
 * operator.
 */
@BillforgeIntegrationTest(
		properties = { "billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1" })
class PoisonedUsageIT {

	@Autowired
	CreditLedger ledger;

	@Autowired
	UsageSummaries usage;

	@Autowired
	Notifications notifications;

	@Autowired
	LedgerProjections projections;

	@Autowired
	Orgs orgs;

	private static UsageCharge charge(String key, String quantity, String credits) {
		return new UsageCharge(key, "page|" + quantity, "page", new BigDecimal(quantity), Credits.of(credits),
				Instant.now(), Map.of("operation", "extract"));
	}

	@Test
	void laterUsageIsStillCountedAndAlertedAfterAUsageEventTheRollupsCannotStore() {
		OrgId org = orgs.create("Poisoned Inc", ZoneId.of("UTC")).id();
		ledger.recordUsage(org, List.of(charge("before", "10", "10")), false);
		ledger.recordUsage(org, List.of(charge("poison", "1E+7000", "1")), false);
		for (int i = 0; i < 3; i++) {
			ledger.recordUsage(org, List.of(charge("after-" + i, "20", "20")), false);
		}

		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		assertThat(usage.usage(org, today, today.plus(Duration.ofDays(1)), false, "meter").total())
			.isEqualTo(Credits.of(70));
		// 71 of 100 used: the 70 % threshold was crossed by a commit after the poisoned
		// one.
		assertThat(ledger.alerts(org, 10)).extracting(Alert::threshold).contains(70);
		assertThat(notifications.inbox(org, 10)).extracting(Notification::threshold).contains(70);
		assertThat(projections.parked(100)).filteredOn(parked -> parked.orgId().equals(org))
			.singleElement()
			.extracting(ParkedProjection::error)
			.asString()
			.contains("Decimal128");
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(29));
	}

}
