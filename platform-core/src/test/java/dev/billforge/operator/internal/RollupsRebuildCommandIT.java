package dev.billforge.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * {@code rollups rebuild --org <id>} recomputes an org's usage rollups from its ledger.
 */
@BillforgeIntegrationTest(
		properties = { "billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1" })
class RollupsRebuildCommandIT {

	@Autowired
	RollupsRebuildCommand command;

	@Autowired
	Metering metering;

	@Autowired
	UsageSummaries usage;

	@Autowired
	Orgs orgs;

	@Autowired
	MongoTemplate mongo;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return command.rebuild(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private Credits today(OrgId org) {
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
		return usage.usage(org, day, day.plus(Duration.ofDays(1)), false, "operation").total();
	}

	@Test
	void lostRollupsAreRecomputedFromTheLedger() {
		OrgId org = orgs.create("Lost Rollups", ZoneId.of("UTC")).id();
		metering.record(org,
				List.of(new UsageEvent("a", "page", new BigDecimal("3"), Instant.now(), Map.of("operation", "ocr")),
						new UsageEvent("b", "page", new BigDecimal("4"), Instant.now(), Map.of())),
				false);
		mongo.getCollection("usage_rollups").deleteMany(Filters.eq("orgId", org.value()));
		assertThat(today(org)).isEqualTo(Credits.ZERO);

		assertThat(run("rollups", "rebuild", "--org", org.value())).isZero();

		assertThat(today(org)).isEqualTo(Credits.of(7));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(org.value()).contains("ledger commit(s)");
	}

	@Test
	void anUnknownOrgIsRefusedWithUsage() {
		assertThat(run("rollups", "rebuild", "--org=org_00000000000000000000000000000000")).isEqualTo(1);
		assertThat(run("rollups", "rebuild")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: rollups rebuild --org=<org id>");
	}

}
