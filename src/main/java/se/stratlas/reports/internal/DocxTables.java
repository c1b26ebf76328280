package se.stratlas.reports.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import se.stratlas.reports.HtmlReport;
import se.stratlas.reports.ReportDocument;
import se.stratlas.reports.ReportDocument.Table;

/**
 * A table of the report in Word: its caption, a header row repeated on every page, rows
 * that do not split, numbers right-aligned, statuses in their colours, and fixed column
 * widths that give each column room for its longest word.
 */
public final class DocxTables {

	/** A4 with 2 cm margins: the text is 9,638 twips wide. */
	public static final int TEXT_WIDTH = 11906 - 2 * 1134;

	/** A character of 9 pt Arial, in twips, and a cell's padding. */
	private static final int CHARACTER = 105;

	private static final int PADDING = 200;

	private DocxTables() {
	}

	/** Writes the table, with its caption above it, at the end of the document. */
	public static void write(XWPFDocument docx, Table table) {
		XWPFParagraph caption = docx.createParagraph();
		caption.setStyle("Caption");
		caption.createRun().setText(table.caption());
		XWPFTable grid = docx.createTable(table.rows().size() + 1, table.headers().size());
		grid.setStyleID("StratlasTable");
		int[] widths = columnWidths(table);
		var tblGrid = grid.getCTTbl().getTblGrid() == null ? grid.getCTTbl().addNewTblGrid()
				: grid.getCTTbl().getTblGrid();
		while (tblGrid.sizeOfGridColArray() > 0) {
			tblGrid.removeGridCol(0);
		}
		for (int width : widths) {
			tblGrid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		grid.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
		grid.setWidth(String.valueOf(TEXT_WIDTH));
		for (XWPFTableRow tableRow : grid.getRows()) {
			for (int c = 0; c < widths.length && c < tableRow.getTableCells().size(); c++) {
				tableRow.getCell(c).setWidth(String.valueOf(widths[c]));
			}
			tableRow.setCantSplitRow(true);
		}
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
					var tcPr = grid.getRow(r + 1).getCell(c).getCTTc().isSetTcPr()
							? grid.getRow(r + 1).getCell(c).getCTTc().getTcPr()
							: grid.getRow(r + 1).getCell(c).getCTTc().addNewTcPr();
					tcPr.addNewNoWrap();
				}
				XWPFRun run = cell.createRun();
				run.setText(HtmlReport.cell(row.get(c)));
				if (row.get(c) instanceof ReportDocument.Mark mark) {
					run.setBold(mark.tone() != ReportDocument.Mark.Tone.NONE);
					run.setColor(switch (mark.tone()) {
						case GOOD -> "1D6B38";
						case PARTLY -> "7A4D00";
						case BAD -> "A1181D";
						case NONE -> "4A5663";
					});
				}
			}
		}
		docx.createParagraph();
	}

	/**
	 * Column widths in twips that fill the text width: each column gets at least its
	 * longest word (so Word never breaks a word), and the rest by how long its contents
	 * are.
	 */
	static int[] columnWidths(Table table) {
		int columns = table.headers().size();
		int[] least = new int[columns];
		int[] wanted = new int[columns];
		for (int c = 0; c < columns; c++) {
			List<String> texts = new ArrayList<>();
			texts.add(table.headers().get(c));
			for (List<Object> row : table.rows()) {
				if (c < row.size()) {
					texts.add(HtmlReport.cell(row.get(c)));
				}
			}
			int word = 3;
			int longest = 3;
			for (String text : texts) {
				longest = Math.max(longest, text.length());
				for (String part : text.split("[ \\-/]")) {
					word = Math.max(word, part.length());
				}
			}
			least[c] = Math.min(24, word) * CHARACTER + PADDING;
			wanted[c] = Math.min(40, longest) * CHARACTER + PADDING;
		}
		int leastSum = Arrays.stream(least).sum();
		int wantedSum = Arrays.stream(wanted).sum();
		int[] widths = new int[columns];
		for (int c = 0; c < columns; c++) {
			if (wantedSum <= TEXT_WIDTH) {
				widths[c] = wanted[c] * TEXT_WIDTH / wantedSum;
			}
			else if (leastSum < TEXT_WIDTH) {
				widths[c] = least[c] + (wanted[c] - least[c]) * (TEXT_WIDTH - leastSum) / (wantedSum - leastSum);
			}
			else {
				widths[c] = least[c] * TEXT_WIDTH / leastSum;
			}
		}
		return widths;
	}

}
