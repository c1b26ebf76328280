package se.stratlas.reports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import se.stratlas.reports.internal.XlsxReport;
import se.stratlas.reports.internal.PdfReport;
import se.stratlas.reports.internal.DocxReport;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.indicators.IndicatorAnalytics;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.Target;
import se.stratlas.testing.DemoReports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports: content checked against the data, PDF/UA validated, DOCX read back,
 * editions frozen.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportsIT {

	@Autowired
	Reports reports;

	@Autowired
	Editions editions;

	@Autowired
	PublishedEditions publishedEditions;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	Contributions contributions;

	@Autowired
	UnitFigureBook figures;

	@Autowired
	IndicatorRegistry indicators;

	@Autowired
	IndicatorAnalytics analytics;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	Logos logos;

	StratlasPrincipal strategist;

	StratlasPrincipal norrbotten;

	@BeforeAll
	static void verapdf() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@BeforeEach
	void setUp() {
		this.strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		this.norrbotten = (StratlasPrincipal) this.users.loadUserByUsername("nils.strateg");
	}

	private Product product(StratlasPrincipal user, String cycleName, String productName) {
		return DemoReports.product(this.cycles, this.products, user.organisationId(), cycleName, productName);
	}

	@Test
	void everyApprovedContributionAppearsOnceInItsChapterAndTheIndicatorsMatchTheData() {
		Product product = product(this.strategist, "Resultat Västerbotten 2023", "Resultat Västerbotten 2023");
		ReportDocument document = this.reports.build(this.strategist.organisationId(), product.cycleId(), product.id());
		// Walk the document: which chapter and section each unit's text stands in.
		List<String> placed = new ArrayList<>();
		String chapter = null;
		String section = null;
		for (ReportDocument.Node node : document.nodes()) {
			if (node instanceof ReportDocument.Heading heading) {
				if (heading.level() == 1) {
					chapter = heading.text();
				}
				else if (heading.level() == 2) {
					section = heading.text();
				}
			}
			else if (node instanceof ReportDocument.Text text && text.byline() != null) {
				placed.add(chapter + " / " + section + " / " + text.byline() + " / "
						+ text.markdown().lines().findFirst().orElse(""));
			}
		}
		Map<Long, Section> sections = new java.util.HashMap<>();
		this.cycles.sections(this.strategist.organisationId(), product.cycleId()).forEach(s -> sections.put(s.id(), s));
		List<Contribution> approved = this.cycles.contributions(this.strategist.organisationId(), product.cycleId())
			.stream()
			.filter(c -> c.approvedRevision() != null && product.sectionIds().contains(c.sectionId()))
			.toList();
		assertThat(approved).hasSizeGreaterThanOrEqualTo(15);
		assertThat(placed).hasSize(approved.size());
		for (Contribution c : approved) {
			Section s = sections.get(c.sectionId());
			String firstLine = this.contributions.textAt(c.organisationId(), c.id(), c.approvedRevision())
				.lines()
				.findFirst()
				.orElse("");
			assertThat(placed)
				.filteredOn(p -> p.startsWith(s.chapter() + " / " + s.title() + " / ") && p.endsWith(" / " + firstLine))
				.as("contribution %d in %s / %s", c.id(), s.chapter(), s.title())
				.hasSize(1);
		}
		// The indicator table of priority 2 shows the county's value for 2023 as stored.
		ReportDocument.Table table = document.tables()
			.stream()
			.filter(t -> t.dataset().equals("indikatorer-2"))
			.findFirst()
			.orElseThrow();
		var indicator = this.indicators.findByCode(this.strategist.organisationId(), "DEMO_NYFTG").orElseThrow();
		// Named as a reader knows it; the code is in the chart's open data, not the
		// table.
		assertThat(table.headers()).doesNotContain("Kod");
		List<Object> row = table.rows()
			.stream()
			.filter(r -> r.getFirst().equals(indicator.nameSv()))
			.findFirst()
			.orElseThrow();
		Target.Point at2023 = this.analytics
			.series(this.strategist.organisationId(), indicator.id(), List.of("24"), Sex.T)
			.getFirst()
			.points()
			.stream()
			.filter(p -> p.period().code().equals("2023"))
			.findFirst()
			.orElseThrow();
		assertThat(row.get(2)).isEqualTo("2023");
		assertThat((BigDecimal) row.get(3)).isEqualByComparingTo(
				BigDecimal.valueOf(at2023.value()).setScale(indicator.decimals(), RoundingMode.HALF_UP));
		assertThat(document.nodes().stream().filter(ReportDocument.Chart.class::isInstance).count())
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void theInterimReportHasEachDivisionsFiguresAndAssessments() {
		Product product = product(this.norrbotten, "Delårsrapport tertial 1 2021",
				"Divisionernas delårsrapporter april 2021");
		ReportDocument document = this.reports.build(this.norrbotten.organisationId(), product.cycleId(), product.id());
		ReportDocument.Table finance = document.tables()
			.stream()
			.filter(t -> t.dataset().equals("ekonomi"))
			.findFirst()
			.orElseThrow();
		List<Object> lansteknik = finance.rows()
			.stream()
			.filter(r -> r.getFirst().equals("Division Länsteknik"))
			.findFirst()
			.orElseThrow();
		assertThat((BigDecimal) lansteknik.get(1)).isEqualByComparingTo("-2");
		assertThat((BigDecimal) lansteknik.get(2)).isEqualByComparingTo("1");
		assertThat((BigDecimal) lansteknik.get(3)).isEqualByComparingTo("3");
		BigDecimal sum = this.figures.rows(this.norrbotten.organisationId(), "2021T1", false)
			.stream()
			.map(r -> r.figures().outcome())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat((BigDecimal) finance.rows().getLast().get(2)).isEqualByComparingTo(sum);
		ReportDocument.Table assessment = document.tables()
			.stream()
			.filter(t -> t.caption().endsWith("Division Närsjukvård Luleå-Boden") && t.caption().startsWith("Mål"))
			.findFirst()
			.orElseThrow();
		assertThat(assessment.rows().stream().map(r -> r.get(0) + ": " + r.get(1)).toList())
			.contains("Samhälle: uppnås", "Medborgare: uppnås inte", "Ekonomi: uppnås delvis");
	}

	@Test
	void theInterimReportFollowsSeed003() {
		Product product = product(this.norrbotten, "Delårsrapport tertial 1 2021",
				"Divisionernas delårsrapporter april 2021");
		ReportDocument document = this.reports.build(this.norrbotten.organisationId(), product.cycleId(), product.id());
		// The seed's order: the regiondirektör's introduction, the summary, the section
		// the
		// near-care divisions write together, then the divisions as the region lists
		// them.
		assertThat(document.headings().stream().filter(h -> h.level() == 1).map(ReportDocument.Heading::text))
			.containsExactly("Om rapporten", "Inledning", "Sammanfattning", "Gemensamt närsjukvårdsdivisionerna",
					"Ekonomi, samtliga enheter", "Division Närsjukvård Luleå-Boden",
					"Division Närsjukvård övriga länet", "Division Länssjukvård", "Division Folktandvård",
					"Division Service", "Division Länsteknik");
		String texts = document.nodes()
			.stream()
			.filter(ReportDocument.Text.class::isInstance)
			.map(n -> ((ReportDocument.Text) n).markdown())
			.reduce("", String::concat);
		assertThat(texts).contains("Anna-Stina Nordmark Nilsson")
			.contains("positivt periodresultat med +1 mnkr")
			.contains("underskott på −121 mnkr");
		// The divisions' own figures add up to the summary's period result (+0,7, rounded
		// +1) and to a forecast whose difference from −121 the summary names.
		ReportDocument.Table finance = document.tables()
			.stream()
			.filter(t -> t.dataset().equals("ekonomi"))
			.findFirst()
			.orElseThrow();
		assertThat(((BigDecimal) finance.rows().getLast().get(2)).setScale(0, RoundingMode.HALF_UP))
			.isEqualByComparingTo("1");
		BigDecimal forecast = (BigDecimal) finance.rows().getLast().get(4);
		assertThat(forecast).isEqualByComparingTo("-111.5");
		assertThat(texts).contains("−9,5 mnkr");
		assertThat(new BigDecimal("-121").subtract(forecast)).isEqualByComparingTo("-9.5");
		// Goal fulfilment carries a tone and a symbol, so it reads with and without
		// colour.
		assertThat(document.tables()
			.stream()
			.flatMap(t -> t.rows().stream())
			.flatMap(List::stream)
			.filter(ReportDocument.Mark.class::isInstance)
			.map(m -> ((ReportDocument.Mark) m).tone())
			.distinct())
			.contains(ReportDocument.Mark.Tone.GOOD, ReportDocument.Mark.Tone.PARTLY, ReportDocument.Mark.Tone.BAD);
		assertThat(HtmlReport.xhtml(document)).contains("class=\"mark mark-good\">● uppnås");
		// A chart of budget, outcome and forecast per division.
		assertThat(document.nodes()
			.stream()
			.filter(ReportDocument.Chart.class::isInstance)
			.map(n -> ((ReportDocument.Chart) n).title()))
			.anyMatch(t -> t.startsWith("Budget, utfall och helårsprognos"));
	}

	@Test
	void theCommitteesAnnualReportHasGoalFulfilmentAnalysisFinanceAndStaffing() {
		Product product = product(this.strategist, "Resultat Västerbotten 2023",
				"Regionala utvecklingsnämndens årsredovisning 2023");
		ReportDocument document = this.reports.build(this.strategist.organisationId(), product.cycleId(), product.id());
		assertThat(document.headings().stream().filter(h -> h.level() == 1).map(ReportDocument.Heading::text))
			.containsExactly("Om rapporten", "Måluppfyllelse", "Verksamhetens analys", "Ekonomi, samtliga enheter",
					"Personal");
		// One row per priority, each with a status that reads without colour and what it
		// rests on.
		ReportDocument.Table goals = table(document, "maluppfyllelse");
		assertThat(goals.rows()).hasSize(6);
		assertThat(goals.rows()).allSatisfy(row -> assertThat(row.get(1)).isInstanceOf(ReportDocument.Mark.class));
		assertThat(goals.rows().stream().map(r -> String.valueOf(r.get(2)))).contains("indikatorerna",
				"inga indikatorer med mål och värden");
		// Analysis: the units' texts by chapter, without the indicator and initiative
		// tables of the follow-up report.
		assertThat(document.headings().stream().filter(h -> h.level() == 2).map(ReportDocument.Heading::text))
			.anyMatch(t -> t.contains("platsbaserad hållbar näringslivsutveckling"));
		assertThat(document.tables().stream().map(ReportDocument.Table::dataset))
			.noneMatch(d -> d.startsWith("indikatorer-") || d.startsWith("insatser-"));
		// Finance and staffing: the units' figures with totals that are their sums, and
		// the invented figures say so.
		ReportDocument.Table finance = table(document, "ekonomi");
		assertThat(finance.headers()).containsExactly("Enhet", "Budget", "Utfall", "Avvikelse mot budget");
		assertThat(finance.rows().getLast()).containsExactly("Totalt", new BigDecimal("59.5"), new BigDecimal("58.8"),
				new BigDecimal("-0.7"));
		ReportDocument.Table staff = table(document, "personal");
		assertThat(staff.rows().getLast().subList(0, 4)).containsExactly("Totalt", 39, 1, 35);
		// Sick leave weighted by employees: (3.1 × 24 + 4.2 × 15) / 39 = 3.5.
		assertThat(staff.rows().getLast().get(4)).isEqualTo(new BigDecimal("3.5"));
		assertThat(document.nodes()).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(ReportDocument.Notice.class,
				notice -> assertThat(notice.text()).startsWith("Fiktiva siffror för demon")));
		// How to read it says what comes, in the order it comes.
		String reading = document.nodes()
			.stream()
			.filter(ReportDocument.Text.class::isInstance)
			.map(n -> ((ReportDocument.Text) n).markdown())
			.filter(t -> t.startsWith("Rapporten innehåller"))
			.findFirst()
			.orElseThrow();
		assertThat(reading.indexOf("måluppfyllelsen")).isLessThan(reading.indexOf("analys"));
		assertThat(reading.indexOf("ekonomin")).isLessThan(reading.indexOf("personalens"));
	}

	@Test
	void theGovernmentReportAnswersTheAssignmentsQuestionsWithTheFiguresAskedFor() {
		Product product = product(this.strategist, "Resultat Västerbotten 2023",
				"Återrapportering till regeringen 2023");
		ReportDocument document = this.reports.build(this.strategist.organisationId(), product.cycleId(), product.id());
		assertThat(document.headings().stream().filter(h -> h.level() == 1).map(ReportDocument.Heading::text))
			.containsExactly("Om rapporten", "Genomförandet av den regionala utvecklingsstrategin", "Samverkan",
					"Agenda 2030", "Insatsernas bidrag till de globala målen");
		List<String> texts = document.nodes()
			.stream()
			.filter(ReportDocument.Text.class::isInstance)
			.map(n -> ((ReportDocument.Text) n).markdown())
			.toList();
		assertThat(texts).anyMatch(t -> t.startsWith("*Fråga:* Hur har regionen samverkat"));
		// Every question is answered by the units' approved texts: no placeholders.
		assertThat(document.nodes()).noneMatch(
				n -> n instanceof ReportDocument.Notice notice && notice.text().startsWith("Frågan är inte besvarad"));
		assertThat(document.nodes().stream().filter(ReportDocument.Text.class::isInstance))
			.filteredOn(n -> ((ReportDocument.Text) n).byline() != null)
			.hasSizeGreaterThanOrEqualTo(6);
		// The figures asked for under the first question: the named indicators.
		ReportDocument.Table figures = table(document, "fraga-1-uppgifter");
		assertThat(figures.rows()).hasSize(2);
		assertThat(figures.rows().stream().map(r -> String.valueOf(r.getFirst())))
			.allMatch(n -> !n.startsWith("DEMO_"));
		assertThat(this.reports.gaps(this.strategist.organisationId(), product.cycleId(), product.id()))
			.noneMatch(g -> g.reason().equals("report.gap.unanswered"));
	}

	@Autowired
	se.stratlas.shared.JobRunner jobs;

	@Test
	void anEditionIsGeneratedByTheOneJobRunnerOneAtATimePerReport() throws InterruptedException {
		Product product = product(this.strategist, "Resultat Västerbotten 2023",
				"Regionala utvecklingsnämndens årsredovisning 2023");
		// While the report's edition job holds its turn, a second one is refused and
		// nothing is written.
		int before = this.editions.list(this.strategist.organisationId(), product.id()).size();
		try (var turn = this.jobs.take("edition/" + this.strategist.organisationId() + "/" + product.id())) {
			assertThatThrownBy(() -> this.editions.start(this.strategist, product.cycleId(), product.id(), true))
				.isInstanceOf(se.stratlas.shared.ImportBusyException.class);
		}
		assertThat(this.editions.list(this.strategist.organisationId(), product.id())).hasSize(before);
		assertThat(DemoReports.frozen(this.editions, this.strategist, product).status()).isEqualTo("READY");
	}

	private static ReportDocument.Table table(ReportDocument document, String dataset) {
		return document.tables().stream().filter(t -> t.dataset().equals(dataset)).findFirst().orElseThrow();
	}

	@Test
	void thePdfPassesVeraPdfsPdfUaCheck() throws Exception {
		Product interim = product(this.norrbotten, "Delårsrapport tertial 1 2021",
				"Divisionernas delårsrapporter april 2021");
		assertPdfUa(PdfReport
			.render(this.reports.build(this.norrbotten.organisationId(), interim.cycleId(), interim.id())));
		Product resultat = product(this.strategist, "Resultat Västerbotten 2023", "Resultat Västerbotten 2023");
		assertPdfUa(PdfReport
			.render(this.reports.build(this.strategist.organisationId(), resultat.cycleId(), resultat.id())));
	}

	private static void assertPdfUa(byte[] pdf) throws Exception {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
				java.io.InputStream profile = PDFAParser.class
					.getResourceAsStream("/org/verapdf/pdfa/validation/PDFUA-1.xml");
				PDFAValidator validator = Foundries.defaultInstance()
					.createValidator(org.verapdf.pdfa.validation.profiles.Profiles.profileFromXml(profile), false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failed = result.getTestAssertions()
				.stream()
				.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
				.distinct()
				.toList();
			assertThat(failed).as("PDF/UA-1 failures").isEmpty();
			assertThat(result.isCompliant()).isTrue();
		}
	}

	@Test
	void theWordDocumentHasHeadingStylesATableOfContentsAndChartsWithAltText() throws Exception {
		Product resultat = product(this.strategist, "Resultat Västerbotten 2023", "Resultat Västerbotten 2023");
		ReportDocument document = this.reports.build(this.strategist.organisationId(), resultat.cycleId(),
				resultat.id());
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(DocxReport.render(document)))) {
			List<String> chapters = docx.getParagraphs()
				.stream()
				.filter(p -> "Heading1".equals(p.getStyle()))
				.map(XWPFParagraph::getText)
				.toList();
			assertThat(chapters).containsAll(document.headings()
				.stream()
				.filter(h -> h.level() == 1)
				.map(ReportDocument.Heading::text)
				.toList());
			assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
			assertThat(docx.getDocument().xmlText()).contains("TOC \\o");
			assertThat(docx.getAllPictures()).isNotEmpty();
			assertThat(docx.getDocument().xmlText()).contains("descr=\"" + document.nodes()
				.stream()
				.filter(ReportDocument.Chart.class::isInstance)
				.map(n -> ((ReportDocument.Chart) n).alt())
				.findFirst()
				.orElseThrow()
				.substring(0, 20));
			assertThat(docx.getProperties().getCoreProperties().getTitle()).isEqualTo(document.title());
		}
		assertThat(XlsxReport.render(document)).isNotEmpty();
	}

	@Test
	void aFrozenEditionDoesNotChangeAfterAnEditAndPublishingOpensItsPageAndData() throws Exception {
		Product government = product(this.strategist, "Resultat Västerbotten 2023",
				"Regionala utvecklingsnämndens årsredovisning 2023");
		// With texts not approved, freezing asks for a confirmation, and publishing a
		// draft edition does too.
		assertThat(this.reports.gaps(this.strategist.organisationId(), government.cycleId(), government.id()))
			.isNotEmpty();
		assertThatThrownBy(() -> this.editions.start(this.strategist, government.cycleId(), government.id()))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
		Edition edition = this.editions.start(this.strategist, government.cycleId(), government.id(), true);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (this.editions.get(this.strategist.organisationId(), edition.id()).running()
				&& System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		Edition ready = this.editions.get(this.strategist.organisationId(), edition.id());
		assertThat(ready.status()).isEqualTo("READY");
		assertThat(ready.percent()).isEqualTo(100);
		String before = this.editions.html(this.strategist.organisationId(), edition.id());
		byte[] pdf = this.editions.file(this.strategist.organisationId(), edition.id(), Editions.Format.PDF);
		// Edit an approved text that the product shows.
		Contribution shown = this.cycles.contributions(this.strategist.organisationId(), government.cycleId())
			.stream()
			.filter(c -> c.approvedRevision() != null && government.sectionIds().contains(c.sectionId()))
			.findFirst()
			.orElseThrow();
		this.contributions.save(this.strategist, shown.id(), shown.version(), shown.revision(),
				shown.body() + "\n\nTillägg efter frysningen.", null, false);
		assertThat(this.editions.html(this.strategist.organisationId(), edition.id())).isEqualTo(before)
			.doesNotContain("Tillägg efter frysningen");
		assertThat(this.editions.file(this.strategist.organisationId(), edition.id(), Editions.Format.PDF))
			.isEqualTo(pdf);
		assertThat(HtmlReport
			.body(this.reports.build(this.strategist.organisationId(), government.cycleId(), government.id())))
			.contains("texten har ändrats sedan den godkändes");

		assertThat(edition.draft()).isTrue();
		assertThatThrownBy(() -> this.publishedEditions.publish(this.strategist, edition.id()))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
		Edition published = this.publishedEditions.publish(this.strategist, edition.id(), true);
		assertThat(published.slug()).startsWith("vasterbotten-");
		this.mvc.perform(get("/public/reports/" + published.slug()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(published.title())));
		String dataset = this.publishedEditions.datasets(published.slug()).getFirst().name();
		this.mvc.perform(get("/public/reports/" + published.slug() + "/data/" + dataset + ".csv"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/public/reports/" + published.slug() + "/data/" + dataset + ".json"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.rows").isArray());
		this.mvc.perform(get("/public/reports/catalog.rdf"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<dcat:Dataset rdf:about=")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(published.slug() + "/data/" + dataset)));
		this.mvc.perform(get("/public/reports/finns-inte")).andExpect(status().isNotFound());
	}

	@Test
	void aLogoOnTheCoverCarriesItsAlternativeTextInEveryFormat() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 40,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", png);
		assertThatThrownBy(() -> this.logos.set(this.norrbotten, "inte en bild".getBytes(), "Logotyp"))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
		assertThatThrownBy(() -> this.logos.set(this.norrbotten, new byte[Logos.MAX_BYTES + 1], "Logotyp"))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
		assertThatThrownBy(() -> this.logos.set(this.norrbotten, png.toByteArray(), " "))
			.isInstanceOf(se.stratlas.shared.ValidationException.class);
		this.logos.set(this.norrbotten, png.toByteArray(), "Region Norrbottens logotyp");
		Product interim = product(this.norrbotten, "Delårsrapport tertial 1 2021",
				"Divisionernas delårsrapporter april 2021");
		ReportDocument document = this.reports.build(this.norrbotten.organisationId(), interim.cycleId(), interim.id());
		assertThat(HtmlReport.body(document)).contains("alt=\"Region Norrbottens logotyp\"", "data:image/png;base64,");
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(DocxReport.render(document)))) {
			assertThat(docx.getDocument().xmlText()).contains("descr=\"Region Norrbottens logotyp\"");
		}
		assertPdfUa(PdfReport.render(document));
	}

}
