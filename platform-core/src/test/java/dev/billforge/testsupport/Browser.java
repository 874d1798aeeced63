package dev.billforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through chromedriver (both in /usr/bin), for browser
 * journeys against a test's server: the set-up and helpers of {@code BrowserJourneyIT}
 * (clicks that wait for the next page, a submit that finds a button a late page load
 * replaced, the local-account sign-up with the confirmation link from the development
 * outbox). Screenshots land in {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final WebDriver driver;

	private final int port;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.port = port;
	}

	/**
	 * Starts the browser for the server on {@code port}; the test is skipped where
	 * chromium is not installed.
	 */
	public static Browser start(int port) throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String missing = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException(missing + "; CI must run the browser tests (.ci/run installs them)");
		}
		Assumptions.assumeTrue(present, missing);
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--window-size=1280,1000", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, port);
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	public String currentUrl() {
		return driver.getCurrentUrl();
	}

	public void screenshot(String name) throws IOException {
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	public void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Presses the submit button of the form posting to {@code formAction} and waits for
	 * the next page.
	 */
	public void submit(String formAction) {
		submit(driver, formAction);
	}

	/** {@link #submit(String)} for a test that holds its own driver. */
	public static void submit(WebDriver driver, String formAction) {
		By button = By.cssSelector("form[action='" + formAction + "'] button[type=submit]");
		for (int attempt = 1;; attempt++) {
			try {
				clickAndWait(driver, driver.findElement(button));
				return;
			}
			catch (WebDriverException ex) {
				// Chromium refuses a click on a node a late part of the page load just
				// replaced; nothing was clicked.
				boolean replaced = ex instanceof StaleElementReferenceException
						|| String.valueOf(ex.getMessage()).contains("does not belong to the document");
				if (attempt == 3 || !replaced) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Clicks and waits for the next page: on a loaded machine the click returns before it
	 * replaced this one.
	 */
	public static void clickAndWait(WebDriver driver, WebElement element) {
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(element));
	}

	public String body() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String text(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector)).getText();
	}

	/**
	 * Signs a local account up, signs in and confirms the address through the outbox's
	 * link, as a person would.
	 */
	public void signUpAndSignIn(String email, String password) {
		open("/signup");
		type("email", email);
		type("password", password);
		submit("/signup");
		assertThat(currentUrl()).endsWith("/login?registered");
		open("/login");
		type("username", email);
		type("password", password);
		submit("/login");
		assertThat(currentUrl()).endsWith("/check-mail");
		open("/outbox");
		Matcher link = Pattern.compile("http://localhost:" + port + Pattern.quote("/verify-email/") + "\\S+")
			.matcher(body());
		assertThat(link.find()).as("a mailed confirmation link in " + body()).isTrue();
		driver.get(link.group());
	}

	@Override
	public void close() {
		driver.quit();
	}

}
