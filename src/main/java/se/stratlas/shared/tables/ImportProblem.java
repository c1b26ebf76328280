package se.stratlas.shared.tables;

/**
 * One problem in an import file: the row (as the spreadsheet numbers it, 0 when the
 * problem is not in a row), the column, where that is in words (or a JSON path), and what
 * is wrong.
 */
public record ImportProblem(int row, String column, String where, String message) {

	/** A problem in a table's row and column. */
	public ImportProblem(int row, String column, String message) {
		this(row, column,
				row <= 0 ? column
						: column == null || column.isBlank() ? "rad " + row : "rad " + row + ", kolumn " + column,
				message);
	}

	/**
	 * A problem at a place that is not a table cell: a JSON path, the file as a whole.
	 */
	public static ImportProblem at(String where, String message) {
		return new ImportProblem(0, "", where, message);
	}

}
