package dev.billforge.benchmarks.jmh;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.benchmarks.BenchApp;
import dev.billforge.benchmarks.BenchStorage;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * The application booted once per JMH fork on fresh storage (its web server idle), with
 * one org that has some usage history. Same settings as the HTTP benchmarks' application.
 */
@State(Scope.Benchmark)
public class BootedLedger {

	BenchStorage storage;

	ConfigurableApplicationContext context;

	CreditLedger ledger;

	OrgId org;

	@Setup(Level.Trial)
	public void boot() {
		storage = BenchStorage.create();
		context = BenchApp.start(storage);
		ledger = context.getBean(CreditLedger.class);
		org = context.getBean(Orgs.class).create("jmh", ZoneId.of("UTC")).id();
		Metering metering = context.getBean(Metering.class);
		List<UsageEvent> history = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			history.add(new UsageEvent("history-" + i, "page", BigDecimal.ONE, Instant.now(), Map.of()));
		}
		metering.record(org, history, false);
	}

	@TearDown(Level.Trial)
	public void close() {
		try {
			if (!ledger.verify(org).consistent()) {
				throw new IllegalStateException("the benchmark org's ledger does not verify: " + ledger.verify(org));
			}
		}
		finally {
			context.close();
			storage.close();
		}
	}

}
