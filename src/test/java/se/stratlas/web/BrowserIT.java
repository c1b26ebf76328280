package se.stratlas.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The main flow in a real browser (the machine's Chromium), with an axe accessibility
 * check of every page it passes: no serious or critical WCAG 2.1 A/AA violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static WebDriver driver;

	private static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void browser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (see .ci/run)");
		}
		assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("stratlas-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
		driver = new ChromeDriver(options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterAll
	static void close() {
		if (driver != null) {
			driver.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private final List<String> violations = new ArrayList<>();

	private void checkAccessibility(String page) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				this.violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " "
						+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
			}
		}
	}

	private void signIn(String username) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		checkAccessibility("login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("stratlas-demo");
		driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
	}

	@Test
	void aStrategistBrowsesTheRusTreeEditsAnElementAndSeesItInTheHistory() {
		driver.get(url("/"));
		checkAccessibility("home (anonymous)");
		driver.get(url("/public/strategies"));
		checkAccessibility("published strategies");

		signIn("sara.strateg");
		checkAccessibility("home");
		driver.findElement(By.linkText("Strategier")).click();
		checkAccessibility("strategies");
		driver.findElement(By.partialLinkText("en attraktiv region")).click();
		checkAccessibility("RUS tree");

		WebElement search = driver.findElement(By.id("tree-q"));
		search.sendKeys("1:2");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree-region"), "1 träff"));
		checkAccessibility("RUS tree with search");
		driver.findElement(By.cssSelector("#strategy-tree mark a")).click();

		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("1.2");
		checkAccessibility("element");
		WebElement description = driver.findElement(By.id("descriptionSv"));
		description.clear();
		description.sendKeys("Beskrivning skriven i webbläsartestet");
		driver.findElement(By.cssSelector("#element-edit-form button[type=submit]")).click();

		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("sparade");
		WebElement history = driver.findElement(By.cssSelector(".history-list"));
		assertThat(history.getText()).contains("sara.strateg").contains("Beskrivning skriven i webbläsartestet");
		checkAccessibility("element after save");

		driver.findElement(By.linkText("RUS")).click();
		driver.findElement(By.linkText("Versioner")).click();
		checkAccessibility("versions");
		driver.get(url("/strategies/new"));
		checkAccessibility("new strategy");
		driver.get(url("/account"));
		checkAccessibility("account");
		driver.get(url("/strategies/elements/987654321"));
		checkAccessibility("not found");
		driver.get(url("/strategies?lang=en"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Strategies");
		checkAccessibility("strategies in English");
		driver.get(url("/strategies?lang=sv"));

		signIn("anna.admin");
		driver.get(url("/admin/users"));
		checkAccessibility("users");
		driver.get(url("/admin/audit"));
		assertThat(driver.getPageSource()).contains("sara.strateg");
		checkAccessibility("audit log");

		assertThat(this.violations).isEmpty();
	}

}
