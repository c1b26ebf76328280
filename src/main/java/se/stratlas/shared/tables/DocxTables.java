package se.stratlas.shared.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Tables as an editable Word document: a title, then each table under its name, header
 * row in bold.
 */
public final class DocxTables {

	private DocxTables() {
	}

	public static byte[] docx(String title, List<Table> tables) {
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			docx.getProperties().getCoreProperties().setTitle(title);
			XWPFRun heading = docx.createParagraph().createRun();
			heading.setBold(true);
			heading.setFontSize(16);
			heading.setText(title);
			for (Table table : tables) {
				XWPFRun name = docx.createParagraph().createRun();
				name.setBold(true);
				name.setText(table.name());
				XWPFTable grid = docx.createTable(table.rows().size() + 1, table.headers().size());
				grid.setWidth("100%");
				grid.getRow(0).setRepeatHeader(true);
				for (int c = 0; c < table.headers().size(); c++) {
					XWPFRun run = grid.getRow(0).getCell(c).getParagraphs().getFirst().createRun();
					run.setBold(true);
					run.setText(table.headers().get(c));
				}
				for (int r = 0; r < table.rows().size(); r++) {
					List<Object> row = table.rows().get(r);
					for (int c = 0; c < table.headers().size() && c < row.size(); c++) {
						grid.getRow(r + 1)
							.getCell(c)
							.getParagraphs()
							.getFirst()
							.createRun()
							.setText(row.get(c) == null ? "" : String.valueOf(row.get(c)));
					}
				}
				docx.createParagraph();
			}
			docx.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
