package se.stratlas.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The machine's Chromium driven headless for the browser tests, with an axe check of WCAG
 * 2.1 A/AA (serious and critical violations are collected) and the waits the tests need.
 * On CI a missing Chromium fails; elsewhere the test is skipped.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final List<String> violations = new ArrayList<>();

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	/** A headless Chromium with a fresh profile and a window of the given size. */
	public static Browser start(int width, int height) throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (see .ci/run)");
		}
		assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Path profile = Files.createTempDirectory("stratlas-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return new Browser(driver);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Checks the page shown against WCAG 2.1 A/AA; serious and critical findings are
	 * kept.
	 */
	public void checkAccessibility(String page) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				this.violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " "
						+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
			}
		}
	}

	/** What {@link #checkAccessibility} found so far. */
	public List<String> violations() {
		return this.violations;
	}

	/** Clicks and waits until the next page has replaced this one and has loaded. */
	public void clickAndWait(WebElement element) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		element.click();
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
		// The old page is gone once asking about its root fails; while the browser swaps
		// documents that can also be a plain WebDriverException ("node does not belong to
		// the document").
		wait.until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				return true;
			}
		});
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** How far the page shown is wider than the window (0: nothing scrolls sideways). */
	public long sidewaysOverflow() {
		Object overflow = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		return ((Number) overflow).longValue();
	}

	/** The elements wider than the window, to say what scrolls sideways. */
	public String widerThanWindow() {
		Object found = ((JavascriptExecutor) this.driver).executeScript("""
				var w = document.documentElement.clientWidth, found = [];
				function scrolls(e) {
				  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
				    if (getComputedStyle(p).overflowX !== 'visible') { return true; }
				  }
				  return false;
				}
				document.querySelectorAll('body *').forEach(function (e) {
				  var b = e.getBoundingClientRect();
				  if (b.width > 0 && b.right > w + 1 && !scrolls(e)) {
				    found.push(e.tagName + '.' + e.className + ' ' + Math.round(b.right));
				  }
				});
				return found.slice(0, 10).join('; ');""");
		return String.valueOf(found);
	}

	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/**
	 * The browser's cookies as a Cookie header, to fetch a download as the signed-in
	 * user.
	 */
	public String cookieHeader() {
		return this.driver.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	/** Saves a screenshot and the source of the page shown, to see why a test failed. */
	public void dump(Path directory, String name) {
		try {
			Files.createDirectories(directory);
			Files.write(directory.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) this.driver)
				.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			Files.writeString(directory.resolve(name + ".html"),
					this.driver.getCurrentUrl() + "\n" + this.driver.getPageSource());
		}
		catch (Exception ex) {
			// Best effort: the test's own failure is what matters.
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
