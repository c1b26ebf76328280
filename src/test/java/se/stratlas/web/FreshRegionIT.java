package se.stratlas.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region other than the demo's, from an empty instance, through the browser only:
 * Region Dalarna (county 20) sets up its profile, units and people, writes Dalastrategin
 * with its own level names (målområde → prioritering), types three indicators into the
 * Excel template for the county and three municipalities, links them to the strategy,
 * registers two initiatives, runs a 2025 follow-up cycle with two units (write → ready →
 * return → approve) and ends with a report whose indicator chapters show Dalarna's values
 * and charts, on screen, in PDF and in Word; then a tertial cycle with its finance
 * figures from a CSV. axe checks every page on the way; nothing of Västerbotten may
 * appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stratlas.demo.enabled=false", "stratlas.bootstrap.organisation-code=dalarna",
				"stratlas.bootstrap.organisation-name=Region Dalarna",
				"stratlas.bootstrap.admin-password=dalarnas-forsta-losen" })
@ActiveProfiles("test")
class FreshRegionIT {

	private static Browser browser;

	private static WebDriver driver;

	private final Map<String, String> passwords = new HashMap<>();

	@LocalServerPort
	int port;

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

	@Test
	void dalarnaBuildsItsFollowUpFromAnEmptyInstanceAndPublishesAReportWithItsOwnValues() throws Exception {
		try {
			story();
		}
		catch (Exception | AssertionError ex) {
			browser.dump(Path.of("target", "fresh-region"), "failure");
			throw ex;
		}
	}

