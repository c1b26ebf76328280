package se.stratlas.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange through the browser, with axe on every page: Västerbotten's strateg
 * registers a dataset, writes its schema, uploads its file and lists it; Norrbotten's
 * strateg bids; the listing closes by itself; the buyer pays and downloads through the
 * signed link and confirms the delivery; the seller confirms the payment and the deal is
 * settled with a balanced ledger. The pages are kept as screenshots in target/exchange.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stratlas.exchange.close-every=1s")
@ActiveProfiles("test")
class ExchangeBrowserIT {

	private static final Path SHOTS = Path.of("target", "exchange");

	private static Browser browser;

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void start() throws Exception {
		browser = Browser.start(1280, 1000);
		driver = browser.driver();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signIn(String username) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("stratlas-demo");
		driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
	}

	/** Signs in with a first password, choosing a new one if asked to. */
	private void signInFirstTime(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		click(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		if (driver.getCurrentUrl().contains("/account/password")) {
			driver.findElement(By.id("currentPassword")).sendKeys(password);
			driver.findElement(By.id("newPassword")).sendKeys(password + "-ny");
			driver.findElement(By.id("confirmation")).sendKeys(password + "-ny");
			click(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		}
	}

	private static String main() {
		return driver.findElement(By.tagName("main")).getText();
	}

	/** Checks the page with axe and keeps a screenshot of it. */
	private static void look(String name) throws Exception {
		browser.checkAccessibility(name);
		Files.createDirectories(SHOTS);
		Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static void click(WebElement element) {
		browser.clickAndWait(element);
	}

	@Test
	void listBidClosePayDownloadAndSettle() throws Exception {
		try {
			walk();
		}
		catch (Exception | AssertionError ex) {
			browser.dump(SHOTS, "failure");
			throw ex;
		}
	}

	private void walk() throws Exception {
		signIn("sara.strateg");
		driver.get(url("/exchange"));
		assertThat(main()).contains("Pumpstationer: flöde, nivå och larm (simulerade)")
			.contains("Resor med kollektivtrafiken per zon och timme (påhittade)")
			.contains("reglerad");
		look("market");
		driver.findElement(By.linkText("Resor med kollektivtrafiken per zon och timme (påhittade)")).click();
		look("dataset-demo");
		driver.get(url("/exchange"));
		click(driver.findElement(By.linkText("Nytt dataset")));
		look("dataset-form");
		driver.findElement(By.id("title")).sendKeys("Laddstationer: laddade kWh per station och dygn");
		driver.findElement(By.id("description")).sendKeys("Energi per laddstation och dygn.");
		new Select(driver.findElement(By.id("provenanceKind"))).selectByValue("DEVICE");
		driver.findElement(By.id("provenance")).sendKeys("Laddstationernas mätare");
		click(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		// A device names its owner.
		assertThat(driver.findElement(By.cssSelector(".field.invalid")).getText()).contains("äger");
		look("dataset-form-error");
		driver.findElement(By.id("deviceOwner")).sendKeys("Umeå Energi");
		click(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("registrerat");
		String datasetUrl = driver.getCurrentUrl().replaceAll("#.*", "");

		driver.findElement(By.id("fields")).sendKeys("station; text\ndatum; date\nenergi_kwh; decimal; kWh");
		click(driver.findElement(By.cssSelector("form[action$='/schema'] button[type=submit]")));
		Path csv = Files.createTempFile("laddning", ".csv");
		Files.writeString(csv, "station;datum;energi_kwh\nL-1;2026-11-01;412,5\nL-2;2026-11-01;\n");
		driver.findElement(By.id("file")).sendKeys(csv.toString());
		click(driver.findElement(By.cssSelector("form[action$='/files'] button[type=submit]")));
		assertThat(main()).contains("laddning").contains("412,5");
		look("dataset");

		new Select(driver.findElement(By.id("auction"))).selectByValue("SEALED_SECOND_PRICE");
		driver.findElement(By.id("reservePrice")).sendKeys("1500");
		driver.findElement(By.id("purpose-PLANNING")).click();
		driver.findElement(By.id("purpose-RESEARCH")).click();
		((JavascriptExecutor) driver).executeScript("document.getElementById('closesAt').value = arguments[0]",
				java.time.LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString());
		click(driver.findElement(By.cssSelector("form[action$='/listings'] button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Laddstationer");
		String listingUrl = driver.getCurrentUrl();
		long listingId = Long.parseLong(listingUrl.replaceAll(".*/listings/(\\d+).*", "$1"));
		look("listing-seller");

		signIn("nils.strateg");
		driver.get(listingUrl);
		driver.findElement(By.id("amount")).sendKeys("2500");
		new Select(driver.findElement(By.id("purpose"))).selectByValue("PLANNING");
		click(driver.findElement(By.cssSelector("form[action$='/bids'] button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("lagt");
		assertThat(main()).contains("2 500,00 kr");
		look("listing-bidder");

		// The deadline passes; the exchange closes the listing by itself.
		this.jdbc.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listingId)
			.update();
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.tagName("main")).getText().contains("såld");
		});
		// A lone bid pays the reserve price.
		assertThat(main()).contains("Region Norrbotten, pris 1 500,00 kr");

		driver.get(url("/exchange"));
		click(driver.findElement(By.xpath("//section//table//a[.='Laddstationer: laddade kWh per station och dygn']"
				+ "[contains(@href,'/deals/')]")));
		String dealUrl = driver.getCurrentUrl();
		look("deal-buyer");
		click(driver.findElement(By.xpath("//button[normalize-space()='Betala']")));
		String href = driver.findElement(By.linkText("Hämta data")).getAttribute("href");
		HttpResponse<String> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", browser.cookieHeader()).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).startsWith("station;datum;energi_kwh");
		click(driver.findElement(By.xpath("//button[normalize-space()='Leveransen stämmer']")));
		assertThat(main()).contains("hämtad");

		signIn("sara.strateg");
		driver.get(dealUrl);
		click(driver.findElement(By.xpath("//button[normalize-space()='Betalningen har kommit in']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("reglerad");
		assertThat(driver.findElement(By.id("ledger")).findElement(By.xpath("following::table[1]")).getText())
			.contains("Databörsens spärrkonto")
			.contains("Säljaren Region Västerbotten");
		look("deal-seller-settled");
		byte[] contract = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(dealUrl + "/contract.pdf"))
				.header("Cookie", browser.cookieHeader())
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body();
		// Kept to look at: pdftoppm -png -r 60 target/exchange/contract.pdf
		// target/exchange/contract
		Files.write(SHOTS.resolve("contract.pdf"), contract);
		assertThat(new String(contract, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// The donors' and shared value's pages of the demo's mobility dataset, and the
		// data-altruism register.
		driver.get(url("/exchange"));
		click(driver.findElement(By.linkText("Resor från reseappen, med donatorer (påhittade)")));
		click(driver.findElement(By.xpath("//main//a[contains(@href,'/donors')]")));
		assertThat(main()).contains("DN-");
		look("donors");
		driver.navigate().back();
		click(driver.findElement(By.xpath("//main//a[contains(@href,'/distribution')]")));
		look("distribution");
		driver.get(url("/exchange/altruism"));
		look("altruism");

		// The demo's pumping-station stream and the alarm inbox with the acknowledged
		// alarm.
		driver.get(url("/exchange"));
		click(driver.findElement(By.linkText("Pumpstationer, Umeå (simulerade)")));
		click(driver.findElement(By.xpath("//main//a[contains(@href,'/stream')]")));
		assertThat(main()).contains("PS-02").contains("Ersboda").contains("kvitterat");
		assertThat(driver.findElements(By.cssSelector("main svg polyline"))).hasSize(12);
		look("stream");
		driver.get(url("/exchange/alarms"));
		assertThat(main()).contains("sara.strateg");
		look("alarms");

		// The platform administrator's oversight.
		signInFirstTime("admin", "first-admin-password");
		driver.get(url("/exchange/governance"));
		assertThat(main()).contains("Herfindahl");
		look("governance");

		signIn("sara.strateg");
		driver.get(url("/exchange?lang=en"));
		assertThat(main()).contains("Data exchange").contains("settled");
		look("market-en");
		browser.resize(390, 900);
		driver.get(dealUrl);
		look("deal-phone");
		assertThat(browser.sidewaysOverflow()).as("the deal page at 390 px: %s", browser.widerThanWindow())
			.isLessThanOrEqualTo(0);
		browser.resize(1280, 1000);
		assertThat(browser.violations()).isEmpty();
	}

}
