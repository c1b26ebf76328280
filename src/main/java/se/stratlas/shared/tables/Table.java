package se.stratlas.shared.tables;

import java.util.List;

/**
 * A table as users download it: a name (the sheet's or file's), column headers and rows
 * of values (text, numbers, dates; null for empty).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

	public Table {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

}
