package se.stratlas.shared.tables;

/**
 * One problem in an import file: the row (as the spreadsheet numbers it), the column and
 * what is wrong.
 */
public record ImportProblem(int row, String column, String message) {
}
