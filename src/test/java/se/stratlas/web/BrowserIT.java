package se.stratlas.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow in a real browser (the machine's Chromium), with an axe accessibility
 * check of every page it passes: no serious or critical WCAG 2.1 A/AA violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserIT {

	private static Browser browser;

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void browser() throws Exception {
		browser = Browser.start(1280, 1000);
		driver = browser.driver();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void freshFindings() {
		browser.violations().clear();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void checkAccessibility(String page) {
		browser.checkAccessibility(page);
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
		// The demo's learning has started a draft of a revised RUS; the adopted version
		// is
		// one choice away.
		driver
			.get(url("/strategies/" + DemoIds.of(this.jdbc).rus() + "?version=" + DemoIds.of(this.jdbc).rusVersion()));

		WebElement search = driver.findElement(By.id("tree-q"));
		search.sendKeys("1:2");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree-region"), "1 träff"));
		checkAccessibility("RUS tree with search");
		driver.findElement(By.cssSelector("#strategy-tree mark a")).click();

		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("1.2");
		// The adopted RUS is locked: the strateg is pointed to a new version instead.
		assertThat(driver.findElement(By.cssSelector(".notice.info")).getText()).contains("antagen och därför låst");
		assertThat(driver.findElements(By.id("descriptionSv"))).isEmpty();
		assertThat(driver.findElement(By.linkText("Skapa en ny version")).getAttribute("href")).endsWith("/versions");
		checkAccessibility("adopted element");

		// The digitalisation strategy is out on remiss: it can still be edited.
		driver.findElement(By.linkText("Strategier")).click();
		clickAndWait(driver.findElement(By.partialLinkText("digitaliseringsstrategi")));
		clickAndWait(driver.findElement(By.partialLinkText("Digitala infrastrukturer")));
		checkAccessibility("element");
		WebElement description = driver.findElement(By.id("descriptionSv"));
		description.clear();
		description.sendKeys("Beskrivning skriven i webbläsartestet");
		driver.findElement(By.cssSelector("#element-edit-form button[type=submit]")).click();

		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("sparade");
		WebElement history = driver.findElement(By.cssSelector(".history-list"));
		assertThat(history.getText()).contains("sara.strateg").contains("Beskrivning skriven i webbläsartestet");
		checkAccessibility("element after save");

		driver.findElement(By.linkText("RDS")).click();
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
		driver.findElement(By.linkText("Säkerhetskopia")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Säkerhetskopia");
		assertThat(driver.findElement(By.linkText("Ladda ner arkivet")).getAttribute("href"))
			.endsWith("/admin/archive/download");
		checkAccessibility("backup");

		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void aProjectOfficerRegistersAnApplicationTheGateRefusesUntilInclusionIsPositiveThenItIsGranted() throws Exception {
		signIn("rasmus.rapportor");
		driver.get(url("/applications"));
		checkAccessibility("applications");
		clickAndWait(driver.findElement(By.linkText("Ny ansökan")));
		checkAccessibility("new application");
		driver.findElement(By.id("title")).sendKeys("Webbtest: kvinnors företagande i fjällen");
		driver.findElement(By.id("amountApplied")).sendKeys("750000");
		clickAndWait(driver.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("kvinnors företagande");
		String applicationUrl = driver.getCurrentUrl();
		assess(0, "BIDRAR");
		assess(1, "BIDRAR_INTE");
		assess(2, "BIDRAR");
		checkAccessibility("application with assessments");
		assertThat(driver.getPageSource()).contains("Ansökan kan inte beviljas ännu");

		signIn("greta.granskare");
		driver.get(applicationUrl);
		clickAndWait(driver.findElement(By.cssSelector("#decision-form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.error")).getText())
			.contains("Jämlik och jämställd inkludering");

		signIn("rasmus.rapportor");
		driver.get(applicationUrl);
		assess(1, "BIDRAR_VASENTLIGT");

		signIn("greta.granskare");
		driver.get(applicationUrl);
		clickAndWait(driver.findElement(By.cssSelector("#decision-form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("beviljad");
		clickAndWait(driver.findElement(By.partialLinkText("Öppna insatsen")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("kvinnors företagande");
		checkAccessibility("initiative");
		String initiativeUrl = driver.getCurrentUrl();

		signIn("rasmus.rapportor");
		driver.get(initiativeUrl);
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("elementKey")))
			.selectByVisibleText("RUS 2.2 Delprioritering 2.2");
		driver.findElement(By.id("primary")).click();
		clickAndWait(driver.findElement(By.cssSelector("#contributions ~ form button[type=submit]")));
		driver.findElement(By.id("sdgCode")).sendKeys("5");
		clickAndWait(driver.findElement(By.cssSelector("#sdg ~ form button[type=submit]")));
		assertThat(driver.getPageSource()).contains("RUS 2.2").contains("Mål 5");

		driver.get(url("/portfolio"));
		checkAccessibility("portfolio");
		assertThat(driver.findElement(By.id("sdg")).isDisplayed()).isTrue();
		String export = driver.findElement(By.partialLinkText("Exportera alla vyer")).getAttribute("href");
		java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(export))
				.header("Cookie", "STRATLAS_SESSION=" + driver.manage().getCookieNamed("STRATLAS_SESSION").getValue())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory
			.create(new java.io.ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
		}
		driver.get(url("/initiatives?q=fjällen"));
		assertThat(driver.getPageSource()).contains("kvinnors företagande i fjällen");
		checkAccessibility("initiatives");
		driver.get(url("/initiatives/import"));
		checkAccessibility("import");
		driver.get(url("/actors"));
		checkAccessibility("actors");
		driver.get(url("/contacts"));
		checkAccessibility("contacts");
		driver.get(url("/partnerships"));
		checkAccessibility("partnerships");
		signIn("anna.admin");
		driver.get(url("/admin/units"));
		checkAccessibility("units");
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void anAnalystImportsKoladaAndScbFilesBuildsAComputedIndicatorSetsATargetAndSeesTheDashboard() throws Exception {
		signIn("sara.strateg");
		defineIndicator("N00914", "Förvärvsarbetande (Kolada, webbtest)", "KOLADA", "N00914", null, null);
		defineIndicator("SYSS01", "Förvärvsarbetande (SCB, webbtest)", "SCB", "AM0207:SYSS01", null, null);
		defineIndicator("WEB_KVOT", "Kolada genom SCB (webbtest)", "COMPUTED", null, "N00914", "SYSS01");

		driver.get(url("/indicators/import"));
		checkAccessibility("indicator import");
		upload("kolada/data-page1.json", "kolada.json");
		assertThat(finished(".notice.success")).contains("kolada.json");
		checkAccessibility("import run");
		upload("scb/syss.json", "scb.json");
		assertThat(finished(".notice.success")).contains("scb.json");
		upload("kolada/data-broken.json", "trasig.json");
		assertThat(finished("table.problems")).contains("$.values[1].values[0].gender");
		checkAccessibility("refused import run");

		driver.get(url("/indicators"));
		checkAccessibility("indicators");
		clickAndWait(driver.findElement(By.linkText("Kolada genom SCB (webbtest)")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("area"))).selectByValue("2480");
		clickAndWait(driver.findElement(By.cssSelector("form.inline-form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector("figure.chart-figure svg title")).getAttribute("textContent"))
			.contains("Kolada genom SCB");
		checkAccessibility("computed indicator");

		driver.get(url("/indicators"));
		clickAndWait(driver.findElement(By.linkText("Förvärvsarbetande (Kolada, webbtest)")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("t-area"))).selectByValue("24");
		driver.findElement(By.id("t-value")).sendKeys("80");
		driver.findElement(By.id("t-deadline")).sendKeys("2030");
		driver.findElement(By.id("t-baseline")).sendKeys("2023");
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/targets'] button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("Målet");
		assertThat(driver.findElements(By.cssSelector("[class*='target-']"))).isNotEmpty();

		driver.get(url("/strategies"));
		clickAndWait(driver.findElement(By.partialLinkText("en attraktiv region")));
		clickAndWait(driver.findElement(By.partialLinkText("En nära tillgänglig region")));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#element-indicators table")));
		clickAndWait(driver.findElement(By.partialLinkText("Alla indikatorer för elementet")));
		assertThat(driver.findElements(By.cssSelector("td .tag[class*='target-']"))).isNotEmpty();
		assertThat(driver.getPageSource()).contains("Hushåll med tillgång till minst 1 Gbit/s");
		checkAccessibility("priority 3 dashboard");
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void aCycleFromLastYearIsWrittenReturnedFixedApprovedAndUsedInTwoReports() {
		signIn("sara.strateg");
		driver.get(url("/followup"));
		checkAccessibility("follow-up cycles");
		clickAndWait(driver.findElement(By.linkText("Resultat Västerbotten 2023")));
		checkAccessibility("cycle overview");
		driver.findElement(By.xpath("//button[normalize-space()='Skapa nästa cykel från denna']")).click();
		driver.switchTo().alert().accept();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Resultat Västerbotten 2024"));
		String cycleUrl = driver.getCurrentUrl();
		clickAndWait(driver.findElement(By.linkText("Mall och uppdrag")));
		checkAccessibility("template and assignments");
		driver.findElement(By.xpath("//p[contains(@class,'checklist-group') and starts-with(.,'Prioritering 3')]"
				+ "/following-sibling::div[label[.='Omvärldsbevakning']][1]/label"))
			.click();
		driver.findElement(By.xpath("//select[@id='unitId']/option[contains(.,'Företag- och projektfinansiering')]"))
			.click();
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("responsibleUserId")))
			.selectByVisibleText("Rasmus Rapportör");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Tilldela']")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).contains("sparade");
		driver.get(cycleUrl);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Öppna för inrapportering']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Öppen");

		signIn("rasmus.rapportor");
		driver.get(url("/followup/tasks"));
		checkAccessibility("my tasks");
		clickAndWait(driver.findElement(By.xpath("//tr[td/span[starts-with(.,'Prioritering 3')]]//a")));
		String contributionUrl = driver.getCurrentUrl();
		checkAccessibility("contribution editor");
		WebElement body = driver.findElement(By.id("body"));
		body.sendKeys("Bredbandsutbyggnaden fortsatte i inlandet. ");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ref-indicator")))
			.selectByValue("DEMO_BREDBAND");
		driver.findElement(By.cssSelector("[data-insert-ref='indikator']")).click();
		driver.findElement(By.cssSelector("[data-insert-ref='insats']")).click();
		assertThat(body.getAttribute("value")).contains("[[indikator:DEMO_BREDBAND]]").contains("[[insats:");
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "sparades automatiskt"));
		driver.findElement(By.xpath("//button[normalize-space()='Förhandsgranska']")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview figure.indicator-ref")));
		checkAccessibility("contribution preview");
		clickAndWait(driver.findElement(By.cssSelector("#editor button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector(".rendered figure.indicator-ref")).getText())
			.contains("Hushåll med tillgång till minst 1 Gbit/s");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Klarmarkera']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Klarmarkerad");

		signIn("greta.granskare");
		driver.get(contributionUrl);
		checkAccessibility("contribution review");
		driver.findElement(By.id("return-comment")).sendKeys("Ange vilka kommuner som fick bredband.");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Återremittera']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Återremitterad");

		signIn("rasmus.rapportor");
		driver.get(contributionUrl);
		assertThat(driver.findElement(By.cssSelector(".comments")).getText())
			.contains("Ange vilka kommuner som fick bredband.");
		driver.findElement(By.id("body")).sendKeys(" Sorsele och Storuman fick fiber.");
		clickAndWait(driver.findElement(By.cssSelector("#editor button[type=submit]")));
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Klarmarkera']")));

		signIn("greta.granskare");
		driver.get(contributionUrl);
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Godkänn']")));
		assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Godkänd");
		clickAndWait(driver.findElement(By.linkText("Versionshistorik")));
		checkAccessibility("contribution history");
		assertThat(driver.findElement(By.cssSelector(".history-list")).getText()).contains("Återremitterad")
			.contains("Godkänd");

		signIn("sara.strateg");
		driver.get(cycleUrl);
		WebElement progress = driver.findElement(By
			.xpath("//table[.//caption[contains(.,'Läget per enhet')]]//tr[th[.='Företag- och projektfinansiering']]"));
		// Columns: not started, draft, ready, returned, approved, late, total.
		assertThat(progress.findElements(By.tagName("td")).get(4).getText()).isEqualTo("1");
		clickAndWait(driver.findElement(By.linkText("Resultat Västerbotten 2024")));
		checkAccessibility("report product");
		assertThat(driver.findElement(By.cssSelector(".report-preview")).getText())
			.contains("Sorsele och Storuman fick fiber.");
		driver.get(cycleUrl);
		clickAndWait(driver.findElement(By.linkText("Regionala utvecklingsnämndens årsredovisning 2024")));
		assertThat(driver.findElement(By.cssSelector(".report-preview")).getText())
			.doesNotContain("Sorsele och Storuman fick fiber.");
		clickAndWait(driver.findElement(By.linkText("Välj avsnitt")));
		driver.findElement(By.xpath("//label[starts-with(.,'Prioritering 3') and contains(.,'Omvärldsbevakning')]"))
			.click();
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Spara']")));
		assertThat(driver.findElement(By.cssSelector(".report-preview")).getText())
			.contains("Sorsele och Storuman fick fiber.");

		signIn("nils.strateg");
		driver.get(url("/followup/figures?period=2021T1"));
		checkAccessibility("figures");
		assertThat(driver.findElement(By.xpath("//tr[th[contains(.,'Division Länsteknik')]]")).getText())
			.contains("131");
		clickAndWait(driver.findElement(By.linkText("Registrera ekonomi och personal")));
		checkAccessibility("figures grid");
		driver.get(url("/followup/figures/import"));
		checkAccessibility("figures import");
		driver.get(url("/followup"));
		clickAndWait(driver.findElement(By.linkText("Delårsrapport tertial 1 2021")));
		clickAndWait(driver.findElement(By.linkText("Divisionernas delårsrapporter april 2021")));
		checkAccessibility("interim report");
		assertThat(driver.findElement(By.cssSelector(".report-preview")).getText()).contains("Uppnås delvis")
			.contains("146 procent");
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void aStrategistPreviewsFreezesAndPublishesTheResultatReport() {
		signIn("sara.strateg");
		driver.get(url("/followup"));
		clickAndWait(driver.findElement(By.linkText("Resultat Västerbotten 2023")));
		clickAndWait(driver.findElement(By.linkText("Återrapportering till regeringen 2023")));
		clickAndWait(driver.findElement(By.partialLinkText("Rapport: förhandsvisning")));
		checkAccessibility("report preview");
		assertThat(driver.findElement(By.cssSelector(".report-frame")).getText()).contains("Om rapporten")
			.contains("Genomförandet av den regionala utvecklingsstrategin");
		assertThat(driver.findElement(By.linkText("PDF (tillgänglig, PDF/UA)")).getAttribute("href"))
			.endsWith("report.pdf");
		// Before freezing, the sections without an approved text are listed and must be
		// confirmed.
		assertThat(driver.findElement(By.cssSelector(".gap-list")).getText())
			.contains("ingen enhet har fått avsnittet");
		driver.findElement(By.id("confirmGaps")).click();
		driver.findElement(By.xpath("//button[normalize-space()='Frys och arkivera en utgåva']")).click();
		driver.switchTo().alert().accept();
		new WebDriverWait(driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edition-status"), "Utgåvan skapades"));
		checkAccessibility("report edition");
		driver.navigate().refresh();
		// The frozen report arrives spliced into the gzipped page (SplicedGzipView).
		assertThat(driver.findElement(By.cssSelector(".report-frame")).getText()).contains("Om rapporten")
			.contains("Genomförandet av den regionala utvecklingsstrategin");
		// A draft edition is published only when that is confirmed (this one is a draft
		// only
		// if one of its texts is not approved).
		driver.findElements(By.id("confirmDraft")).forEach(WebElement::click);
		driver.findElement(By.xpath("//button[normalize-space()='Publicera']")).click();
		driver.switchTo().alert().accept();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "publicerad"));

		driver.manage().deleteAllCookies();
		driver.get(url("/public/reports"));
		checkAccessibility("published reports");
		clickAndWait(driver.findElement(By.linkText("Återrapportering till regeringen 2023")));
		checkAccessibility("public report");
		assertThat(driver.findElement(By.cssSelector(".report-frame")).getText()).contains("Samverkan");
		assertThat(driver.findElements(By.xpath("//a[normalize-space()='CSV']"))).isNotEmpty();
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void aStrategistGivesTheCommitteesReportAQuestionOfItsOwn() {
		signIn("sara.strateg");
		driver.get(url("/followup"));
		clickAndWait(driver.findElement(By.linkText("Resultat Västerbotten 2023")));
		clickAndWait(driver.findElement(By.linkText("Regionala utvecklingsnämndens årsredovisning 2023")));
		assertThat(driver.findElement(By.cssSelector(".layout-summary")).getText()).contains("Måluppfyllelse")
			.contains("Personal");
		clickAndWait(driver.findElement(By.linkText("Ändra rapportens delar")));
		checkAccessibility("report parts");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("add"))).selectByValue("QUESTION");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Lägg till']")));
		List<WebElement> parts = driver.findElements(By.cssSelector("fieldset.layout-part"));
		WebElement added = parts.getLast();
		String id = added.getAttribute("id");
		driver.findElement(By.id(id + "-title")).sendKeys("Nämndens särskilda uppdrag");
		driver.findElement(By.id(id + "-question")).sendKeys("Hur har nämnden samverkat under året?");
		// The question is answered by the chapter's "Samverkan" and goes first.
		added.findElements(By.cssSelector("input[type=checkbox][name$='.sectionIds']"))
			.stream()
			.filter(box -> driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
				.getText()
				.endsWith(": Samverkan"))
			.findFirst()
			.orElseThrow()
			.click();
		WebElement place = driver.findElement(By.id(id + "-position"));
		place.clear();
		place.sendKeys("1");
		checkAccessibility("report parts with a new question");
		// Kept to look at: the form as a strateg sees it.
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", added);
		browser.dump(java.nio.file.Path.of("target", "screenshots"), "report-parts");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Spara']")));
		assertThat(driver.findElement(By.cssSelector(".notice.success")).getText()).isNotBlank();
		assertThat(driver.findElements(By.cssSelector("fieldset.layout-part legend")).getFirst().getText())
			.contains("Fråga");
		clickAndWait(driver.findElement(By.linkText("Tillbaka")));
		clickAndWait(driver.findElement(By.partialLinkText("Rapport: förhandsvisning")));
		assertThat(driver.findElement(By.cssSelector(".report-frame")).getText()).contains("Nämndens särskilda uppdrag")
			.contains("Hur har nämnden samverkat under året?");
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	void aFacilitatorFillsInASwotAndBrowsesTheScanning() {
		signIn("rasmus.rapportor");
		driver.get(url("/foresight"));
		checkAccessibility("environmental scanning");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("view"))).selectByValue("radar");
		clickAndWait(driver.findElement(By.cssSelector("form.inline-form button[type=submit]")));
		assertThat(driver.findElement(By.cssSelector("svg.radar title")).getAttribute("textContent"))
			.isEqualTo("Omvärldsradar");
		checkAccessibility("scanning radar");
		driver.get(url("/foresight/workshops"));
		checkAccessibility("workshops");
		driver.findElement(By.id("name")).sendKeys("Framtidsverkstad i Lycksele");
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Skapa workshop']")));
		driver.findElement(By.id("new-OPPORTUNITY")).sendKeys("Fler som distansarbetar från inlandet");
		clickAndWait(driver.findElement(By.cssSelector("#opportunity form.inline-form button[type=submit]")));
		assertThat(driver.findElement(By.id("opportunity")).getText()).doesNotContain("Ingen");
		assertThat(driver.findElement(By.cssSelector("#opportunity input[name=text]")).getAttribute("value"))
			.isEqualTo("Fler som distansarbetar från inlandet");
		checkAccessibility("swot board");
		driver.get(url("/foresight/search?q=datafö"));
		checkAccessibility("foresight search");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Dataförordningen");
		driver.get(url("/foresight/dialogues"));
		clickAndWait(driver.findElement(By.partialLinkText("Partnerskapsdag")));
		checkAccessibility("dialogue");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Jan Midlert");
		signIn("nils.strateg");
		driver.get(url("/foresight/scenarios"));
		driver.findElement(By.xpath("//label[normalize-space()='Basindustriregionen']")).click();
		driver.findElement(By.xpath("//label[normalize-space()='Smart specialisering baserad på relaterad variation']"))
			.click();
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Jämför']")));
		assertThat(driver.findElement(By.cssSelector("table.data caption")).getText())
			.isEqualTo("Scenarierna sida vid sida");
		checkAccessibility("scenarios compared");
		clickAndWait(driver.findElements(By.linkText("Ändra scenariot")).getFirst());
		checkAccessibility("scenario form");
		driver.get(url("/foresight/workshops"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Bostadsbrist");
		checkAccessibility("workshops with themes");
		assertThat(browser.violations()).isEmpty();
	}

	@Autowired
	JdbcClient jdbc;

	/**
	 * The learning loop: a priority's evidence, a lesson, a proposal decided by a second
	 * person and shown with its reason in the version comparison.
	 */
	@Test
	void aStrategistLearnsFromAPriorityAndASecondPersonDecidesAProposal() {
		DemoIds ids = DemoIds.of(this.jdbc);
		signIn("sara.strateg");
		driver.get(url("/strategies/" + ids.rus()));
		clickAndWait(driver.findElement(By.linkText("Fungerar strategin?")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Fungerar strategin?");
		assertThat(driver.findElement(By.cssSelector("table.heat")).getText()).contains("hälsofrämjande")
			.contains("inte på väg");
		checkAccessibility("learning overview");
		browser.dump(java.nio.file.Path.of("target", "screenshots"), "learning-overview");
		clickAndWait(driver.findElement(By.partialLinkText("hälsofrämjande")));
		browser.dump(java.nio.file.Path.of("target", "screenshots"), "learning-top");
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Läget i korthet", "Insatser som bidrar", "Vad enheterna skrev", "Omvärlden",
				"Bedömning", "Lärdomar", "Förslag till revidering", "HLT");
		checkAccessibility("learning page");

		driver.findElement(By.id("lesson-body")).sendKeys("Lärdom skriven i webbläsartestet");
		driver.findElement(By.cssSelector("#lesson-new-ev-0")).click();
		clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Lägg till lärdomen']")));
		assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).contains("Lärdomen är sparad");
		assertThat(driver.findElement(By.id("lessons")).findElement(By.xpath("..")).getText())
			.contains("Lärdom skriven i webbläsartestet");
		browser.dump(java.nio.file.Path.of("target", "screenshots"), "learning-page");

		// Sara prepared the demo's proposal for priority 2; Anna decides it.
		signIn("anna.admin");
		driver.get(url("/learning/strategies/" + ids.rus()));
		clickAndWait(driver.findElement(By.partialLinkText("näringslivsutveckling")));
		WebElement proposal = driver
			.findElement(By.xpath("//article[.//h3[contains(., 'Jämställt och jämlikt företagande')]]"));
		proposal.findElement(By.tagName("textarea")).sendKeys("Beslutat i webbläsartestet.");
		clickAndWait(proposal.findElement(By.xpath(".//button[normalize-space()='Besluta']")));
		assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).contains("beslutat");
		checkAccessibility("learning page after a decision");

		driver.get(url("/learning/strategies/" + ids.rus() + "/revision"));
		assertThat(driver.findElement(By.tagName("table")).getText())
			.contains("Jämställt och jämlikt företagande i prioriteringens lydelse")
			.contains("Omställningen i vård och omsorg får en egen delprioritering");
		checkAccessibility("revision");
		long draft = this.jdbc.sql("select max(id) from strategy_version where strategy_id = :s")
			.param("s", ids.rus())
			.query(Long.class)
			.single();
		driver.get(url("/strategies/" + ids.rus() + "/compare?from=" + ids.rusVersion() + "&to=" + draft));
		assertThat(driver.findElement(By.tagName("table")).getText())
			.contains("Förslag: Jämställt och jämlikt företagande");
		checkAccessibility("comparison with reasons");
		driver.get(url("/learning/strategies/" + ids.rus() + "?lang=en"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Does the strategy work?");
		checkAccessibility("learning overview in English");
		driver.get(url("/strategies?lang=sv"));
		assertThat(browser.violations()).isEmpty();
	}

	/**
	 * On a phone (390 px) no page of the main flows scrolls sideways: wide tables scroll
	 * inside their own frame, facts stack, toolbars wrap.
	 */
	@Test
	void onAPhoneNothingScrollsSideways() {
		DemoIds ids = DemoIds.of(this.jdbc);
		List<String> wide = new java.util.ArrayList<>();
		browser.resize(390, 900);
		try {
			signIn("rasmus.rapportor");
			for (String page : List.of("/", "/followup/tasks", "/followup/contributions/" + ids.contribution(),
					"/followup/contributions/" + ids.contribution() + "/history", "/followup/" + ids.cycle(),
					"/initiatives", "/initiatives/" + ids.initiative(), "/indicators", "/indicators/" + ids.indicator(),
					"/strategies/" + ids.rus(), "/strategies/elements/" + ids.priority1(),
					"/learning/elements/" + ids.priority1(), "/learning/strategies/" + ids.rus(), "/foresight",
					"/followup/" + ids.cycle() + "/products/" + ids.product())) {
				driver.get(url(page));
				if (browser.sidewaysOverflow() > 0) {
					wide.add(page + " is " + browser.sidewaysOverflow() + " px too wide: " + browser.widerThanWindow());
				}
			}
			checkAccessibility("contribution on a phone");
		}
		finally {
			browser.resize(1280, 1000);
		}
		assertThat(wide).isEmpty();
	}

	private void defineIndicator(String code, String name, String source, String sourceRef, String numerator,
			String denominator) {
		driver.get(url("/indicators"));
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("nameSv")).sendKeys(name);
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("source"))).selectByValue(source);
		if (sourceRef != null) {
			driver.findElement(By.id("sourceRef")).sendKeys(sourceRef);
		}
		if (numerator != null) {
			driver.findElement(By.id("numerator")).sendKeys(numerator);
			driver.findElement(By.id("denominator")).sendKeys(denominator);
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("factor"))).selectByValue("100");
		}
		else {
			driver.findElement(By.id("bySex")).click();
		}
		clickAndWait(driver.findElement(By.cssSelector("form[action$='/indicators'] button[type=submit]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
	}

	private void upload(String fixture, String filename) throws Exception {
		Path file = Files.createTempDirectory("stratlas-upload-").resolve(filename);
		Files.write(file,
				new org.springframework.core.io.ClassPathResource("fixtures/" + fixture).getContentAsByteArray());
		driver.get(url("/indicators/import"));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		clickAndWait(driver.findElement(By.cssSelector("form[enctype] button[type=submit]")));
	}

	/** The text of what the run page shows once the background import has finished. */
	private static String finished(String selector) {
		return new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)))
			.getText();
	}

	private static void clickAndWait(WebElement element) {
		browser.clickAndWait(element);
	}

	private void assess(int direction, String level) {
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("a" + direction + "-level")))
			.selectByValue(level);
		driver.findElements(By.cssSelector("form.assessment-form"))
			.get(direction)
			.findElement(By.cssSelector("button[type=submit]"))
			.click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "sparad"));
	}

}
