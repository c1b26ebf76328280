package se.stratlas.shared.tables;

/**
 * How much of an uploaded table Stratlas reads: rows (besides the header), columns,
 * cells, characters in a cell, and for XLSX the uncompressed size of the sheet, of its
 * shared strings and of its styles. Over any of them the file is refused with the limit
 * named, before the rest is read: a spreadsheet is read as a stream, so these and not the
 * file's size bound the memory an import takes.
 */
public record TableLimits(int rows, int columns, long cells, int cellCharacters, long sheetBytes,
		long sharedStringBytes, long styleBytes) {

	/** Excel's own limit for a cell's text. */
	public static final int EXCEL_CELL_CHARACTERS = 32_767;

	/**
	 * For value files: 200,000 rows (a key figure for 312 areas, 25 years, 3 sexes, 8
	 * times over).
	 */
	public static final TableLimits VALUES = new TableLimits(200_000, 50, 2_000_000, 1_000, 256L << 20, 16L << 20,
			4L << 20);

	/** For registers people type (initiatives, unit figures): 20,000 rows. */
	public static final TableLimits REGISTER = new TableLimits(20_000, 100, 1_000_000, EXCEL_CELL_CHARACTERS,
			128L << 20, 32L << 20, 4L << 20);

	public TableLimits {
		if (rows < 1 || columns < 1 || cells < 1 || cellCharacters < 1 || sheetBytes < 1 || sharedStringBytes < 1
				|| styleBytes < 1) {
			throw new IllegalArgumentException("Every limit is positive");
		}
	}

	/** The same limits with another number of rows. */
	public TableLimits withRows(int rows) {
		return new TableLimits(rows, this.columns, this.cells, this.cellCharacters, this.sheetBytes,
				this.sharedStringBytes, this.styleBytes);
	}

}
