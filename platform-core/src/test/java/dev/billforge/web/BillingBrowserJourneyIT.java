package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.testsupport.BillingScenarioTest;
import dev.billforge.testsupport.Browser;

/**
 * Billing in a real browser (Debian chromium): an owner subscribes to a plan on the
 * Stripe emulator's hosted Checkout with a promotion code (the invoice on the billing
 * page shows the discount and the tax, the plan's credits are granted in full), turns
 * automatic top-up on from the billing page, and when usage takes the credits below the
 * threshold exactly one pack is bought with the saved card and its credits show on the
 * dashboard. Catalog {@code billing-chaos-catalog.yml} (promotion code {@code HALF}: 50 %
 * off), tax on, in {@code WebhookChaosIT}'s context ({@link BillingScenarioTest}).
 * Screenshots in {@code target/screenshots/billing-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BillingScenarioTest
class BillingBrowserJourneyIT {

	static final String PASSWORD = "a long billing passphrase";

	@LocalServerPort
	int port;

	Browser browser;

	WebDriver driver;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = Browser.start(port);
		driver = browser.driver();
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aPlanBoughtWithAPromotionCodeThenAutoTopUpBuysOnePackWhenUsageCrossesTheThreshold() throws Exception {
		browser.signUpAndSignIn("owner@billing-journey.test", PASSWORD);
		assertThat(browser.currentUrl()).endsWith("/onboarding");
		browser.type("name", "Promo & Top-up");
		new Select(driver.findElement(By.id("timeZone"))).selectByValue("Europe/Berlin");
		browser.submit("/onboarding");
		assertThat(browser.body()).contains("100 SPU");

		// Subscribe on the hosted Checkout with the promotion code and a German billing
		// address.
		browser.open("/billing");
		Browser.clickAndWait(driver, driver
			.findElement(By.xpath("//form[input[@name='lookupKey' and @value='test_individual_monthly']]//button")));
		WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(30));
		slow.until(ExpectedConditions.urlContains("/checkout/cs_"));
		WebElement pay = slow
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action$='/pay'] button[type=submit]")));
		assertThat(browser.body()).contains("TEST MODE").contains("19.00");
		driver.findElement(By.name("promotion_code")).sendKeys("HALF");
		driver.findElement(By.name("country")).sendKeys("DE");
		browser.screenshot("billing-01-checkout-promotion-code");
		Browser.clickAndWait(driver, pay);
		slow.until(ExpectedConditions.urlContains("localhost:" + port + "/?billing=checkout_complete"));
		// 100 free + the plan's 2,000: half the price, all the credits.
		assertThat(browser.body()).contains("Payment received.").contains("2100 SPU");

		// The invoice shows the discount and the tax (DE: 19 % of $9.50).
		browser.open("/billing");
		assertThat(browser.text("#invoices td.invoice-discount")).isEqualTo("−$9.50");
		assertThat(browser.text("#invoices td.invoice-tax")).isEqualTo("$1.81");
		assertThat(browser.body()).contains("Test Individual");
		browser.screenshot("billing-02-discounted-invoice");

		// Automatic top-up on: buy 1,000 credits when fewer than 500 are left, at most 3
		// times a month.
		assertThat(browser.text("#auto-top-up")).contains("Off.");
		new Select(driver.findElement(By.id("top-up-pack"))).selectByValue("test_pack_1000");
		browser.type("top-up-threshold", "500");
		browser.type("top-up-limit", "3");
		browser.submit("/billing/auto-top-up");
		browser.open("/billing");
		assertThat(browser.text("#auto-top-up")).contains("On: when available credits fall below 500 SPU")
			.contains("(0 this month)");
		browser.screenshot("billing-03-auto-top-up-on");

		// Usage by API takes the credits to 400: one pack is bought off session and
		// granted once.
		String key = apiKey();
		use(key, "job-1", 1700);
		new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(d -> {
			browser.open("/");
			return browser.body().contains("1400 SPU");
		});
		// More usage above the threshold buys nothing more.
		use(key, "job-2", 10);
		browser.open("/");
		assertThat(browser.body()).contains("1390 SPU");
		browser.open("/billing");
		assertThat(browser.text("#auto-top-up")).contains("(1 this month)");
		assertThat(driver.findElements(By.xpath("//tr[td[1]='Credit pack' and td[2]='1000']"))).hasSize(1);
		browser.screenshot("billing-04-topped-up");
	}

	private String apiKey() {
		browser.open("/api-keys");
		browser.type("key-name", "top-up");
		browser.submit("/api-keys");
		String key = driver.findElement(By.id("new-key")).getDomAttribute("value");
		assertThat(key).contains("_sk_");
		return key;
	}

	private void use(String key, String idempotencyKey, int pages) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/usage"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"idempotencyKey\":\"" + idempotencyKey
						+ "\",\"meter\":\"page\",\"quantity\":" + pages + "}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
