package se.stratlas.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An XHTML document as a tagged PDF (PDF/UA-1): structure, title and language from the
 * XHTML, and the DejaVu fonts embedded (so å, ä and ö print everywhere). The fonts are
 * embedded without their ligatures: PDFBox would otherwise set "fi" as one glyph whose
 * text is "ﬁ", and search, copy and screen readers would not find the word. Used by the
 * reports and by the data exchange's contracts.
 */
public final class TaggedPdf {

	private TaggedPdf() {
	}

	/** A link without a title: its attributes and its target. */
	private static final Pattern UNTITLED_LINK = Pattern.compile("<a(?![^>]*\\stitle=)(\\s[^>]*?href=\"([^\"]*)\")");

	/**
	 * The XHTML (with its title and {@code lang}) laid out as a tagged PDF. A link
	 * without a title gets its target as its title: PDF/UA wants a text for every link.
	 */
	public static byte[] render(String xhtml) {
		return layOut(titledLinks(xhtml));
	}

	/** The XHTML with a title on every link that has none. */
	static String titledLinks(String xhtml) {
		return UNTITLED_LINK.matcher(xhtml).replaceAll("<a title=\"$2\"$1");
	}

	private static byte[] layOut(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
		try (PDDocument pdf = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.usePDDocument(pdf);
			builder.useFont(font(pdf, "/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
			builder.useFont(font(pdf, "/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
			builder.useFont(font(pdf, "/fonts/DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400, FontStyle.ITALIC, true);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The font files, read once; each document parses and subsets its own copy. */
	private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

	/** A font to embed (as a subset), with glyph substitution (ligatures) off. */
	private static PDFontSupplier font(PDDocument pdf, String resource) throws IOException {
		byte[] bytes = FONTS.computeIfAbsent(resource, TaggedPdf::read);
		TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		ttf.setEnableGsub(false);
		return new PDFontSupplier(PDType0Font.load(pdf, ttf, true));
	}

	private static byte[] read(String resource) {
		try (InputStream in = TaggedPdf.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing font " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