	private void story() throws Exception {
		this.passwords.put("admin", "dalarnas-forsta-losen");

		// The administrator: profile with the home county, units and people.
		signIn("admin");
		assertThat(main()).contains("Kom igång").contains("0 av 7 steg klara");
		checkAccessibility("start, empty organisation");
		clickAndWait(driver.findElement(By.linkText("Fyll i organisationens profil")));
		checkAccessibility("organisation profile");
		new Select(driver.findElement(By.id("homeArea"))).selectByValue("20");
		new Select(driver.findElement(By.id("kind"))).selectByValue("REGION");
		driver.findElement(By.id("contactEmail")).sendKeys("regional.utveckling@regiondalarna.se");
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/admin/organisation'] button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).isNotBlank();
		unit("Regional utveckling");
		unit("Kultur och bildning");
		checkAccessibility("units");
		user("stina.strateg", "Stina Strateg", null, "STRATEGIST");
		user("rut.rapportor", "Rut Rapportör", "Regional utveckling", "REPORTER");
		user("kalle.kultur", "Kalle Kultur", "Kultur och bildning", "REPORTER");
		user("gun.granskare", "Gun Granskare", null, "REVIEWER");
		driver.get(url("/"));
		assertThat(main()).contains("3 av 7 steg klara");

		// The strateg: Dalastrategin with its own level names.
		signIn("stina.strateg");
		driver.get(url("/strategies/new"));
		checkAccessibility("new strategy");
		driver.findElement(By.id("code")).sendKeys("DALA");
		driver.findElement(By.id("nameSv")).sendKeys("Dalastrategin 2030");
		driver.findElement(By.id("periodStart")).sendKeys("2021");
		driver.findElement(By.id("periodEnd")).sendKeys("2030");
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		String strategyUrl = driver.getCurrentUrl();
		driver.get(strategyUrl.replaceAll("\\?.*", "") + "/edit");
		checkAccessibility("strategy with levels");
		for (WebElement level : driver.findElements(By.cssSelector(".levels-form input[name$='-nameSv']"))) {
			level.clear();
		}
		level("GOAL", "Målområde", "Målområden", "Goal area");
		level("PRIORITY", "Prioritering", "Prioriteringar", "Priority");
		clickAndWait(driver.findElement(By.cssSelector(".levels-form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).isNotBlank();

		String[][] goals = { { "1", "Ett Dalarna som växer" }, { "2", "Ett hållbart Dalarna" },
				{ "3", "Ett Dalarna för alla" } };
		String[][] priorities = { { "1.1", "Kompetensförsörjning" }, { "1.2", "Näringslivets förnyelse" },
				{ "2.1", "Klimatomställning" }, { "2.2", "Hållbara transporter" }, { "3.1", "Kultur och bildning" },
				{ "3.2", "Folkhälsa" } };
		Map<String, String> elementUrls = new HashMap<>();
		for (int g = 0; g < goals.length; g++) {
			driver.get(strategyUrl);
			clickAndWait(driver.findElement(By.linkText("Nytt element överst")));
			Select type = new Select(driver.findElement(By.id("type")));
			// Only the strategy's own levels, by its own names.
			assertThat(type.getOptions().stream().map(WebElement::getText)).containsExactly("Målområde",
					"Prioritering");
			type.selectByVisibleText("Målområde");
			element(goals[g][0], goals[g][1]);
			String goalUrl = driver.getCurrentUrl();
			assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Målområde");
			for (int p = 2 * g; p < 2 * g + 2; p++) {
				driver.get(goalUrl);
				clickAndWait(driver.findElement(By.linkText("Nytt underliggande element")));
				new Select(driver.findElement(By.id("type"))).selectByVisibleText("Prioritering");
				element(priorities[p][0], priorities[p][1]);
				elementUrls.put(priorities[p][0], driver.getCurrentUrl());
			}
		}
		driver.get(strategyUrl);
		assertThat(main()).contains("Målområde").contains("Kompetensförsörjning").contains("Folkhälsa");
		checkAccessibility("strategy tree");

		// Learning before there is anything to learn from: no cycle, no indicator.
		String strategyId = strategyUrl.replaceAll(".*/strategies/(\\d+).*", "$1");
		driver.get(url("/learning/strategies/" + strategyId));
		assertThat(main()).contains("Kompetensförsörjning").contains("Folkhälsa").doesNotContain("Västerbotten");
		checkAccessibility("learning overview, empty strategy");
		driver.get(url("/learning/elements/" + elementId(elementUrls.get("3.2"))));
		assertThat(main()).contains("Det finns ingen uppföljning av strategin ännu.")
			.contains("Inga indikatorer mäter elementet")
			.contains("Inga insatser bidrar")
			.doesNotContain("Västerbotten");
		checkAccessibility("learning page, empty element");

		// Three indicators, their values typed into the Excel template.
		defineIndicator("DALA_SYSS", "Förvärvsfrekvens 20–64 år", "procent", "HIGHER_IS_BETTER");
		defineIndicator("DALA_EFTERGYMN", "Eftergymnasial utbildning 25–64 år", "procent", "HIGHER_IS_BETTER");
		defineIndicator("DALA_CO2", "Utsläpp av växthusgaser per invånare", "ton", "LOWER_IS_BETTER");
		driver.get(url("/indicators/import"));
		checkAccessibility("indicator import");
		byte[] template = download(
				driver.findElement(By.partialLinkText("Excel")).getAttribute("href").replace("&amp;", "&"));
		Path filled = fillTemplate(template);
		driver.get(url("/indicators/import"));
		driver.findElement(By.id("file")).sendKeys(filled.toString());
		clickAndWait(driver.findElement(By.cssSelector("form[enctype] button[type=submit]")));
		assertThat(new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.success")))
			.getText()).contains("dalarna.xlsx");
		checkAccessibility("import run");

		// Linked to the strategy: two from the prioritering's page, one from its edit
		// form.
		driver.get(elementUrls.get("1.1"));
		linkFromElementPage("DALA_SYSS");
		linkFromElementPage("DALA_EFTERGYMN");
		assertThat(driver.findElement(By.id("element-indicators")).getText()).contains("Förvärvsfrekvens 20–64 år")
			.contains("Eftergymnasial utbildning 25–64 år")
			.contains("2025");
		checkAccessibility("prioritering with indicators");
		driver.get(url("/indicators"));
		clickAndWait(driver.findElement(By.linkText("Utsläpp av växthusgaser per invånare")));
		// The home county is what the page shows first.
		assertThat(
				new Select(driver.findElement(By.id("area"))).getAllSelectedOptions().stream().map(WebElement::getText))
			.contains("Dalarnas län");
		assertThat(driver.findElement(By.cssSelector("figure.chart-figure")).getText()).contains("Dalarnas län");
		clickAndWait(driver.findElement(By.partialLinkText("Ändra definition och kopplingar")));
		checkAccessibility("indicator edit");
		driver.findElement(By.xpath("//div[@id='elements-options']//label[contains(.,'Klimatomställning')]")).click();
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		driver.get(elementUrls.get("2.1"));
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("element-indicators"), "Utsläpp av växthusgaser per invånare"));

		// Two initiatives, in Dalarna's municipalities.
		initiative("Kompetenslyft Dalarna", "Regional utveckling", "Falun", "Borlänge");
		initiative("Kulturskola i hela länet", "Kultur och bildning", "Mora", "Falun");

		// The 2025 cycle from the strategy, two units.
		driver.get(url("/followup/new"));
		checkAccessibility("new cycle");
		driver.findElement(By.id("name")).sendKeys("Uppföljning av Dalastrategin 2025");
		new Select(driver.findElement(By.id("kind"))).selectByValue("ANNUAL");
		driver.findElement(By.id("periodCode")).clear();
		driver.findElement(By.id("periodCode")).sendKeys("2025");
		new Select(driver.findElement(By.id("strategyVersionId"))).selectByIndex(1);
		new Select(driver.findElement(By.id("template"))).selectByValue("STRATEGY");
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Uppföljning av Dalastrategin 2025");
		String cycleUrl = driver.getCurrentUrl();
		clickAndWait(driver.findElement(By.linkText("Mall och uppdrag")));
		checkAccessibility("sections");
		assign("Prioritering 1.1", "Framgångsfaktorer och utmaningar", "Regional utveckling", "Rut Rapportör");
		assign("Prioritering 3.1", "Framgångsfaktorer och utmaningar", "Kultur och bildning", "Kalle Kultur");
		driver.get(cycleUrl);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Öppna för inrapportering']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Öppen");

		// Write, ready, return, fix, approve.
		signIn("rut.rapportor");
		assertThat(main()).contains("Framgångsfaktorer och utmaningar");
		checkAccessibility("start, rapportör");
		driver.get(url("/followup/tasks"));
		clickAndWait(driver.findElement(By.xpath("//tr[td/span[starts-with(.,'Prioritering 1.1')]]//a")));
		String rutsText = driver.getCurrentUrl();
		checkAccessibility("contribution editor");
		WebElement body = driver.findElement(By.id("body"));
		body.sendKeys("Fler i arbete i södra Dalarna. ");
		new Select(driver.findElement(By.id("ref-indicator"))).selectByValue("DALA_SYSS");
		new Select(driver.findElement(By.id("ref-area"))).selectByVisibleText("Falun");
		driver.findElement(By.cssSelector("[data-insert-ref='indikator']")).click();
		assertThat(body.getAttribute("value")).contains("[[indikator:DALA_SYSS@2080]]");
		clickAndWait(driver.findElement(By.cssSelector("#editor button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".rendered figure.indicator-ref")).getText())
			.contains("Förvärvsfrekvens 20–64 år")
			.contains("Falun")
			.contains("83,1");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Klarmarkera']")));
		browser.resize(390, 900);
		assertThat(browser.sidewaysOverflow()).as("the contribution page at 390 px: %s", browser.widerThanWindow())
			.isLessThanOrEqualTo(0);
		browser.resize(1280, 1000);

		signIn("kalle.kultur");
		driver.get(rutsText);
		assertThat(main()).doesNotContain("Fler i arbete i södra Dalarna.");
		driver.get(url("/followup/tasks"));
		clickAndWait(driver.findElement(By.xpath("//tr[td/span[starts-with(.,'Prioritering 3.1')]]//a")));
		String kallesText = driver.getCurrentUrl();
		driver.findElement(By.id("body")).sendKeys("Kulturskolan nådde tre nya kommuner.");
		clickAndWait(driver.findElement(By.cssSelector("#editor button[type=submit]")));
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Klarmarkera']")));

		signIn("gun.granskare");
		driver.get(rutsText);
		checkAccessibility("contribution review");
		driver.findElement(By.id("return-comment")).sendKeys("Nämn kommunerna.");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Återremittera']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Återremitterad");
		driver.get(kallesText);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Godkänn']")));

		signIn("rut.rapportor");
		driver.get(rutsText);
		assertThat(driver.findElement(By.cssSelector(".comments")).getText()).contains("Nämn kommunerna.");
		driver.findElement(By.id("body")).sendKeys(" Falun och Borlänge ökade mest.");
		clickAndWait(driver.findElement(By.cssSelector("#editor button[type=submit]")));
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Klarmarkera']")));

		signIn("gun.granskare");
		driver.get(rutsText);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Godkänn']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Godkänd");
		clickAndWait(driver.findElement(By.linkText("Versionshistorik")));
		assertThat(main()).contains("Återremitterad").contains("Godkänd");
		checkAccessibility("contribution history");

		// The report: its indicator chapters show Dalarna's values and charts.
		signIn("stina.strateg");
		driver.get(cycleUrl);
		driver.findElement(By.id("productName")).sendKeys("Dalastrategin – uppföljning 2025");
		new Select(driver.findElement(By.id("productKind"))).selectByValue("FOLLOW_UP");
		// A new product opens on its choice of sections.
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Ny rapportprodukt']")));
		checkAccessibility("product sections");
		driver.findElement(By.cssSelector("[data-checklist-all]")).click();
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Spara']")));
		clickAndWait(driver.findElement(By.partialLinkText("Rapport:")));
		WebElement preview = new WebDriverWait(driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".report-frame")));
		String shown = preview.getText();
		assertThat(shown).contains("Målområden")
			.contains("Prioritering 1.1: Kompetensförsörjning")
			.contains("Falun och Borlänge ökade mest.")
			.contains("Kulturskolan nådde tre nya kommuner.")
			.contains("Förvärvsfrekvens 20–64 år, Dalarnas län")
			.contains("Förvärvsfrekvens 20–64 år, Falun")
			.contains("81,4")
			.doesNotContain("Västerbotten")
			.doesNotContain("Inga värden ännu");
		assertThat(driver.findElements(By.cssSelector(".report-frame figure.chart img")))
			.hasSizeGreaterThanOrEqualTo(3);
		checkAccessibility("report preview");

		String pdfHref = driver.findElement(By.partialLinkText("PDF")).getAttribute("href");
		String pdfText;
		byte[] pdfBytes = download(pdfHref);
		// Kept to look at: pdftoppm -png -r 60 target/fresh-region/report.pdf
		Files.createDirectories(Path.of("target", "fresh-region"));
		Files.write(Path.of("target", "fresh-region", "report.pdf"), pdfBytes);
		try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
			pdfText = new PDFTextStripper().getText(pdf);
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF").isNotNull();
		}
		assertThat(pdfText).contains("Dalarnas län")
			.contains("81,4")
			.contains("Kompetensförsörjning")
			.doesNotContain("Västerbotten");
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
				download(driver.findElement(By.partialLinkText("Word")).getAttribute("href"))));
				XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
			assertThat(words.getText()).contains("Förvärvsfrekvens 20–64 år, Dalarnas län")
				.contains("81,4")
				.doesNotContain("Västerbotten");
			assertThat(docx.getAllPictures()).as("charts in Word").hasSizeGreaterThanOrEqualTo(3);
		}

		// What the cycle taught: the priority's learning page reads Dalarna's values and
		// the approved text, and takes an assessment and a lesson.
		driver.get(url("/learning/elements/" + elementId(elementUrls.get("1.1"))));
		assertThat(main()).contains("Förvärvsfrekvens 20–64 år")
			.contains("Senaste värde, Dalarnas län")
			.contains("Falun och Borlänge ökade mest.")
			// The reference reads as words, not as its markup.
			.contains("[Förvärvsfrekvens 20–64 år, Falun]")
			.doesNotContain("[[indikator:")
			.contains("Inga insatser bidrar")
			.doesNotContain("Västerbotten");
		checkAccessibility("learning page, after the cycle");
		driver.findElement(By.id("judgement-PARTLY")).click();
		driver.findElement(By.id("motivation")).sendKeys("Fler i arbete, men utbildningsnivån står still.");
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/assessment'] button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).isNotBlank();
		driver.findElement(By.id("lesson-body")).sendKeys("Insatser i södra Dalarna når fler än i norra.");
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/lessons'] button[type=submit]")));
		assertThat(main()).contains("Insatser i södra Dalarna når fler än i norra.");
		driver.get(url("/learning/strategies/" + strategyId));
		assertThat(driver.findElement(By.xpath("//tr[th[contains(.,'Kompetensförsörjning')]]")).getText())
			.contains("delvis");
		checkAccessibility("learning overview, after the cycle");

		// A tertial cycle with the units' finance figures from a CSV.
		driver.get(url("/followup/new"));
		driver.findElement(By.id("name")).sendKeys("Delårsrapport tertial 1 2025");
		new Select(driver.findElement(By.id("kind"))).selectByValue("TERTIAL");
		driver.findElement(By.id("periodCode")).clear();
		driver.findElement(By.id("periodCode")).sendKeys("2025T1");
		new Select(driver.findElement(By.id("template"))).selectByValue("SCORECARD");
		driver.findElement(By.xpath("//div[@id='unitIds-options']//label[.='Regional utveckling']")).click();
		driver.findElement(By.xpath("//div[@id='unitIds-options']//label[.='Kultur och bildning']")).click();
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Delårsrapport tertial 1 2025");
		assertThat(main()).contains("T1 2025").doesNotContain("2025T1");
		driver.get(url("/followup/figures/import"));
		checkAccessibility("figures import");
		uploadFigures("""
				enhet,period,budget_mnkr,utfall_mnkr,helårsprognos_mnkr
				Regional utveckling,2025T1,"12,5","11,9","37,0"
				Kultur och bildning,2025T1,"8,0",åtta,"24,5"
				""");
		assertThat(driver.findElement(By.cssSelector(".notice.error")).getText()).contains("3").contains("utfall_mnkr");
		uploadFigures("""
				enhet,period,budget_mnkr,utfall_mnkr,helårsprognos_mnkr
				Regional utveckling,2025T1,"12,5","11,9","37,0"
				Kultur och bildning,2025T1,"8,0","8,6","24,5"
				""");
		driver.get(url("/followup/figures?period=2025T1"));
		assertThat(driver.findElement(By.xpath("//tr[th[contains(.,'Kultur och bildning')]]")).getText())
			.contains("8,6");
		checkAccessibility("figures");

		driver.get(url("/"));
		assertThat(main()).doesNotContain("Kom igång");
		assertThat(browser.violations()).isEmpty();
	}

	private static String elementId(String elementUrl) {
		return elementUrl.replaceAll(".*/elements/(\\d+).*", "$1");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String main() {
		return driver.findElement(By.tagName("main")).getText();
	}

	private static void checkAccessibility(String page) {
		browser.checkAccessibility(page);
	}

	private static void clickAndWait(WebElement element) {
		browser.clickAndWait(element);
	}

	/**
	 * Signs in; at the first sign-in the password set by the administrator is replaced.
	 */
	private void signIn(String username) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(this.passwords.get(username));
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		if (driver.getCurrentUrl().contains("/account/password")) {
			checkAccessibility("first password change");
			String chosen = this.passwords.get(username) + "-eget";
			driver.findElement(By.id("currentPassword")).sendKeys(this.passwords.get(username));
			driver.findElement(By.id("newPassword")).sendKeys(chosen);
			driver.findElement(By.id("confirmation")).sendKeys(chosen);
			clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
			this.passwords.put(username, chosen);
		}
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
	}

	private void unit(String name) {
		driver.get(url("/admin/units"));
		driver.findElement(By.id("name")).sendKeys(name);
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/admin/units'] button[type=submit]")));
		assertThat(main()).contains(name);
	}

	private void user(String username, String name, String unit, String role) {
		driver.get(url("/admin/users/new"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("displayName")).sendKeys(name);
		if (unit != null) {
			new Select(driver.findElement(By.id("unitId"))).selectByVisibleText(unit);
		}
		driver.findElement(By.id("role-" + role)).click();
		String password = "lösenord-för-" + username;
		driver.findElement(By.id("password")).sendKeys(password);
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).isNotBlank();
		this.passwords.put(username, password);
	}

	private static void level(String type, String name, String plural, String english) {
		driver.findElement(By.name("level-" + type + "-nameSv")).sendKeys(name);
		driver.findElement(By.name("level-" + type + "-pluralSv")).sendKeys(plural);
		driver.findElement(By.name("level-" + type + "-nameEn")).sendKeys(english);
	}

	private static void element(String code, String name) {
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("nameSv")).sendKeys(name);
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
	}

	private void defineIndicator(String code, String name, String unit, String polarity) {
		driver.get(url("/indicators"));
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("nameSv")).sendKeys(name);
		driver.findElement(By.id("unit")).sendKeys(unit);
		new Select(driver.findElement(By.id("polarity"))).selectByValue(polarity);
		new Select(driver.findElement(By.id("source"))).selectByValue("OWN");
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/indicators'] button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
	}

	/**
	 * The template as the strateg fills it in: its example rows (which must name
	 * Dalarna's own areas) replaced by the region's values for the county and three
	 * municipalities. Mora's 2023 emissions are secret.
	 */
	private static Path fillTemplate(byte[] template) throws Exception {
		Path file = Files.createTempDirectory("stratlas-dalarna-").resolve("dalarna.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet values = workbook.getSheetAt(0);
			StringBuilder examples = new StringBuilder();
			for (int r = 1; r <= values.getLastRowNum(); r++) {
				Row row = values.getRow(r);
				examples.append(row.getCell(0)).append(' ').append(row.getCell(1)).append('\n');
				values.removeRow(row);
			}
			assertThat(examples.toString()).contains("DALA_")
				.contains(" 20\n")
				.contains(" 2084\n")
				.doesNotContain("24")
				.doesNotContain("DEMO");
			String help = workbook.getSheetAt(1).toString() + sheetText(workbook.getSheetAt(1));
			assertThat(help).doesNotContain("Västerbotten").doesNotContain("DEMO_").contains("K = kvinnor");
			Map<String, double[]> base = Map.of("DALA_SYSS", new double[] { 81.4, 83.1, 80.2, 79.5 }, "DALA_EFTERGYMN",
					new double[] { 38.2, 47.9, 36.5, 33.0 }, "DALA_CO2", new double[] { 6.1, 4.2, 7.9, 5.5 });
			String[] areas = { "20", "2080", "2081", "2062" };
			int r = 1;
			for (var indicator : List.of("DALA_SYSS", "DALA_EFTERGYMN", "DALA_CO2")) {
				for (int a = 0; a < areas.length; a++) {
					for (int year = 2019; year <= 2025; year++) {
						Row row = values.createRow(r++);
						row.createCell(0).setCellValue(indicator);
						row.createCell(1).setCellValue(areas[a]);
						row.createCell(2).setCellValue(String.valueOf(year));
						row.createCell(3).setCellValue("T");
						if (indicator.equals("DALA_CO2") && areas[a].equals("2062") && year == 2023) {
							row.createCell(5).setCellValue("sekretess");
							continue;
						}
						// The latest year is the one the report shows; earlier years lead
						// up to it.
						double value = base.get(indicator)[a] - (2025 - year) * 0.3;
						row.createCell(4).setCellValue(Math.round(value * 10) / 10.0);
						if (year == 2025) {
							row.createCell(6).setCellValue("preliminär");
						}
					}
				}
			}
			try (var out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		return file;
	}

	private static String sheetText(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> text.append(cell).append(' ')));
		return text.toString();
	}

	private static void linkFromElementPage(String code) {
		WebElement choice = new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("link-indicator")));
		new Select(choice).selectByVisibleText(new Select(choice).getOptions()
			.stream()
			.map(WebElement::getText)
			.filter(t -> t.startsWith(code + " "))
			.findFirst()
			.orElseThrow());
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Koppla']")));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#element-indicators table")));
	}

	private void initiative(String name, String unit, String... municipalities) {
		driver.get(url("/initiatives/new"));
		checkAccessibility("new initiative");
		driver.findElement(By.id("name")).sendKeys(name);
		new Select(driver.findElement(By.id("ownerUnitId"))).selectByVisibleText(unit);
		// The home county's municipalities come first; no other county's are needed.
		String firstGroup = driver.findElement(By.cssSelector("#areaCodes-options .checklist-group")).getText();
		assertThat(firstGroup).isEqualTo("Dalarnas län");
		for (String municipality : municipalities) {
			driver.findElement(By.xpath("//div[@id='areaCodes-options']//label[.='" + municipality + "']")).click();
		}
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
	}

	private static void assign(String chapter, String section, String unit, String person) {
		driver.findElement(By.xpath("//p[contains(@class,'checklist-group') and starts-with(.,'" + chapter + "')]"
				+ "/following-sibling::div[label[.='" + section + "']][1]/label"))
			.click();
		new Select(driver.findElement(By.id("unitId"))).selectByVisibleText(unit);
		Select responsible = new Select(driver.findElement(By.id("responsibleUserId")));
		responsible.selectByVisibleText(person);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Tilldela']")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("sparade");
	}

	private void uploadFigures(String csv) throws Exception {
		Path file = Files.createTempDirectory("stratlas-figures-").resolve("ekonomi.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		driver.get(url("/followup/figures/import"));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		clickAndWait(driver.findElement(By.cssSelector("form[enctype] button[type=submit]")));
	}

	/** A download as the signed-in user (the browser's own cookies). */
	private static byte[] download(String href) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", browser.cookieHeader()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(href).isEqualTo(200);
		return response.body();
	}

}
