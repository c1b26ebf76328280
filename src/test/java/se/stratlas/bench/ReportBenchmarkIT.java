package se.stratlas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.reports.internal.PdfReport;
import se.stratlas.reports.internal.DocxReport;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.reports.internal.DocxReport;
import se.stratlas.reports.HtmlReport;
import se.stratlas.reports.internal.PdfReport;
import se.stratlas.reports.ReportDocument;
import se.stratlas.reports.Reports;

/**
 * Times the full demo annual report (Resultat Västerbotten 2023: every priority, every
 * initiative, its charts) as HTML, DOCX and PDF, and in the same run LibreOffice headless
 * converting the generated DOCX to PDF. Runs on demand:
 * {@code ./mvnw verify -Dtest=none -Dit.test=ReportBenchmarkIT -Dbenchmark=true}. Results
 * go to target/benchmark-reports.md and docs/benchmarks.md.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportBenchmarkIT {

	static final int RUNS = 7;

	@Autowired
	Reports reports;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Test
	void theFullDemoAnnualReport() throws Exception {
		StratlasPrincipal sara = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		long org = sara.organisationId();
		Cycle cycle = this.cycles.list(org)
			.stream()
			.filter(c -> c.name().equals("Resultat Västerbotten 2023"))
			.findFirst()
			.orElseThrow();
		Product product = this.products.list(org, cycle.id())
			.stream()
			.filter(p -> p.name().equals("Resultat Västerbotten 2023"))
			.findFirst()
			.orElseThrow();
		ReportDocument document = this.reports.build(org, cycle.id(), product.id());
		long charts = document.nodes().stream().filter(ReportDocument.Chart.class::isInstance).count();
		long tables = document.tables().size();
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"Report: %s, %d headings, %d charts, %d tables (charts' data included); %d runs after 2 warm-up runs, median and max%n%n",
				document.title(), document.headings().size(), charts, tables, RUNS));
		report.append("| Format | median | max | goal |\n|---|---|---|---|\n");
		double[] model = time(() -> this.reports.build(org, cycle.id(), product.id()));
		double[] html = time(() -> HtmlReport.body(this.reports.build(org, cycle.id(), product.id())));
		double[] docx = time(() -> DocxReport.render(this.reports.build(org, cycle.id(), product.id())));
		double[] pdf = time(() -> PdfReport.render(this.reports.build(org, cycle.id(), product.id())));
		double[] png = time(() -> {
			ReportDocument fresh = this.reports.build(org, cycle.id(), product.id());
			fresh.drawCharts();
			return fresh;
		});
		row(report, "document model alone (data, texts, charts as SVG; the PNG is drawn by the formats that need it)",
				model, "–");
		row(report, "model + every chart's PNG (drawn on all cores, as PDF and DOCX do first)", png, "–");
		row(report, "HTML (model + HTML)", html, "≤ 300 ms");
		row(report, "DOCX (model + Word)", docx, "≤ 3 000 ms");
		row(report, "PDF/UA (model + PDF)", pdf, "≤ 5 000 ms");
		Path soffice = Path.of("/usr/bin/soffice");
		if (Files.isExecutable(soffice)) {
			Path dir = Files.createTempDirectory("stratlas-lo-");
			Path file = dir.resolve("resultat.docx");
			Files.write(file, DocxReport.render(document));
			double[] lo = new double[3];
			for (int i = 0; i < lo.length; i++) {
				long start = System.nanoTime();
				Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
						"-env:UserInstallation=file://" + dir.resolve("profile"), "--convert-to", "pdf", "--outdir",
						dir.toString(), file.toString())
					.redirectErrorStream(true)
					.start();
				process.getInputStream().readAllBytes();
				if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException("LibreOffice failed");
				}
				lo[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(lo);
			report.append(String.format(Locale.ROOT,
					"| LibreOffice headless: the generated DOCX → PDF (3 runs, the first with a cold profile) | %.0f ms | %.0f ms | – |%n",
					lo[1], lo[2]));
			report.append(String.format(Locale.ROOT,
					"%nRatio LibreOffice (DOCX → PDF) / Stratlas (data → PDF/UA), medians: %.1f×%n", lo[1] / pdf[0]));
			report.append(String.format(Locale.ROOT, "LibreOffice's PDF: %,d bytes; Stratlas's: %,d bytes%n",
					Files.size(dir.resolve("resultat.pdf")), PdfReport.render(document).length));
		}
		else {
			report.append("\n(LibreOffice is not installed: apt-get install libreoffice-writer-nogui)\n");
		}
		Files.writeString(Path.of("target/benchmark-reports.md"), report.toString());
		System.out.println(report);
	}

	private static void row(StringBuilder report, String name, double[] millis, String goal) {
		report
			.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %s |%n", name, millis[0], millis[1], goal));
	}

	private static double[] time(Supplier<?> work) {
		for (int i = 0; i < 2; i++) {
			work.get();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[RUNS / 2], millis[RUNS - 1] };
	}

	static List<String> none() {
		return List.of();
	}

}
