package se.stratlas.exchange.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.stratlas.exchange.Dataset;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.TableLimits;
import se.stratlas.shared.tables.TableReader;

/**
 * Checks a dataset's file against its schema, as the buyer's validation of a delivery
 * does: the header names the schema's fields in order, and every value has the field's
 * type (an empty cell is a missing value, never 0). Files are read as a stream within the
 * limits for value tables.
 */
public final class DatasetFiles {

	private static final int MAX_PROBLEMS = 20;

	private static final int SAMPLE_ROWS = 5;

	private DatasetFiles() {
	}

	/**
	 * What a file that matches its schema holds: its number of rows and the first ones.
	 */
	public record Shape(int rows, List<List<String>> sample) {

		/** The sample as text, a row per line and a tab between cells. */
		public String sampleText() {
			return String.join("\n", this.sample.stream().map(r -> String.join("\t", r)).toList());
		}

	}

	/**
	 * The shape of a file that matches the schema.
	 * @throws ImportRefusedException with the rows and columns that do not match
	 */
	public static Shape check(String filename, byte[] content, List<Dataset.Field> fields) {
		List<ImportProblem> problems = new ArrayList<>();
		List<List<String>> sample = new ArrayList<>();
		int[] rows = { 0 };
		TableReader.read(filename, content, TableLimits.VALUES, (number, cells) -> {
			if (rows[0]++ == 0) {
				header(number, cells, fields, problems);
				return;
			}
			if (sample.size() < SAMPLE_ROWS) {
				sample.add(cells.stream().map(c -> c.replace('\t', ' ').replace('\n', ' ')).toList());
			}
			for (int i = 0; i < fields.size() && problems.size() < MAX_PROBLEMS; i++) {
				String value = i < cells.size() ? cells.get(i).strip() : "";
				if (!value.isEmpty() && !fits(fields.get(i).type(), value)) {
					problems.add(new ImportProblem(number, fields.get(i).name(), "\"" + value + "\" är inte av typen "
							+ fields.get(i).type().name().toLowerCase(Locale.ROOT) + "."));
				}
			}
		});
		if (rows[0] == 0) {
			problems.add(ImportProblem.at(filename, "Filen är tom."));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		return new Shape(rows[0] - 1, sample);
	}

	private static void header(int number, List<String> cells, List<Dataset.Field> fields,
			List<ImportProblem> problems) {
		List<String> names = fields.stream().map(Dataset.Field::name).toList();
		List<String> header = cells.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
		if (!header.equals(names)) {
			problems.add(new ImportProblem(number, "", "Rubrikraden ska vara schemats fält i ordning: "
					+ String.join(", ", names) + " (filen har " + String.join(", ", header) + ")."));
		}
	}

	static boolean fits(Dataset.Field.Type type, String value) {
		try {
			switch (type) {
				case INTEGER -> Long.parseLong(value);
				case DECIMAL -> new BigDecimal(value.replace(',', '.'));
				case DATE -> LocalDate.parse(value);
				// With an offset (2025-01-01T00:00:00+01:00) or without (local time, as
				// most
				// systems export it).
				case TIMESTAMP -> {
					if (!value.matches(".*([+-]\\d{2}:?\\d{2}|Z)$")) {
						LocalDateTime.parse(value.replace(' ', 'T'));
					}
					else {
						OffsetDateTime.parse(value.replace(' ', 'T'));
					}
				}
				case BOOLEAN -> {
					if (!List.of("true", "false", "ja", "nej").contains(value.toLowerCase(Locale.ROOT))) {
						return false;
					}
				}
				case TEXT -> {
				}
			}
			return true;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * The file as CSV (semicolons, UTF-8) with its header and only the rows whose value
	 * in the column is one of the values kept: a delivery that leaves out the rows of
	 * donors without consent.
	 */
	public static byte[] keepRows(String filename, byte[] content, int column, Collection<String> kept) {
		Set<String> keep = Set.copyOf(kept);
		StringBuilder csv = new StringBuilder();
		int[] rows = { 0 };
		TableReader.read(filename, content, TableLimits.VALUES, (number, cells) -> {
			String value = column < cells.size() ? cells.get(column).strip() : "";
			if (rows[0]++ == 0 || keep.contains(value)) {
				csv.append(String.join(";", cells.stream().map(DatasetFiles::csvCell).toList())).append('\n');
			}
		});
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String csvCell(String value) {
		return value.contains(";") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	/** The file's rows after its header, each as its cells. */
	public static List<List<String>> rows(String filename, byte[] content) {
		List<List<String>> rows = new ArrayList<>();
		boolean[] header = { true };
		TableReader.read(filename, content, TableLimits.VALUES, (number, cells) -> {
			if (header[0]) {
				header[0] = false;
			}
			else {
				rows.add(List.copyOf(cells));
			}
		});
		return rows;
	}

	/**
	 * A cell as the value its field's type gives it in JSON: a number, a truth value or
	 * text; an empty cell is null, never 0.
	 */
	public static @Nullable Object typed(Dataset.Field.Type type, String cell) {
		String value = cell.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (!fits(type, value)) {
			return value;
		}
		return switch (type) {
			case INTEGER -> Long.parseLong(value);
			case DECIMAL -> new BigDecimal(value.replace(',', '.'));
			case BOOLEAN -> List.of("true", "ja").contains(value.toLowerCase(Locale.ROOT));
			case DATE, TIMESTAMP, TEXT -> value;
		};
	}

	/** Rows as CSV (semicolons, UTF-8) under a header. */
	public static byte[] csv(List<String> header, List<List<String>> rows) {
		StringBuilder csv = new StringBuilder();
		csv.append(String.join(";", header.stream().map(DatasetFiles::csvCell).toList())).append('\n');
		rows.forEach(r -> csv.append(String.join(";", r.stream().map(DatasetFiles::csvCell).toList())).append('\n'));
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The file's SHA-256 checksum in hex. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
