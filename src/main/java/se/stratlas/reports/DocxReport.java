package se.stratlas.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

import se.stratlas.reports.ReportDocument.Chart;
import se.stratlas.reports.ReportDocument.Heading;
import se.stratlas.reports.ReportDocument.Node;
import se.stratlas.reports.ReportDocument.Notice;
import se.stratlas.reports.ReportDocument.Table;
import se.stratlas.reports.ReportDocument.Text;

/**
 * The report as an editable Word document: Word's own heading styles (so Word and
 * LibreOffice build the table of contents from them), a table-of-contents field that is
 * updated when the document opens, real tables, charts as pictures with alternative text,
 * page numbers, and Swedish as the document language.
 */
public final class DocxReport {

	private static final Parser PARSER = Parser.builder().build();

	private DocxReport() {
	}

	public static byte[] render(ReportDocument document) {
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			docx.createStyles().setStyles(StylesDocument.Factory.parse(STYLES).getStyles());
			docx.getProperties().getCoreProperties().setTitle(document.title());
			docx.getProperties().getCoreProperties().setCreator(document.organisation());
			docx.getProperties().getCoreProperties().setDescription(document.subtitle());
			docx.enforceUpdateFields();
			cover(docx, document);
			toc(docx, document);
			for (Node node : document.nodes()) {
				switch (node) {
					case Heading heading -> {
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
						markdown(docx, text.markdown());
					}
					case Table table -> table(docx, table);
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
			docx.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (org.apache.xmlbeans.XmlException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void cover(XWPFDocument docx, ReportDocument document) {
		if (document.logo() != null) {
			XWPFRun logo = docx.createParagraph().createRun();
			try {
				java.awt.image.BufferedImage image = javax.imageio.ImageIO
					.read(new ByteArrayInputStream(document.logo().image()));
				double height = 60;
				double width = Math.min(220, height * image.getWidth() / Math.max(1, image.getHeight()));
				logo.addPicture(new ByteArrayInputStream(document.logo().image()),
						"image/png".equals(document.logo().mediaType()) ? PictureType.PNG : PictureType.JPEG, "logotyp",
						Units.toEMU(width), Units.toEMU(width * image.getHeight() / Math.max(1, image.getWidth())));
			}
			catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
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
		docx.createParagraph().createRun().setText(document.date().format(DateTimeFormatter.ISO_LOCAL_DATE));
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

	private static void footer(XWPFDocument docx) {
		XWPFHeaderFooterPolicy policy = docx.createHeaderFooterPolicy();
		XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.createRun().setText("Sida ");
		paragraph.getCTP().addNewFldSimple().setInstr("PAGE");
	}

	private static void table(XWPFDocument docx, Table table) {
		XWPFParagraph caption = docx.createParagraph();
		caption.setStyle("Caption");
		caption.createRun().setText(table.caption());
		XWPFTable grid = docx.createTable(table.rows().size() + 1, table.headers().size());
		grid.setWidth("100%");
		XWPFTableRow header = grid.getRow(0);
		header.setRepeatHeader(true);
		for (int c = 0; c < table.headers().size(); c++) {
			XWPFParagraph cell = header.getCell(c).getParagraphs().getFirst();
			XWPFRun run = cell.createRun();
			run.setBold(true);
			run.setText(table.headers().get(c));
		}
		for (int r = 0; r < table.rows().size(); r++) {
			List<Object> row = table.rows().get(r);
			for (int c = 0; c < row.size() && c < table.headers().size(); c++) {
				XWPFParagraph cell = grid.getRow(r + 1).getCell(c).getParagraphs().getFirst();
				if (row.get(c) instanceof Number) {
					cell.setAlignment(ParagraphAlignment.RIGHT);
				}
				cell.createRun().setText(HtmlReport.cell(row.get(c)));
			}
		}
		docx.createParagraph();
	}

	private static void chart(XWPFDocument docx, Chart chart) {
		XWPFParagraph paragraph = docx.createParagraph();
		XWPFRun run = paragraph.createRun();
		try {
			run.addPicture(new ByteArrayInputStream(chart.png()), PictureType.PNG, "diagram.png", Units.toEMU(425),
					Units.toEMU(425 * 0.6));
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IllegalStateException(ex);
		}
		var docPr = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
		docPr.setDescr(chart.alt());
		docPr.setTitle(chart.title());
		XWPFParagraph caption = docx.createParagraph();
		caption.setStyle("Caption");
		caption.createRun().setText(chart.title());
	}

	/**
	 * Markdown to Word paragraphs: headings, paragraphs, bold, italic, lists and links as
	 * text.
	 */
	private static void markdown(XWPFDocument docx, String markdown) {
		org.commonmark.node.Node root = PARSER.parse(markdown == null ? "" : markdown);
		for (org.commonmark.node.Node block = root.getFirstChild(); block != null; block = block.getNext()) {
			block(docx, block, 0);
		}
	}

	private static void block(XWPFDocument docx, org.commonmark.node.Node block, int depth) {
		if (block instanceof org.commonmark.node.Heading) {
			XWPFParagraph paragraph = docx.createParagraph();
			paragraph.setStyle("Heading3");
			inline(paragraph, block);
		}
		else if (block instanceof BulletList || block instanceof OrderedList) {
			int number = block instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
					? ordered.getMarkerStartNumber() : 1;
			for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
				if (!(item instanceof ListItem)) {
					continue;
				}
				String marker = block instanceof OrderedList ? (number++) + ". " : "• ";
				boolean firstPart = true;
				for (org.commonmark.node.Node part = item.getFirstChild(); part != null; part = part.getNext()) {
					if (part instanceof Paragraph) {
						XWPFParagraph paragraph = docx.createParagraph();
						paragraph.setIndentationLeft(360 * (depth + 1));
						paragraph.setIndentationHanging(firstPart ? 240 : 0);
						if (firstPart) {
							paragraph.createRun().setText(marker);
						}
						inline(paragraph, part);
						firstPart = false;
					}
					else {
						block(docx, part, depth + 1);
					}
				}
			}
		}
		else if (block instanceof Paragraph) {
			inline(docx.createParagraph(), block);
		}
		else if (block instanceof org.commonmark.node.FencedCodeBlock code) {
			docx.createParagraph().createRun().setText(code.getLiteral());
		}
		else if (block instanceof org.commonmark.node.IndentedCodeBlock code) {
			docx.createParagraph().createRun().setText(code.getLiteral());
		}
		else if (block instanceof org.commonmark.node.BlockQuote) {
			for (org.commonmark.node.Node part = block.getFirstChild(); part != null; part = part.getNext()) {
				block(docx, part, depth + 1);
			}
		}
		else if (block instanceof org.commonmark.node.HtmlBlock html) {
			// Raw HTML is shown as text, as on screen.
			docx.createParagraph().createRun().setText(html.getLiteral());
		}
	}

	private static void inline(XWPFParagraph paragraph, org.commonmark.node.Node parent) {
		parent.accept(new AbstractVisitor() {

			private boolean bold;

			private boolean italic;

			@Override
			public void visit(org.commonmark.node.Text text) {
				XWPFRun run = paragraph.createRun();
				run.setBold(this.bold);
				run.setItalic(this.italic);
				run.setText(text.getLiteral());
			}

			@Override
			public void visit(StrongEmphasis emphasis) {
				boolean was = this.bold;
				this.bold = true;
				visitChildren(emphasis);
				this.bold = was;
			}

			@Override
			public void visit(Emphasis emphasis) {
				boolean was = this.italic;
				this.italic = true;
				visitChildren(emphasis);
				this.italic = was;
			}

			@Override
			public void visit(Code code) {
				paragraph.createRun().setText(code.getLiteral());
			}

			@Override
			public void visit(SoftLineBreak lineBreak) {
				paragraph.createRun().setText(" ");
			}

			@Override
			public void visit(HardLineBreak lineBreak) {
				paragraph.createRun().addBreak(BreakType.TEXT_WRAPPING);
			}

			@Override
			public void visit(Link link) {
				visitChildren(link);
				paragraph.createRun().setText(" (" + link.getDestination() + ")");
			}

			@Override
			public void visit(org.commonmark.node.HtmlInline html) {
				paragraph.createRun().setText(html.getLiteral());
			}

		});
	}

	private static final String STYLES = """
			<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
			  <w:docDefaults>
			    <w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/>
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
			  <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
			    <w:rPr><w:b/><w:color w:val="0B4F6C"/><w:sz w:val="32"/></w:rPr></w:style>
			  <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
			    <w:rPr><w:b/><w:sz w:val="18"/></w:rPr></w:style>
			</w:styles>
			""";

}
