package se.stratlas.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The report as a tagged PDF (PDF/UA-1): structure from the XHTML, document title and
 * language, bookmarks per chapter, alternative texts on the charts, and the DejaVu fonts
 * embedded (so å, ä and ö print everywhere).
 */
public final class PdfReport {

	private PdfReport() {
	}

	public static byte[] render(ReportDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.useFont(() -> PdfReport.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
				FontStyle.NORMAL, true);
		builder.useFont(() -> PdfReport.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
				FontStyle.NORMAL, true);
		builder.useFont(() -> PdfReport.class.getResourceAsStream("/fonts/DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400,
				FontStyle.ITALIC, true);
		builder.withHtmlContent(HtmlReport.xhtml(document), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
