package se.stratlas.followup.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import se.stratlas.indicators.Period.PeriodFormatException;
import se.stratlas.indicators.Period;
import se.stratlas.shared.tables.ImportProblem;

/**
 * Reads the cells of one row of a finance export, noting each problem with its row and
 * column. Used by {@code UnitFigureImports}.
 */
public final class FigureRowReader {

	private final List<String> cells;

	private final Map<String, Integer> columns;

	private final int row;

	private final List<ImportProblem> problems;

	public FigureRowReader(List<String> cells, Map<String, Integer> columns, int row, List<ImportProblem> problems) {
		this.cells = cells;
		this.columns = columns;
		this.row = row;
		this.problems = problems;
	}

	public String text(String column) {
		Integer index = this.columns.get(column.replace("*", ""));
		String value = index == null || index >= this.cells.size() ? null : this.cells.get(index);
		value = value == null ? null : value.strip();
		if ((value == null || value.isEmpty()) && column.endsWith("*")) {
			this.problems.add(new ImportProblem(this.row, column, "Värde saknas."));
			return null;
		}
		return value == null || value.isEmpty() ? null : value;
	}

	public String period(String column) {
		String text = text(column);
		if (text == null) {
			return null;
		}
		try {
			return Period.parse(text).code();
		}
		catch (PeriodFormatException ex) {
			this.problems.add(new ImportProblem(this.row, column,
					"\"" + text + "\" är ingen period (t.ex. 2021T1, 2021, 2021-04)."));
			return null;
		}
	}

	public BigDecimal number(String column, boolean required) {
		String text = text(required ? column : column.replace("*", ""));
		if (text == null) {
			return null;
		}
		String normal = text.replace('\u2212', '-').replace(" ", "").replace("\u00a0", "").replace(',', '.');
		try {
			return new BigDecimal(normal);
		}
		catch (NumberFormatException ex) {
			this.problems.add(new ImportProblem(this.row, column, "\"" + text + "\" är inget tal."));
			return null;
		}
	}

	public Integer integer(String column) {
		BigDecimal number = number(column, false);
		if (number == null) {
			return null;
		}
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			this.problems.add(new ImportProblem(this.row, column, "\"" + number + "\" är inget heltal."));
			return null;
		}
	}

}
