package se.stratlas.reports.internal;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The Markdown of a report's texts as Word paragraphs: headings at the level given,
 * paragraphs, bold, italic, lists, code and quotes; links and raw HTML as text.
 */
public final class DocxMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private DocxMarkdown() {
	}

	/**
	 * Markdown to Word paragraphs: headings (at the level given), paragraphs, bold,
	 * italic, lists and links as text.
	 */
	public static void write(XWPFDocument docx, String markdown, int headingLevel) {
		Node root = PARSER.parse(markdown == null ? "" : markdown);
		for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
			block(docx, block, 0, headingLevel);
		}
	}

	private static void block(XWPFDocument docx, Node block, int depth, int headingLevel) {
		if (block instanceof Heading) {
			// A heading in a text is one level below the heading the text stands under:
			// no jumps in the outline.
			XWPFParagraph paragraph = docx.createParagraph();
			paragraph.setStyle("Heading" + headingLevel);
			inline(paragraph, block);
		}
		else if (block instanceof BulletList || block instanceof OrderedList) {
			int number = block instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
					? ordered.getMarkerStartNumber() : 1;
			for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
				if (!(item instanceof ListItem)) {
					continue;
				}
				String marker = block instanceof OrderedList ? (number++) + ". " : "• ";
				boolean firstPart = true;
				for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
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
						block(docx, part, depth + 1, headingLevel);
					}
				}
			}
		}
		else if (block instanceof Paragraph) {
			inline(docx.createParagraph(), block);
		}
		else if (block instanceof FencedCodeBlock code) {
			docx.createParagraph().createRun().setText(code.getLiteral());
		}
		else if (block instanceof IndentedCodeBlock code) {
			docx.createParagraph().createRun().setText(code.getLiteral());
		}
		else if (block instanceof BlockQuote) {
			for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
				block(docx, part, depth + 1, headingLevel);
			}
		}
		else if (block instanceof HtmlBlock html) {
			// Raw HTML is shown as text, as on screen.
			docx.createParagraph().createRun().setText(html.getLiteral());
		}
	}

	private static void inline(XWPFParagraph paragraph, Node parent) {
		parent.accept(new AbstractVisitor() {

			private boolean bold;

			private boolean italic;

			@Override
			public void visit(Text text) {
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
			public void visit(HtmlInline html) {
				paragraph.createRun().setText(html.getLiteral());
			}

		});
	}

}
