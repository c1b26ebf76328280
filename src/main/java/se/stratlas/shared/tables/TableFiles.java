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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.VerticalAlignment;

/**
 * Writes tables as CSV (UTF-8 with BOM and semicolons, as Swedish Excel expects) and XLSX
 * (one sheet per table with a name of its own, numbers as numbers with a number format,
 * columns as wide as their content, a bold header row). Text that a spreadsheet would
 * take for a formula is written so that it stays text: CSV/formula injection is not
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
			bold.setWrapText(true);
			bold.setVerticalAlignment(VerticalAlignment.TOP);
			CellStyle dates = workbook.createCellStyle();
			dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			Map<Integer, CellStyle> numbers = new HashMap<>();
			Set<String> names = new HashSet<>();
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(uniqueSheetName(table.name(), names));
				Row header = sheet.createRow(0);
				int[] widths = new int[table.headers().size()];
				for (int c = 0; c < table.headers().size(); c++) {
					Cell cell = header.createCell(c);
					cell.setCellValue(table.headers().get(c));
					cell.setCellStyle(bold);
					widths[c] = Math.min(30, table.headers().get(c).length());
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						Cell cell = row.createCell(c);
						String shown = "";
						if (value instanceof Number number) {
							int decimals = decimals(number);
							cell.setCellValue(number.doubleValue());
							cell.setCellStyle(numbers.computeIfAbsent(decimals, d -> numberStyle(workbook, d)));
							shown = String.format(Locale.ROOT, "%,." + decimals + "f", number.doubleValue());
						}
						else if (value instanceof LocalDate date) {
							cell.setCellValue(date);
							cell.setCellStyle(dates);
							shown = "yyyy-mm-dd";
						}
						else if (value instanceof Boolean flag) {
							cell.setCellValue(flag);
							shown = flag.toString();
						}
						else if (value != null) {
							shown = cellText(value.toString());
							cell.setCellValue(shown);
						}
						if (c < widths.length) {
							widths[c] = Math.max(widths[c], Math.min(60, shown.length()));
						}
					}
				}
				sheet.createFreezePane(0, 1);
				for (int c = 0; c < widths.length; c++) {
					sheet.setColumnWidth(c, Math.max(10, widths[c] + 2) * 256);
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
	 * A sheet name Excel accepts (at most 31 characters, none of : \\ / ? * [ ]) that no
	 * other sheet of the workbook has: a repeated name gets a number at its end.
	 */
	static String uniqueSheetName(String wanted, Set<String> taken) {
		String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Blad" : wanted);
		String name = base;
		for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())).stripTrailing() + suffix;
		}
		return name;
	}

	/** The decimals a number is shown with: its scale, or up to two for a double. */
	private static int decimals(Number number) {
		if (number instanceof BigDecimal big) {
			return Math.max(0, Math.min(4, big.stripTrailingZeros().scale()));
		}
		if (number instanceof Double || number instanceof Float) {
			BigDecimal big = BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
			return Math.max(0, Math.min(2, big.scale()));
		}
		return 0;
	}

	/**
	 * Thousands grouped, the decimals given: Excel shows it in the reader's own
	 * separators.
	 */
	private static CellStyle numberStyle(XSSFWorkbook workbook, int decimals) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.getCreationHelper()
			.createDataFormat()
			.getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
		return style;
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
	public static String safeText(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
