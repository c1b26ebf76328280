package se.stratlas.shared.tables;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import se.stratlas.shared.Texts;

/**
 * Reads an uploaded table as a stream, row by row, within {@link TableLimits}: an XLSX
 * file's first sheet through POI's event (SAX) API, never as a whole workbook in memory,
 * and a CSV file (UTF-8, with or without BOM; semicolons or commas, whichever the header
 * uses more) record by record. Cells come as text: dates as ISO dates, numbers exactly as
 * stored without trailing zeros, text as typed. Whatever goes wrong is an
 * {@link ImportRefusedException} that says what, and over a limit which limit.
 */
public final class TableReader {

	/** Receives the rows: the row's number as the spreadsheet shows it, and its cells. */
	@FunctionalInterface
	public interface Rows {

		void row(int number, List<String> cells);

	}

	private TableReader() {
	}

	/**
	 * Reads a table by its file name: .xlsx, or .csv/.txt.
	 * @throws ImportRefusedException when the file is of another kind, unreadable or over
	 * a limit
	 */
	public static void read(String filename, byte[] content, TableLimits limits, Rows rows) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		boolean xlsx = name.endsWith(".xlsx");
		if (!xlsx && !name.endsWith(".csv") && !name.endsWith(".txt")) {
			throw refused(1, "Bara .xlsx och .csv kan importeras.");
		}
		try {
			if (xlsx) {
				readXlsx(content, limits, rows);
			}
			else {
				readCsv(content, limits, rows);
			}
		}
		catch (ImportRefusedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException | SAXException | OpenXML4JException | ParserConfigurationException ex) {
			// A library's own words are passed on when they explain (a zip bomb, a CSV
			// quote
			// out of place); an internal failure on a corrupt file is not.
			boolean internal = ex instanceof NullPointerException || ex instanceof IndexOutOfBoundsException
					|| ex instanceof ClassCastException
					|| (ex.getCause() != null && ex.getCause() instanceof NullPointerException)
					|| Texts.firstLine(ex).contains("null");
			String why = internal ? "filen är skadad eller är inte en " + (xlsx ? "Excel-fil (.xlsx)" : "textfil")
					: Texts.firstLine(ex);
			throw refused(1, "Filen gick inte att läsa: " + why);
		}
	}

	/**
	 * Reads the whole table into rows of cells, every row as wide as the widest, with an
	 * empty row for each row the sheet skips (so that index + 1 is the row's number).
	 */
	public static List<List<String>> readAll(String filename, byte[] content, TableLimits limits) {
		List<List<String>> all = new ArrayList<>();
		int[] width = { 0 };
		read(filename, content, limits, (number, cells) -> {
			while (all.size() < number - 1) {
				all.add(new ArrayList<>());
			}
			all.add(new ArrayList<>(cells));
			width[0] = Math.max(width[0], cells.size());
		});
		for (List<String> row : all) {
			while (row.size() < width[0]) {
				row.add("");
			}
		}
		return all;
	}

	static ImportRefusedException refused(int row, String message) {
		return new ImportRefusedException(List.of(new ImportProblem(row, "", message)));
	}

	/** A number with its thousands grouped by a space, as Swedish writes it: 20 000. */
	static String grouped(long number) {
		return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
	}

	private static ImportRefusedException tooManyRows(TableLimits limits) {
		return refused(limits.rows() + 2, "Filen har fler än " + grouped(limits.rows())
				+ " rader, gränsen för en import. Dela upp den i flera filer.");
	}

	private static ImportRefusedException tooManyColumns(int row, TableLimits limits) {
		return refused(row, "Raden har fler än " + limits.columns() + " kolumner, gränsen för en import.");
	}

	private static ImportRefusedException tooManyCells(int row, TableLimits limits) {
		return refused(row, "Filen har fler än " + grouped(limits.cells())
				+ " celler, gränsen för en import. Dela upp den i flera filer.");
	}

	private static ImportRefusedException tooLongCell(int row, TableLimits limits) {
		return refused(row,
				"En cell har fler än " + grouped(limits.cellCharacters()) + " tecken, gränsen för en cell.");
	}

	/** Counts what a table holds against the limits. */
	private static final class Budget {

		private final TableLimits limits;

		private long cells;

		Budget(TableLimits limits) {
			this.limits = limits;
		}

		void row(int number, List<String> cells) {
			if (number > this.limits.rows() + 1) {
				throw tooManyRows(this.limits);
			}
			if (cells.size() > this.limits.columns()) {
				throw tooManyColumns(number, this.limits);
			}
			this.cells += cells.size();
			if (this.cells > this.limits.cells()) {
				throw tooManyCells(number, this.limits);
			}
			for (String cell : cells) {
				if (cell.length() > this.limits.cellCharacters()) {
					throw tooLongCell(number, this.limits);
				}
			}
		}

	}

	static void readCsv(byte[] content, TableLimits limits, Rows rows) throws IOException {
		int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
				&& (content[2] & 0xff) == 0xbf ? 3 : 0;
		int semicolons = 0;
		int commas = 0;
		for (int i = start; i < content.length && content[i] != '\n'; i++) {
			semicolons += content[i] == ';' ? 1 : 0;
			commas += content[i] == ',' ? 1 : 0;
		}
		char delimiter = semicolons >= commas ? ';' : ',';
		Budget budget = new Budget(limits);
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
				StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.Builder.create(CSVFormat.DEFAULT)
					.setDelimiter(delimiter)
					.get()
					.parse(reader)) {
			Iterator<CSVRecord> records = parser.iterator();
			int number = 0;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				number++;
				List<String> cells = record.toList();
				budget.row(number, cells);
				rows.row(number, cells);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	static void readXlsx(byte[] content, TableLimits limits, Rows rows)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		// From a file, not from memory: POI then reads each part from the zip as it needs
		// it, with its zip-bomb guard, instead of inflating every part first.
		Path file = Files.createTempFile("stratlas-import-", ".xlsx");
		try {
			Files.write(file, content);
			try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				ReadOnlySharedStringsTable strings = null;
				for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
					try (InputStream in = limited(part.getInputStream(), limits.sharedStringBytes(),
							"Filens delade texter är större än %d MB, gränsen för en import.")) {
						strings = new ReadOnlySharedStringsTable(in, false);
					}
				}
				StylesTable styles = null;
				for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
					try (InputStream in = limited(part.getInputStream(), limits.styleBytes(),
							"Filens formatmallar är större än %d MB, gränsen för en import.")) {
						styles = new StylesTable(in);
					}
				}
				XSSFReader reader = new XSSFReader(workbook);
				Iterator<InputStream> sheets = reader.getSheetsData();
				if (!sheets.hasNext()) {
					return;
				}
				try (InputStream sheet = limited(sheets.next(), limits.sheetBytes(),
						"Bladet är större än %d MB okomprimerat, gränsen för en import. Dela upp filen.")) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new SheetHandler(strings, styles, limits, rows));
					parser.parse(new InputSource(sheet));
				}
				catch (SAXException ex) {
					if (ex.getCause() instanceof ImportRefusedException refused) {
						throw refused;
					}
					if (ex.getException() instanceof ImportRefusedException refused) {
						throw refused;
					}
					throw ex;
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * A stream that refuses the file when more than {@code limit} bytes come out of it.
	 */
	private static InputStream limited(InputStream in, long limit, String message) {
		return new FilterInputStream(in) {

			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			private void count(int n) {
				this.read += n;
				if (this.read > limit) {
					throw refused(1, String.format(message, limit >> 20));
				}
			}

		};
	}

	/**
	 * The cells of a sheet's rows, read from its XML: {@code <row r>} with
	 * {@code <c r t s>} holding {@code <v>} or an inline {@code <is><t>}.
	 */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final StylesTable styles;

		private final TableLimits limits;

		private final Rows rows;

		private final Budget budget;

		private final Map<Integer, Boolean> dateStyles = new HashMap<>();

		private final StringBuilder text = new StringBuilder();

		private List<String> cells;

		private int rowNumber;

		private int column;

		private String cellType;

		private int cellStyle;

		private boolean collecting;

		private boolean inline;

		SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, TableLimits limits, Rows rows) {
			this.strings = strings;
			this.styles = styles;
			this.limits = limits;
			this.rows = rows;
			this.budget = new Budget(limits);
		}

		@Override
		public void startElement(String uri, String localName, String name, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.rowNumber = r == null ? this.rowNumber + 1 : Integer.parseInt(r);
					if (this.rowNumber > this.limits.rows() + 1) {
						throw tooManyRows(this.limits);
					}
					this.cells = new ArrayList<>();
					this.column = 0;
				}
				case "c" -> {
					String reference = attributes.getValue("r");
					if (reference != null) {
						this.column = column(reference);
					}
					if (this.column >= this.limits.columns()) {
						throw tooManyColumns(this.rowNumber, this.limits);
					}
					this.cellType = attributes.getValue("t");
					String style = attributes.getValue("s");
					this.cellStyle = style == null ? -1 : Integer.parseInt(style);
					this.text.setLength(0);
					this.inline = false;
				}
				case "is" -> this.inline = true;
				case "v" -> this.collecting = true;
				case "t" -> this.collecting = this.inline;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] chars, int start, int length) {
			if (this.collecting) {
				if (this.text.length() + length > this.limits.cellCharacters() * 8L + 64) {
					throw tooLongCell(this.rowNumber, this.limits);
				}
				this.text.append(chars, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String name) {
			switch (localName) {
				case "v", "t" -> this.collecting = false;
				case "c" -> {
					while (this.cells.size() < this.column) {
						this.cells.add("");
					}
					this.cells.add(value());
					this.column++;
				}
				case "row" -> {
					while (!this.cells.isEmpty() && this.cells.getLast().isEmpty()) {
						this.cells.removeLast();
					}
					this.budget.row(this.rowNumber, this.cells);
					this.rows.row(this.rowNumber, this.cells);
					this.cells = null;
				}
				default -> {
				}
			}
		}

		private String value() {
			String raw = this.text.toString();
			if (this.cellType == null || this.cellType.equals("n")) {
				if (raw.isEmpty()) {
					return "";
				}
				try {
					double number = Double.parseDouble(raw);
					if (isDate() && DateUtil.isValidExcelDate(number)) {
						return DateUtil.getLocalDateTime(number).toLocalDate().toString();
					}
					return new BigDecimal(raw).stripTrailingZeros().toPlainString();
				}
				catch (NumberFormatException ex) {
					return raw;
				}
			}
			return switch (this.cellType) {
				case "s" -> {
					if (this.strings == null) {
						throw refused(this.rowNumber,
								"Filen är skadad: en cell hänvisar till delade texter som saknas.");
					}
					try {
						yield this.strings.getItemAt(Integer.parseInt(raw.strip())).getString();
					}
					catch (RuntimeException ex) {
						throw refused(this.rowNumber, "Filen är skadad: en cell hänvisar till en text som saknas.");
					}
				}
				case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
				case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
				default -> raw;
			};
		}

		private boolean isDate() {
			if (this.styles == null || this.cellStyle < 0) {
				return false;
			}
			return this.dateStyles.computeIfAbsent(this.cellStyle, index -> {
				if (index >= this.styles.getNumCellStyles()) {
					return false;
				}
				XSSFCellStyle style = this.styles.getStyleAt(index);
				return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
			});
		}

		private static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
				if (column > 16_384) {
					break;
				}
			}
			return column - 1;
		}

	}

}
