package dev.billforge.docrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.docrouter.DocRouterApplication;
import dev.billforge.sdk.BillforgeClient;
import dev.billforge.sdk.BillforgeException;
import dev.billforge.sdk.Models;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * The three SDKs against a live DocRouter on the embedded defaults, started once for all
 * of them (and shared with {@link ApiContractIT}): the Java SDK here, the TypeScript
 * SDK's {@code node --test} and the Python SDK's {@code unittest} as subprocesses with
 * the app's URL and operator token in their env.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "billforge.api.operator-token=docrouter-test-operator-token-0123456789")
class SdkIT {

	private static final String OPERATOR = "docrouter-test-operator-token-0123456789";

	@LocalServerPort
	int port;

	private String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	private BillforgeClient newOrg() {
		BillforgeClient operator = BillforgeClient.builder().baseUrl(baseUrl()).apiKey(OPERATOR).build();
		Models.Org org = operator.createOrg(new Models.CreateOrg("Java SDK", "Europe/Berlin"));
		Models.IssuedApiKey key = operator.createApiKey(org.id(), new Models.CreateKey("java"));
		assertThat(key.key()).startsWith("doc_router_sk_");
		return BillforgeClient.builder().baseUrl(baseUrl()).apiKey(key.key()).build();
	}

	@Test
	void javaSdkRecordsUsageOncePerKeyAndTheBalanceFollows() {
		BillforgeClient client = newOrg();
		assertThat(client.getBalance().available()).isEqualByComparingTo("100");
		// the builder, as the SDK's README shows; the record constructor below is the
		// other way
		Models.UsageBatchResponse first = client.recordUsage(Models.UsageBatchRequest.builder()
			.events(List.of(
					Models.UsageEvent.builder()
						.idempotencyKey("job-1")
						.meter("page")
						.quantity(new BigDecimal("3"))
						.build(),
					Models.UsageEvent.builder().meter("llm_token").quantity(new BigDecimal("1234")).build()))
			.build());
		assertThat(first.results()).extracting(Models.EventResult::status).containsExactly("recorded", "recorded");
		assertThat(first.results().get(1).idempotencyKey()).isNotBlank();
		Models.UsageBatchResponse again = client.recordUsage(new Models.UsageBatchRequest(
				List.of(new Models.UsageEvent("job-1", "page", new BigDecimal("3"), null, null)), null));
		assertThat(again.results().get(0).status()).isEqualTo("duplicate");
		assertThat(again.balance().available()).isEqualByComparingTo("95.76");
	}

	@Test
	void javaSdkWithHoldCommitsTheActualCostAndReleasesWhenTheWorkFails() {
		BillforgeClient client = newOrg();
		String answer = client.withHold(new BigDecimal("40"), hold -> {
			hold.actual(new BigDecimal("25"));
			return "done";
		});
		assertThat(answer).isEqualTo("done");
		assertThat(client.getBalance().available()).isEqualByComparingTo("75");

		assertThatThrownBy(() -> client.withHold(new BigDecimal("30"), hold -> {
			throw new IOException("extraction failed");
		})).isInstanceOf(IOException.class).hasMessage("extraction failed");
		Models.Balance balance = client.getBalance();
		assertThat(balance.available()).isEqualByComparingTo("75");
		assertThat(balance.held()).isEqualByComparingTo("0");
	}

	@Test
	void javaSdkErrorsArriveTypedWithTheirStableCode() {
		BillforgeClient client = newOrg();
		assertThatThrownBy(
				() -> client.createHold(new Models.ReserveRequest(null, new BigDecimal("100000"), null, null, null)))
			.isInstanceOfSatisfying(BillforgeException.CreditsDenied.class, e -> assertThat(e.status()).isEqualTo(402));
		assertThatThrownBy(() -> client.commitHold("res_missing", new Models.CommitRequest(BigDecimal.ONE)))
			.isInstanceOfSatisfying(BillforgeException.NotFound.class,
					e -> assertThat(e.code()).isEqualTo("not_found"));
		BillforgeClient stranger = BillforgeClient.builder()
			.baseUrl(baseUrl())
			.apiKey("doc_router_sk_not_a_key")
			.maxRetries(0)
			.build();
		assertThatThrownBy(stranger::getBalance).isInstanceOfSatisfying(BillforgeException.AuthenticationFailed.class,
				e -> assertThat(e.code()).isEqualTo("unauthorized"));
	}

	@Test
	void javaSdkReadsTheUsageSummaryAndLedger() throws Exception {
		BillforgeClient client = newOrg();
		client.recordUsage(new Models.UsageBatchRequest(
				List.of(new Models.UsageEvent(null, "page", new BigDecimal("2"), null, Map.of("operation", "extract"))),
				null));
		assertThat(client.checkEntitlement(new Models.CheckRequest(null, "page", BigDecimal.TEN, null)).allowed())
			.isTrue();
		assertThat(client.listLedgerEntries(5, null).entries()).hasSizeGreaterThanOrEqualTo(2);
		Instant now = Instant.now();
		Models.UsageSummary summary = null;
		for (int i = 0; i < 50; i++) { // rollups follow the ledger commit
			summary = client.usageSummary(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.HOURS), "hour",
					"operation");
			if (summary.total().compareTo(new BigDecimal("2")) == 0) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(summary.total()).isEqualByComparingTo("2");
		assertThat(summary.buckets().get(0).credits().get("extract")).isEqualByComparingTo("2");
	}

	@Test
	void typeScriptSdkTestsPassAgainstTheRunningApp() throws Exception {
		run(ApiContractIT.repositoryFile("sdks/typescript"), "node", "--test", "test/");
	}

	@Test
	void pythonSdkTestsPassAgainstTheRunningApp() throws Exception {
		run(ApiContractIT.repositoryFile("sdks/python"), "python3", "-m", "unittest", "discover", "-s", "tests", "-t",
				".", "-v");
	}

	private void run(Path dir, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("BILLFORGE_BASE_URL", baseUrl());
		builder.environment().put("BILLFORGE_OPERATOR_TOKEN", OPERATOR);
		builder.environment().put("BILLFORGE_KEY_PREFIX", "doc_router_sk_");
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			// a developer machine with only a JDK skips this SDK's tests; CI (which
			// installs both) must run them
			String missing = command[0] + " is not installed; .ci/run installs it (apt-get install nodejs python3)";
			if (System.getenv("CI") != null) {
				throw new AssertionError(missing, ex);
			}
			org.junit.jupiter.api.Assumptions.abort(missing);
			return;
		}
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		System.out.println(text);
		assertThat(process.exitValue()).as("%s in %s failed:%n%s", String.join(" ", command), dir, text).isZero();
	}

}
