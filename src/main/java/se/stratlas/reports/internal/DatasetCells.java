package se.stratlas.reports.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stratlas.reports.Editions;
import se.stratlas.reports.ReportDocument;

/**
 * How the cells of a report's tables read as open data: a status (stored as its fields)
 * as its words, a value with a note ("73 (preliminärt)", "– saknas") as a number and a
 * status, a label as a stable key, and which columns hold numbers.
 */
public final class DatasetCells {

	private static final Pattern PRELIMINARY = Pattern.compile("^(-?[\\d\\s\\u00a0]+(?:,\\d+)?) \\(preliminärt\\)$");

	private static final Pattern MISSING = Pattern.compile("^–(?: (.+))?$");

	private DatasetCells() {
	}

	/** A column of a dataset: its stable key, its label, and whether it holds numbers. */
	public record Column(String key, String label, boolean number, boolean status) {
	}

	/** A value and its note, from a cell of a number column. */
	public record Value(BigDecimal number, String status) {
	}

	/** A label as a key that stays the same: lower case, ASCII, words joined by "_". */
	public static String key(String label) {
		String plain = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String key = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("(^_|_$)", "");
		return key.isEmpty() ? "kolumn" : key;
	}

	/** The columns: numbers where every value is a number or a number with a note. */
	public static List<Column> columns(Editions.Dataset dataset) {
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < dataset.headers().size(); c++) {
			boolean numbers = false;
			boolean text = false;
			boolean notes = false;
			for (List<Object> row : dataset.rows()) {
				Object cell = c < row.size() ? plain(row.get(c)) : null;
				if (cell instanceof Number) {
					numbers = true;
				}
				else if (cell instanceof String s && !s.isEmpty()) {
					if (PRELIMINARY.matcher(s).matches() || MISSING.matcher(s).matches()) {
						notes = true;
					}
					else {
						text = true;
					}
				}
			}
			boolean number = numbers && !text || notes && !text;
			columns.add(new Column(key(dataset.headers().get(c)), dataset.headers().get(c), number, number && notes));
		}
		return columns;
	}

	/** The number and note of a cell of a number column. */
	public static Value value(Object cell) {
		Object plain = plain(cell);
		if (plain == null || "".equals(plain)) {
			return new Value(null, null);
		}
		if (plain instanceof Number n) {
			return new Value(new BigDecimal(n.toString()).stripTrailingZeros(), null);
		}
		String text = plain.toString();
		Matcher preliminary = PRELIMINARY.matcher(text);
		if (preliminary.matches()) {
			return new Value(new BigDecimal(preliminary.group(1).replaceAll("[\\s\\u00a0]", "").replace(',', '.')),
					"preliminärt");
		}
		Matcher missing = MISSING.matcher(text);
		return new Value(null, missing.matches() && missing.group(1) != null ? missing.group(1) : "saknas");
	}

	/** A cell as stored: a status (stored as its fields) as its words. */
	public static Object plain(Object cell) {
		if (cell instanceof ReportDocument.Mark mark) {
			return mark.label();
		}
		if (cell instanceof Map<?, ?> map && map.containsKey("label")) {
			return String.valueOf(map.get("label"));
		}
		return cell;
	}

}
