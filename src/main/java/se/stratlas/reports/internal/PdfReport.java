package se.stratlas.reports.internal;

import se.stratlas.reports.HtmlReport;
import se.stratlas.reports.ReportDocument;
import se.stratlas.shared.TaggedPdf;

/**
 * The report as a tagged PDF (PDF/UA-1, laid out by {@link TaggedPdf}): structure from
 * the XHTML, document title and language, bookmarks per chapter, alternative texts on the
 * charts.
 */
public final class PdfReport {

	private PdfReport() {
	}

	public static byte[] render(ReportDocument document) {
		document.drawCharts();
		return TaggedPdf.render(HtmlReport.xhtml(document));
	}

}
