package dev.billforge.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.Browser;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * The Lab portal's outcome review queue in a real browser (Debian chromium): the
 * consultant's product proposes lab reports through the API, the client's reviewer
 * approves one in the queue, the 72 h window passes on the test clock and it is billed
 * once; another is disputed with a reason in the browser and rejected by the consultant,
 * and nothing is charged. Screenshots in {@code target/screenshots/outcomes-*}.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"billforge.public-base-url=", "billforge.value-metric.free-tier=0", "billforge.value-metric.credit-name=LC",
		"billforge.outcomes.types.lab_report.fee=500", "billforge.outcomes.types.lab_report.approver-role=reviewer",
		"billforge.outcomes.types.lab_report.resolver-role=consultant",
		"billforge.outcomes.types.lab_report.dispute-window=72h",
		"billforge.outcomes.types.lab_report.evidence-required=true", "billforge.notifications.dispatch-interval=PT1H",
		"billforge.outcomes.sweep-interval=PT1H", "billforge.metering.rollup-dimensions=operation,outcome_type" })
@Import(OutcomeReviewBrowserJourneyIT.Config.class)
class OutcomeReviewBrowserJourneyIT {

	static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Outcomes outcomes;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theReviewerApprovesInTheQueueTheWindowPassesAndItIsBilledOnceADisputeEndsRejected() throws Exception {
		OrgId org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		String key = orgs.createApiKey(org, "lab portal").key();
		String rita = "rita-" + org.value() + "@client.test";
		String carl = "carl-" + org.value() + "@consulting.test";
		memberships.add(org, rita, Role.REVIEWER);
		memberships.add(org, carl, Role.CONSULTANT);
		ledger.grant(org,
				new GrantRequest("pack-" + org.value(), GrantSource.PACK, Credits.of(1500), null, null, "pack", null));

		// The consultant's product proposes two delivered reports.
		assertThat(api(key, "/api/v1/outcomes", report("rep-1", "CBC panel, sample 4711")).statusCode()).isEqualTo(201);
		assertThat(api(key, "/api/v1/outcomes", report("rep-2", "Lipid panel, sample 4712")).statusCode())
			.isEqualTo(201);

		try (Browser browser = Browser.start(port)) {
			browser.signUpAndSignIn(rita, "a long review passphrase");
			browser.open("/outcomes");
			assertThat(browser.body()).contains("CBC panel, sample 4711", "Lipid panel, sample 4712", "9f86d081884c");
			assertThat(
					browser.driver().findElement(By.cssSelector("a[href='https://lab.example/rep-1.pdf']")).getText())
				.isNotBlank();
			browser.screenshot("outcomes-1-queue");

			browser.submit("/outcomes/rep-1/approve");
			assertThat(browser.currentUrl()).endsWith("/outcomes/rep-1");
			assertThat(browser.text(".outcome-status")).isEqualTo("Approved (fee held)");
			assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(500));

			// 72 hours later the window job bills it: shown as billed, charged once.
			CLOCK.advance(Duration.ofHours(72));
			outcomes.sweep();
			outcomes.sweep();
			browser.open("/outcomes/rep-1");
			assertThat(browser.text(".outcome-status")).isEqualTo("Billed");
			assertThat(browser.driver().findElements(By.cssSelector(".outcome-audit tbody tr"))).hasSize(3);
			assertThat(browser.text(".outcome-audit")).containsOnlyOnce("Billed");
			browser.screenshot("outcomes-2-billed");
			assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1000));
			assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO);
			// The usage dashboard shows the charge by outcome type.
			browser.open("/?range=30d&groupBy=outcome_type");
			assertThat(browser.body()).contains("lab_report: 500");

			// The second report: approved, then disputed with a reason within the window.
			browser.open("/outcomes");
			browser.submit("/outcomes/rep-2/approve");
			browser.type("dispute-reason", "wrong sample tested");
			browser.submit("/outcomes/rep-2/dispute");
			assertThat(browser.text(".outcome-status")).isEqualTo("Disputed (fee held)");
			assertThat(browser.text(".outcome-audit")).contains("wrong sample tested", rita);

			// The consultant rejects it through the product: the hold is released,
			// nothing charged.
			HttpResponse<String> rejected = api(key, "/api/v1/outcomes/rep-2/resolve",
					"{\"actor\":{\"id\":\"carl\",\"email\":\"" + carl
							+ "\"},\"reason\":\"retest\",\"resolution\":\"reject\"}");
			assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
			browser.open("/outcomes/rep-2");
			assertThat(browser.text(".outcome-status")).isEqualTo("Rejected (nothing charged)");
			browser.screenshot("outcomes-3-rejected");
			CLOCK.advance(Duration.ofHours(72));
			outcomes.sweep();
			assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1000));
			assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO);
			assertThat(ledger.verify(org).consistent()).isTrue();
		}
	}

	private static String report(String id, String subject) {
		return """
				{"id":"%s","type":"lab_report","subject":"%s",
				 "evidence":{"url":"https://lab.example/%s.pdf","sha256":"%s","summary":"report"}}""".formatted(id,
				subject, id, SHA);
	}

	private HttpResponse<String> api(String key, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
