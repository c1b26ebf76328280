package se.stratlas.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.reports.internal.XlsxReport;
import se.stratlas.reports.internal.PdfReport;
import se.stratlas.reports.internal.DocxReport;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.indicators.PngCharts;
import se.stratlas.initiatives.Kinds;
import se.stratlas.reports.PdfLayout.Line;
import se.stratlas.reports.PdfLayout.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of the demo as a reader gets it: each product of each cycle of both demo
 * organisations rendered to PDF, DOCX and XLSX (kept under target/report-layout to look
 * at), then read back and checked for what a reader would stumble on: codes instead of
 * labels, numbers wrapped inside a cell, a heading alone at a page foot, a page under a
 * quarter full that does not end a chapter, chart tick labels under 8 pt, totals that do
 * not add up, Word headings that jump a level, tables without a style, sheets with the
 * same name, numbers without a number format.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLayoutIT {

	static final Path OUT = Path.of("target", "report-layout");

	@Autowired
	Reports reports;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	final Map<String, ReportDocument> documents = new LinkedHashMap<>();

	final Map<String, byte[]> pdfs = new LinkedHashMap<>();

	@BeforeAll
	void renderEveryDemoReport() throws IOException {
		Files.createDirectories(OUT);
		for (String username : List.of("sara.strateg", "nils.strateg")) {
			StratlasPrincipal user = (StratlasPrincipal) this.users.loadUserByUsername(username);
			for (Cycle cycle : this.cycles.list(user.organisationId())) {
				for (Product product : this.products.list(user.organisationId(), cycle.id())) {
					ReportDocument document = this.reports.build(user.organisationId(), cycle.id(), product.id());
					String name = slug(product.name());
					this.documents.put(name, document);
					byte[] pdf = PdfReport.render(document);
					this.pdfs.put(name, pdf);
					Files.write(OUT.resolve(name + ".pdf"), pdf);
					Files.write(OUT.resolve(name + ".docx"), DocxReport.render(document));
					Files.write(OUT.resolve(name + ".xlsx"), XlsxReport.render(document));
				}
			}
		}
		assertThat(this.documents).containsKeys("resultat-vasterbotten-2023",
				"divisionernas-delarsrapporter-april-2021");
	}

	static String slug(String name) {
		return java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
	}

	/**
	 * The codes of the initiative vocabularies that differ from the words a reader sees.
	 */
	List<Pattern> codes() {
		List<Pattern> codes = new ArrayList<>();
		List<Enum<?>> values = new ArrayList<>();
		values.addAll(List.of(Kinds.InitiativeType.values()));
		values.addAll(List.of(Kinds.Status.values()));
		values.addAll(List.of(Kinds.FundingSource.values()));
		values.addAll(List.of(Kinds.Decision.values()));
		for (Enum<?> value : values) {
			String key = switch (value) {
				case Kinds.InitiativeType t -> t.messageKey();
				case Kinds.Status s -> s.messageKey();
				case Kinds.FundingSource f -> f.messageKey();
				case Kinds.Decision d -> d.messageKey();
				default -> throw new IllegalStateException();
			};
			String label = this.messages.getMessage(key, null, Locale.forLanguageTag("sv"));
			// A code a reader would take for a misspelt word (pagaende, natverk) or a
			// constant (ANSLAG_1_1); codes that are words of their own (strategi) are
			// left.
			String plain = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "");
			if (value.name().contains("_")
					|| !label.equalsIgnoreCase(value.name()) && plain.equalsIgnoreCase(value.name())) {
				codes.add(Pattern.compile("(?<![\\p{L}_])" + Pattern.quote(value.name()) + "(?![\\p{L}_])",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
			}
		}
		return codes;
	}

	@Test
	void noReportShowsACodeInsteadOfALabel() throws Exception {
		List<Pattern> codes = codes();
		List<String> found = new ArrayList<>();
		for (var entry : this.pdfs.entrySet()) {
			String text = PdfLayout.read(entry.getValue()).text();
			String docx = docxText(OUT.resolve(entry.getKey() + ".docx"));
			String xlsx = xlsxText(OUT.resolve(entry.getKey() + ".xlsx"));
			for (Pattern code : codes) {
				for (var format : Map.of("pdf", text, "docx", docx, "xlsx", xlsx).entrySet()) {
					var matcher = code.matcher(format.getValue());
					if (matcher.find()) {
						found.add(entry.getKey() + "." + format.getKey() + ": " + matcher.group() + " in «"
								+ around(format.getValue(), matcher.start()) + "»");
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theTextLayerHasTheLettersNotLigatures() throws Exception {
		List<String> found = new ArrayList<>();
		for (var entry : this.pdfs.entrySet()) {
			String text = PdfLayout.read(entry.getValue()).text();
			var ligature = Pattern.compile("[\\uFB00-\\uFB06]").matcher(text);
			if (ligature.find()) {
				found.add(entry.getKey() + ": «" + around(text, ligature.start()) + "»");
			}
			assertThat(text).as(entry.getKey()).contains("fi");
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noNumberWrapsInsideItsCell() throws Exception {
		List<String> wrapped = new ArrayList<>();
		for (var entry : this.pdfs.entrySet()) {
			String text = PdfLayout.read(entry.getValue()).text().replace('\u00a0', ' ');
			// The printed tables (a chart's data goes to Excel and open data, not to
			// paper).
			List<ReportDocument.Table> printed = this.documents.get(entry.getKey())
				.nodes()
				.stream()
				.filter(ReportDocument.Table.class::isInstance)
				.map(ReportDocument.Table.class::cast)
				.toList();
			for (ReportDocument.Table table : printed) {
				for (List<Object> row : table.rows()) {
					for (Object cell : row) {
						String shown = HtmlReport.cell(cell).replace('\u00a0', ' ');
						if (cell instanceof Number && shown.contains(" ") && !text.contains(shown)) {
							wrapped.add(entry.getKey() + ": " + shown + " (" + table.caption() + ")");
						}
					}
				}
			}
		}
		assertThat(wrapped).isEmpty();
	}

	@Test
	void noHeadingIsLeftAloneAtAPageFootAndNoPageIsNearlyEmpty() throws Exception {
		List<String> problems = new ArrayList<>();
		for (var entry : this.pdfs.entrySet()) {
			List<Page> pages = PdfLayout.read(entry.getValue()).pages();
			Set<String> headings = new HashSet<>();
			this.documents.get(entry.getKey()).headings().forEach(h -> headings.add(h.text().strip()));
			int firstChapter = -1;
			for (int i = 0; i < pages.size() && firstChapter < 0; i++) {
				Line first = pages.get(i).first();
				if (first != null && first.size() >= PdfLayout.CHAPTER_SIZE) {
					firstChapter = i;
				}
			}
			for (int i = Math.max(firstChapter, 0); i < pages.size() - 1; i++) {
				Page page = pages.get(i);
				Line last = page.last();
				if (last != null && last.size() > PdfLayout.BODY_SIZE + 0.5 && headings.contains(last.text().strip())) {
					problems
						.add(entry.getKey() + " p. " + (i + 1) + ": heading «" + last.text() + "» alone at the foot");
				}
				Line next = pages.get(i + 1).first();
				boolean chapterEnds = next != null && next.size() >= PdfLayout.CHAPTER_SIZE;
				if (!chapterEnds && page.fill() < 0.25) {
					problems.add(entry.getKey() + " p. " + (i + 1) + ": " + Math.round(page.fill() * 100) + " % full, «"
							+ (last == null ? "" : last.text()) + "»");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void chartTickLabelsAreAtLeastEightPointOnPaper() throws Exception {
		List<String> small = new ArrayList<>();
		int charts = 0;
		for (var entry : this.pdfs.entrySet()) {
			for (PdfLayout.Image image : PdfLayout.read(entry.getValue()).images()) {
				charts++;
				double logicalWidth = image.pixelWidth() / (double) PngCharts.SCALE;
				double points = PngCharts.TICK_FONT_SIZE * image.placedWidth() / logicalWidth;
				if (points < 8) {
					small.add(entry.getKey() + " p. " + image.page() + ": " + Math.round(points * 10) / 10.0 + " pt");
				}
			}
		}
		assertThat(charts).isPositive();
		assertThat(small).isEmpty();
	}

	@Test
	void everyTotalsRowMatchesItsRows() {
		List<String> wrong = new ArrayList<>();
		int totals = 0;
		for (var entry : this.documents.entrySet()) {
			for (ReportDocument.Table table : entry.getValue().tables()) {
				if (table.rows().size() < 2
						|| !String.valueOf(table.rows().getLast().getFirst()).matches("(?i)totalt|summa.*")) {
					continue;
				}
				totals++;
				List<Object> total = table.rows().getLast();
				for (int column = 1; column < total.size(); column++) {
					// A share (sick leave in %) totals as a weighted average, not a sum.
					if (!(total.get(column) instanceof Number number) || table.headers().get(column).contains("%")) {
						continue;
					}
					BigDecimal expected = new BigDecimal(number.toString());
					BigDecimal sum = BigDecimal.ZERO;
					for (List<Object> row : table.rows().subList(0, table.rows().size() - 1)) {
						if (row.get(column) instanceof Number value) {
							sum = sum.add(new BigDecimal(value.toString()));
						}
					}
					if (sum.compareTo(expected) != 0) {
						wrong.add(entry.getKey() + ": " + table.caption() + ", " + table.headers().get(column)
								+ " total " + expected + " but rows add to " + sum);
					}
				}
			}
		}
		assertThat(totals).isPositive();
		assertThat(wrong).isEmpty();
	}

	@Test
	void wordDocumentsHaveHeadingsWithoutJumpsStyledTablesAndAnOfficeFont() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String name : this.documents.keySet()) {
			try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(OUT.resolve(name + ".docx")))) {
				int level = 0;
				for (XWPFParagraph paragraph : docx.getParagraphs()) {
					String style = paragraph.getStyle();
					if (style != null && style.matches("Heading[1-9]")) {
						int next = style.charAt(7) - '0';
						if (next > level + 1) {
							problems
								.add(name + ": Heading " + level + " → " + next + " at «" + paragraph.getText() + "»");
						}
						level = next;
					}
				}
				for (XWPFTable table : docx.getTables()) {
					if (table.getStyleID() == null || table.getStyleID().isBlank()) {
						problems
							.add(name + ": a table without a style («" + table.getRow(0).getCell(0).getText() + "»)");
					}
					var grid = table.getCTTbl().getTblGrid();
					if (grid == null || grid.sizeOfGridColArray() != table.getRow(0).getTableCells().size()) {
						problems.add(name + ": a table without column widths");
					}
				}
				String styles = new String(docx.getStyle().xmlText());
				if (styles.contains("DejaVu")) {
					problems.add(name + ": DejaVu in the styles, a font Office does not have");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void workbooksHaveUniqueSheetsFormattedNumbersAndTheirSources() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String name : this.documents.keySet()) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(OUT.resolve(name + ".xlsx")))) {
				Set<String> names = new HashSet<>();
				for (Sheet sheet : workbook) {
					if (!names.add(sheet.getSheetName().toLowerCase(Locale.ROOT))) {
						problems.add(name + ": two sheets named «" + sheet.getSheetName() + "»");
					}
					// Without its number, a sheet's name tells it from the others.
					String words = sheet.getSheetName().replaceFirst("^\\d+ ", "");
					if (!names.add("words:" + words.toLowerCase(Locale.ROOT))) {
						problems.add(name + ": sheets told apart only by their number: «" + words + "»");
					}
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.NUMERIC
									&& "General".equals(cell.getCellStyle().getDataFormatString())) {
								problems.add(name + ": " + sheet.getSheetName() + "!" + cell.getAddress()
										+ " a number in General format");
								break;
							}
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace('\n', ' ');
	}

	private static String docxText(Path file) throws IOException {
		try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(file));
				var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
			return extractor.getText();
		}
	}

	private static String xlsxText(Path file) throws IOException {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
			for (Sheet sheet : workbook) {
				text.append(sheet.getSheetName()).append('\n');
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(cell.toString()).append('\t');
					}
					text.append('\n');
				}
			}
		}
		return text.toString();
	}

}
