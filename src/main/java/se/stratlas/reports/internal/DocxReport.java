package se.stratlas.reports.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;

import se.stratlas.reports.ReportDocument;
import se.stratlas.indicators.PngCharts;
import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;
import se.stratlas.reports.internal.DocxMarkdown;
import se.stratlas.reports.internal.DocxTables;

/**
 * The report as an editable Word document: Word's own heading styles (so Word and
 * LibreOffice build the table of contents from them), a table-of-contents field that is
 * updated when the document opens, real tables, charts as pictures with alternative text,
 * page numbers, and Swedish as the document language.
 */
public final class DocxReport {

	private DocxReport() {
	}

	public static byte[] render(ReportDocument document) {
		document.drawCharts();
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			docx.createStyles().setStyles(StylesDocument.Factory.parse(STYLES).getStyles());
			docx.getProperties().getCoreProperties().setTitle(document.title());
			docx.getProperties().getCoreProperties().setCreator(document.organisation());
			docx.getProperties().getCoreProperties().setDescription(document.subtitle());
			docx.enforceUpdateFields();
			cover(docx, document);
			toc(docx, document);
			int level = 1;
			for (Node node : document.nodes()) {
				switch (node) {
					case Heading heading -> {
						level = Math.min(3, heading.level());
						XWPFParagraph paragraph = docx.createParagraph();
						paragraph.setStyle("Heading" + Math.min(3, heading.level()));
						if (heading.level() == 1) {
							paragraph.setPageBreak(true);
						}
						paragraph.createRun().setText(heading.text());
					}
					case Text text -> {
						if (text.byline() != null) {
							XWPFRun run = docx.createParagraph().createRun();
							run.setItalic(true);
							run.setText(text.byline());
						}
						DocxMarkdown.write(docx, text.markdown(), Math.min(4, level + 1));
					}
					case Table table -> DocxTables.write(docx, table);
					case Chart chart -> chart(docx, chart);
					case Notice notice -> {
						XWPFParagraph paragraph = docx.createParagraph();
						XWPFRun label = paragraph.createRun();
						label.setBold(true);
						label.setText("Observera: ");
						paragraph.createRun().setText(notice.text());
					}
				}
			}
			footer(docx);
			page(docx);
			docx.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (XmlException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void cover(XWPFDocument docx, ReportDocument document) {
		if (document.logo() != null) {
			XWPFRun logo = docx.createParagraph().createRun();
			try {
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(document.logo().image()));
				double height = 60;
				double width = Math.min(220, height * image.getWidth() / Math.max(1, image.getHeight()));
				logo.addPicture(new ByteArrayInputStream(document.logo().image()),
						"image/png".equals(document.logo().mediaType()) ? PictureType.PNG : PictureType.JPEG, "logotyp",
						Units.toEMU(width), Units.toEMU(width * image.getHeight() / Math.max(1, image.getWidth())));
			}
			catch (IOException | InvalidFormatException ex) {
				throw new IllegalStateException(ex);
			}
			logo.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(document.logo().alt());
		}
		XWPFParagraph organisation = docx.createParagraph();
		organisation.setSpacingBefore(2400);
		XWPFRun run = organisation.createRun();
		run.setBold(true);
		run.setFontSize(14);
		run.setText(document.organisation());
		XWPFParagraph title = docx.createParagraph();
		title.setStyle("Title");
		title.createRun().setText(document.title());
		docx.createParagraph().createRun().setText(document.subtitle());
		docx.createParagraph()
			.createRun()
			.setText("Sammanställd " + document.date()
				.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(document.language()))));
		if (document.draft()) {
			XWPFRun draft = docx.createParagraph().createRun();
			draft.setBold(true);
			draft.setText("Utkast: alla avsnitt är inte godkända. Avsnitt som saknar godkänd text är markerade.");
		}
	}

	/**
	 * A TOC field, filled with the headings so it reads right even before it is updated.
	 */
	private static void toc(XWPFDocument docx, ReportDocument document) {
		XWPFParagraph heading = docx.createParagraph();
		heading.setStyle("TOCHeading");
		heading.setPageBreak(true);
		heading.createRun().setText("Innehåll");
		XWPFParagraph field = docx.createParagraph();
		field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		field.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
		field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		boolean first = true;
		for (Heading h : document.headings()) {
			if (h.level() > 2) {
				continue;
			}
			XWPFRun entry = field.createRun();
			if (!first) {
				entry.addBreak();
			}
			entry.setText((h.level() == 2 ? "    " : "") + h.text());
			first = false;
		}
		field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
	}

	/** A4 with 2 cm margins, as the PDF. */
	private static void page(XWPFDocument docx) {
		var body = docx.getDocument().getBody();
		var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
		var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		BigInteger two = BigInteger.valueOf(1134);
		margins.setTop(two);
		margins.setBottom(two);
		margins.setLeft(two);
		margins.setRight(two);
		margins.setHeader(BigInteger.valueOf(567));
		margins.setFooter(BigInteger.valueOf(567));
	}

	private static void footer(XWPFDocument docx) {
		XWPFHeaderFooterPolicy policy = docx.createHeaderFooterPolicy();
		XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.createRun().setText("Sida ");
		paragraph.getCTP().addNewFldSimple().setInstr("PAGE");
	}

	private static void chart(XWPFDocument docx, Chart chart) {
		XWPFParagraph paragraph = docx.createParagraph();
		XWPFRun run = paragraph.createRun();
		try {
			run.addPicture(new ByteArrayInputStream(chart.png()), PictureType.PNG, "diagram.png", Units.toEMU(425),
					Units.toEMU(425.0 * PngCharts.HEIGHT / PngCharts.WIDTH));
		}
		catch (IOException | InvalidFormatException ex) {
			throw new IllegalStateException(ex);
		}
		var docPr = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
		docPr.setDescr(chart.alt());
		docPr.setTitle(chart.title());
		XWPFParagraph caption = docx.createParagraph();
		caption.setStyle("Caption");
		caption.createRun().setText(chart.caption());
	}

	private static final String STYLES = """
			<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
			  <w:docDefaults>
			    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>
			      <w:sz w:val="20"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault>
			    <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
			  </w:docDefaults>
			  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
			  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
			    <w:rPr><w:b/><w:color w:val="0B4F6C"/><w:sz w:val="52"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
			    <w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="0B4F6C"/><w:sz w:val="36"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
			    <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="0B4F6C"/><w:sz w:val="28"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
			    <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
			    <w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:i/><w:sz w:val="20"/></w:rPr></w:style>
			  <w:style w:type="table" w:styleId="StratlasTable"><w:name w:val="Stratlas tabell"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
			    <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>
			    <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/>
			      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/>
			      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="C5CED6"/></w:tblBorders>
			      <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>
			    <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F3F6F8"/></w:tcPr></w:tblStylePr>
			  </w:style>
			  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>
			    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
			  <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
			    <w:rPr><w:b/><w:color w:val="0B4F6C"/><w:sz w:val="32"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
			    <w:rPr><w:b/><w:sz w:val="18"/></w:rPr></w:style>
			</w:styles>
			""";

}
