package dev.billforge.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import dev.billforge.valuemetric.Credits;

/**
 * {@code backup export} then {@code backup import} into an empty database gives the same
 * tenant.
 */
@BillforgeIntegrationTest(properties = { BackupCommandIT.TAG, BackupCommandIT.FREE_TIER, BackupCommandIT.RATE,
		"billforge.billing.jobs.enabled=false" })
class BackupCommandIT {

	static final String TAG = "billforge.product.tag=doc_router";

	static final String FREE_TIER = "billforge.value-metric.free-tier=100";

	static final String RATE = "billforge.value-metric.meters.page.rate=1";

	@Autowired
	BackupCommand command;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Metering metering;

	@Autowired
	UsageSummaries usage;

	@TempDir
	Path dir;

	@Test
	void anImportIntoAnEmptyDatabaseHasTheSameBalancesUsageAndKeysAndItsLedgerVerifies() throws IOException {
		OrgId first = orgs.create("Backup One", ZoneId.of("UTC")).id();
		OrgId second = orgs.create("Backup Two", ZoneId.of("Europe/Berlin")).id();
		String key = orgs.createApiKey(first, "ci").key();
		ledger.grant(first,
				new GrantRequest("pack:1", GrantSource.PACK, Credits.of("250.5"), null, null, "pack", null));
		metering.record(first, List
			.of(new UsageEvent("u1", "page", new BigDecimal("12.25"), Instant.now(), Map.of("operation", "ocr"))),
				false);
		metering.record(second, List.of(new UsageEvent("u2", "page", new BigDecimal("7"), Instant.now(), Map.of())),
				false);
		var hold = ledger.reserve(first, "h1", Credits.of(20), "page", Duration.ofHours(1));
		ledger.reserve(second, "h2", Credits.of(3), "page", Duration.ofHours(1));
		ledger.commit(first, hold.id(), Credits.of(5));

		Path archive = dir.resolve("tenant.zip");
		Out export = new Out();
		assertThat(command.run("export", new String[] { "--file=" + archive }, export.out, export.err))
			.as(export.text())
			.isZero();
		assertThat(export.text()).contains("Exported", "billforge-backup v1");
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			assertThat(zip.getEntry("manifest.json")).isNotNull();
			assertThat(zip.getEntry("ledger_commits.jsonl")).isNotNull();
			assertThat(new String(zip.getInputStream(zip.getEntry("api_keys.jsonl")).readAllBytes(),
					StandardCharsets.UTF_8))
				.as("keys are kept as hashes")
				.isNotBlank()
				.doesNotContain(key);
		}

		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext restored = storage.run(TestApplication.class, "--" + TAG,
						"--" + FREE_TIER, "--" + RATE, "--billforge.billing.jobs.enabled=false")) {
			Out restore = new Out();
			assertThat(restored.getBean(BackupCommand.class)
				.run("import", new String[] { "--file", archive.toString() }, restore.out, restore.err))
				.as(restore.text())
				.isZero();
			assertThat(restore.text()).contains("Verified the ledger of 2 org(s): consistent");

			CreditLedger restoredLedger = restored.getBean(CreditLedger.class);
			for (OrgId org : List.of(first, second)) {
				assertThat(restoredLedger.balance(org)).isEqualTo(ledger.balance(org));
				assertThat(restoredLedger.verify(org).consistent()).isTrue();
				assertThat(today(restored.getBean(UsageSummaries.class), org)).isEqualTo(today(usage, org));
			}
			assertThat(restored.getBean(Orgs.class).authenticate(key)).contains(first);

			Out again = new Out();
			assertThat(restored.getBean(BackupCommand.class)
				.run("import", new String[] { "--file=" + archive }, again.out, again.err)).isEqualTo(1);
			assertThat(again.text()).contains("refused", "not empty");
			assertThat(restoredLedger.balance(first)).isEqualTo(ledger.balance(first));
		}
	}

	@Test
	void aDamagedOrForeignArchiveIsRefusedBeforeAnythingIsWritten() throws IOException {
		orgs.create("Backup Damaged", ZoneId.of("UTC"));
		Path archive = dir.resolve("good.zip");
		Out export = new Out();
		assertThat(command.run("export", new String[] { "--file=" + archive }, export.out, export.err)).isZero();
		Out overwrite = new Out();
		assertThat(command.run("export", new String[] { "--file=" + archive }, overwrite.out, overwrite.err))
			.isEqualTo(1);
		assertThat(overwrite.text()).contains("exists");

		Path damaged = dir.resolve("damaged.zip");
		rewrite(archive, damaged, "orgs.jsonl", "{\"_id\": \"org_forged\"}\n");
		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext empty = storage.run(TestApplication.class, "--" + TAG, "--" + FREE_TIER,
						"--" + RATE, "--billforge.billing.jobs.enabled=false")) {
			BackupCommand target = empty.getBean(BackupCommand.class);
			Out refused = new Out();
			assertThat(target.run("import", new String[] { "--file=" + damaged }, refused.out, refused.err))
				.isEqualTo(1);
			assertThat(refused.text()).contains("damaged backup: orgs.jsonl");
			assertThat(empty.getBean(Orgs.class).search("", 10)).as("nothing was written").isEmpty();

			Out usageText = new Out();
			assertThat(target.run("restore", new String[] { "--file=" + archive }, usageText.out, usageText.err))
				.isEqualTo(1);
			assertThat(usageText.text()).contains("Usage: backup export");
		}
	}

	private static Credits today(UsageSummaries summaries, OrgId org) {
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
		return summaries.usage(org, day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(2)), false, "operation")
			.total();
	}

	/**
	 * Copies {@code from} with one entry's content replaced (its manifest entry left as
	 * it was).
	 */
	private static void rewrite(Path from, Path to, String entry, String content) throws IOException {
		try (ZipFile zip = new ZipFile(from.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
			for (ZipEntry each : java.util.Collections.list(zip.entries())) {
				out.putNextEntry(new ZipEntry(each.getName()));
				out.write(each.getName().equals(entry) ? content.getBytes(StandardCharsets.UTF_8)
						: zip.getInputStream(each).readAllBytes());
				out.closeEntry();
			}
		}
	}

	/** What a command printed. */
	private static final class Out {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

		final PrintStream err = out;

		String text() {
			return bytes.toString(StandardCharsets.UTF_8);
		}

	}

}
