package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.accounts.Accounts;
import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.Browser;

/**
 * The customer's and the operator's walk through the app in a real browser (Debian's
 * chromium and chromium-driver): sign up, onboarding, an API key, usage by API, the
 * dashboard's chart and projection, the 70 % alert in the bell and the outbox, buying a
 * credit pack through the Stripe emulator's hosted Checkout, an operator grant, the audit
 * log. Screenshots land in {@code target/screenshots/}.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Links in mails from this server's own port (the embedded default's base URL).
		"billforge.public-base-url=", "billforge.value-metric.free-tier=100",
		"billforge.value-metric.meters.page.rate=1", "billforge.notifications.dispatch-interval=PT1H",
		"billforge.billing.catalog.location=classpath:billing-test-catalog.yml",
		"billforge.billing.jobs.enabled=false" })
class BrowserJourneyIT {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "a long journey passphrase";

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			System.out.println("BrowserJourneyIT skipped: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (install with: apt-get install -y chromium chromium-driver)");
		}
		Assumptions.assumeTrue(present,
				"chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--window-size=1280,1000", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.get(url(path));
	}

	void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void submit(String formAction) {
		Browser.submit(browser, formAction);
	}

	/**
	 * Clicks and waits for the next page: on a loaded machine the click returns before it
	 * replaced this one.
	 */
	void clickAndWait(WebElement element) {
		Browser.clickAndWait(browser, element);
	}

	String body() {
		return browser.findElement(By.tagName("body")).getText();
	}

	void signUpAndSignIn(String email) {
		open("/signup");
		type("email", email);
		type("password", PASSWORD);
		submit("/signup");
		assertThat(browser.getCurrentUrl()).endsWith("/login?registered");
		signIn(email);
		// Until the address is confirmed only the "check your mail" page opens; the
		// development
		// outbox shows the person their own confirmation mail, whose link they follow.
		assertThat(browser.getCurrentUrl()).endsWith("/check-mail");
		open("/outbox");
		followMailedLink("/verify-email/");
	}

	/**
	 * Opens the first link in the shown mail whose path starts with {@code pathPrefix}.
	 */
	void followMailedLink(String pathPrefix) {
		Matcher link = Pattern.compile("http://localhost:" + port + Pattern.quote(pathPrefix) + "\\S+").matcher(body());
		assertThat(link.find()).as("a mailed link to " + pathPrefix + " in " + body()).isTrue();
		browser.get(link.group());
	}

	void signIn(String email) {
		open("/login");
		type("username", email);
		type("password", PASSWORD);
		submit("/login");
	}

	void signOut() {
		submit("/logout");
	}

	@Test
	void signUpToAuditLog() throws Exception {
		// Sign up; the first sign-in asks for the org.
		open("/signup");
		screenshot("01-signup");
		signUpAndSignIn("owner@journey.test");
		assertThat(browser.getCurrentUrl()).endsWith("/onboarding");
		type("name", "Journey & Co");
		new Select(browser.findElement(By.id("timeZone"))).selectByValue("Europe/Berlin");
		screenshot("02-onboarding");
		submit("/onboarding");
		assertThat(body()).contains("Journey & Co").contains("100 credits").contains("No usage in this range yet.");
		screenshot("03-dashboard-empty");

		// An API key, shown once.
		open("/api-keys");
		type("key-name", "ci");
		submit("/api-keys");
		String key = browser.findElement(By.id("new-key")).getDomAttribute("value");
		assertThat(key).contains("_sk_");
		screenshot("04-api-key-created");

		// Usage by API: 75 of the 100 free credits.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/usage")))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"events\":[{\"idempotencyKey\":\"job-1\",\"meter\":\"page\",\"quantity\":75,\"properties\":{\"operation\":\"extract\"}}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		open("/");
		// Real clock: whether the credits run out before period end depends on the day of
		// the month.
		assertThat(body()).contains("75 of 100 used")
			.contains("75 % of this period")
			.contains("used by period end at the current rate")
			.containsAnyOf("At this rate your credits run out on", "At this rate your credits last the period.");
		assertThat(browser.findElements(By.cssSelector("svg.chart rect.s0"))).isNotEmpty();
		screenshot("05-dashboard-usage");

		// The 70 % alert: in the bell (htmx) and, once delivered, in the outbox.
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector(".bell .badge")).isEmpty());
		// 70 %, plus "projected exhaustion" when the run-rate says the credits end before
		// period end.
		assertThat(browser.findElement(By.cssSelector(".bell .badge")).getText()).isIn("1", "2");
		open("/notifications");
		assertThat(body()).contains("70 % of this period's credits used");
		screenshot("06-notifications");
		notifications.deliverDue();
		open("/outbox");
		assertThat(body()).contains("70");
		screenshot("07-outbox");

		open("/billing");
		assertThat(body()).contains("Spend cap")
			.contains("Buy 1,000 credits for $10.00")
			.contains("No invoices yet.")
			.contains("Test mode — payments are simulated.");
		screenshot("08-billing");

		// Buy a pack: the billing page hands over to the emulator's hosted Checkout; pay
		// with the succeeding card.
		clickAndWait(
				browser.findElement(By.xpath("//form[input[@name='lookupKey' and @value='test_pack_1000']]//button")));
		WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(30));
		slow.until(ExpectedConditions.urlContains("/checkout/cs_"));
		WebElement pay = slow
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action$='/pay'] button[type=submit]")));
		assertThat(body()).contains("TEST MODE").contains("10.00");
		assertThat(browser.findElement(By.cssSelector("input[value=card_success]")).isSelected()).isTrue();
		screenshot("09-checkout");
		clickAndWait(pay);
		slow.until(ExpectedConditions.urlContains("localhost:" + port + "/?billing=checkout_complete"));
		// 100 free − 75 used + the pack's 1,000.
		assertThat(body()).contains("Payment received.").contains("1025 credits");
		screenshot("10-checkout-complete");
		open("/billing");
		assertThat(browser.findElements(By.xpath("//tr[td[1]='Credit pack' and td[2]='1000' and td[3]='1000']")))
			.hasSize(1);
		screenshot("11-billing-after-purchase");
		browser.findElement(By.cssSelector("[data-theme-toggle]")).click();
		screenshot("12-billing-dark");
		signOut();

		// The operator, made by the operator command, sets a password through the mailed
		// link.
		String setPassword = accounts.createOperator("ops@journey.test").setPasswordLink();
		assertThat(setPassword).startsWith(url("/password-reset/"));
		browser.get(setPassword);
		type("password", PASSWORD);
		clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
		assertThat(browser.getCurrentUrl()).endsWith("/login?reset");
		signIn("ops@journey.test");
		// The operator grants credits with a reason.
		open("/operator");
		type("q", "Journey");
		submit("/operator");
		clickAndWait(browser.findElement(By.linkText("Journey & Co")));
		type("grant-credits", "500");
		type("grant-reason", "Pilot customer top-up");
		clickAndWait(browser.findElement(By.cssSelector("form[action$='/grants'] button[type=submit]")));
		assertThat(body()).contains("Credits granted and recorded in the audit log.").contains("Pilot customer top-up");
		screenshot("13-operator-org");
		signOut();

		// The owner sees it in the org's audit log and in the balance.
		signIn("owner@journey.test");
		open("/audit");
		assertThat(body()).contains("Pilot customer top-up").contains("ops@journey.test").contains("Granted credits");
		screenshot("14-audit-log");
		open("/");
		assertThat(body()).contains("1525 credits");

		// Errors are readable pages, in German too.
		open("/no/such/page?lang=de");
		assertThat(body()).contains("Seite nicht gefunden").doesNotContain("Exception");
		screenshot("15-not-found-de");
	}

}
