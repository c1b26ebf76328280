package se.stratlas.reports;

import java.util.List;

import org.springframework.stereotype.Component;

import se.stratlas.reports.internal.XlsxReport;
import se.stratlas.reports.internal.PdfReport;
import se.stratlas.reports.internal.DocxReport;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;

/**
 * The live preview of a report product, built now from the current data (drafts marked):
 * on screen with its editions and what is open before freezing, and as PDF, Word and
 * Excel.
 */
@Component
public class ReportPreviews {

	private final Reports reports;

	private final Editions editions;

	private final Cycles cycles;

	private final Products products;

	ReportPreviews(Reports reports, Editions editions, Cycles cycles, Products products) {
		this.reports = reports;
		this.editions = editions;
		this.cycles = cycles;
		this.products = products;
	}

	/**
	 * The preview on screen: the cycle and product, the report's HTML body, whether it is
	 * a draft, the product's editions and its gaps.
	 */
	public record Preview(Cycle cycle, Product product, String report, boolean draft, List<Edition> editions,
			List<Reports.Gap> gaps) {
	}

	/** The product's report as it stands now. */
	public Preview preview(long organisationId, long cycleId, long productId) {
		Product product = this.products.get(organisationId, cycleId, productId);
		ReportDocument document = this.reports.build(organisationId, cycleId, productId);
		Cycle cycle = this.cycles.get(organisationId, cycleId);
		return new Preview(cycle, product, HtmlReport.body(document), document.draft(),
				this.editions.list(organisationId, productId), this.reports.gaps(organisationId, cycleId, productId));
	}

	/** The product's report as it stands now, as a file of the format. */
	public ReportFile file(long organisationId, long cycleId, long productId, Editions.Format format) {
		ReportDocument document = this.reports.build(organisationId, cycleId, productId);
		byte[] body = switch (format) {
			case PDF -> PdfReport.render(document);
			case DOCX -> DocxReport.render(document);
			case XLSX -> XlsxReport.render(document);
		};
		return new ReportFile(document.title() + " (förhandsvisning)", format, body);
	}

}
