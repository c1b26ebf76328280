package se.stratlas.shared.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes tables as CSV (UTF-8 with BOM and semicolons, as Swedish Excel expects) and XLSX
 * (one sheet per table, numbers as numbers, a bold header row). Text that a spreadsheet
 * would take for a formula is written so that it stays text: CSV/formula injection is not
 * possible.
 */
public final class TableFiles {

	private TableFiles() {
	}

	public static byte[] csv(Table table) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer,
						CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get())) {
			writer.write('\ufeff');
			printer.printRecord(table.headers().stream().map(TableFiles::safeText).toList());
			for (List<Object> row : table.rows()) {
				printer.printRecord(row.stream().map(TableFiles::csvValue).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] xlsx(List<Table> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle dates = workbook.createCellStyle();
			dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.headers().size(); c++) {
					Cell cell = header.createCell(c);
					cell.setCellValue(table.headers().get(c));
					cell.setCellStyle(bold);
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						Cell cell = row.createCell(c);
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else if (value instanceof LocalDate date) {
							cell.setCellValue(date);
							cell.setCellStyle(dates);
						}
						else if (value instanceof Boolean flag) {
							cell.setCellValue(flag);
						}
						else if (value != null) {
							cell.setCellValue(cellText(value.toString()));
						}
					}
				}
				sheet.createFreezePane(0, 1);
				for (int c = 0; c < table.headers().size(); c++) {
					sheet.setColumnWidth(c, Math.min(60, Math.max(10, table.headers().get(c).length() + 4)) * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads an uploaded table by its file name (.xlsx, or .csv/.txt) within the limits
	 * for registers, as a stream ({@link TableReader}).
	 * @throws ImportRefusedException when the file is of another kind, unreadable or over
	 * a limit
	 */
	public static List<List<String>> read(String filename, byte[] content) {
		return TableReader.readAll(filename, content, TableLimits.REGISTER);
	}

	/**
	 * A text as an Excel cell can hold it: at most 32,767 characters, a longer one cut
	 * with a note that says so (the whole text is in Stratlas).
	 */
	static String cellText(String text) {
		int max = TableLimits.EXCEL_CELL_CHARACTERS;
		if (text.length() <= max) {
			return text;
		}
		String note = " … [avkortad: texten har " + text.length() + " tecken]";
		return text.substring(0, max - note.length()) + note;
	}

	private static Object csvValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Number || value instanceof LocalDate || value instanceof Boolean) {
			return value.toString();
		}
		return safeText(value.toString());
	}

	/**
	 * Text starting with =, +, -, @, tab or carriage return gets a leading apostrophe.
	 */
	static String safeText(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
