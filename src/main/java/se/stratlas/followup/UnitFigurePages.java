package se.stratlas.followup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;

/**
 * The screens of finance and staffing per unit, each in one call: the table for a period,
 * the grid to enter it, and the grid saved. Not transactional itself: saving runs in
 * {@link UnitFigureBook}'s transaction, and a refused grid is read afresh.
 */
@Component
public class UnitFigurePages {

	private final UnitFigureBook book;

	UnitFigurePages(UnitFigureBook book) {
		this.book = book;
	}

	/**
	 * The table: a period (the latest when none is asked for), the periods, rows and
	 * totals.
	 */
	public record Table(String period, List<String> periods, List<UnitFigureBook.Row> rows,
			Map<String, BigDecimal> totals) {
	}

	/** The grid for a period: the rows the user may enter figures for. */
	public record Grid(String period, List<UnitFigureBook.Row> rows) {
	}

	public Table table(long organisationId, String period) {
		String code = this.book.periodOrLatest(organisationId, period);
		List<UnitFigureBook.Row> rows = this.book.rows(organisationId, code, false);
		return new Table(code, this.book.periods(organisationId), rows, UnitFigureBook.totals(rows));
	}

	public Grid grid(StratlasPrincipal user, String period) {
		String code = this.book.periodOrLatest(user.organisationId(), period);
		return new Grid(code, this.book.editableRows(user, code));
	}

	/**
	 * Saves the grid (all rows or none) and answers with how many rows were saved;
	 * refused, the grid again with what was wrong, or after someone else's change with
	 * {@code theirs} set (to the number of rows that would have been saved).
	 */
	public Edit<Grid, Integer> save(StratlasPrincipal user, String period, List<UnitFigures.Draft> drafts) {
		try {
			return Edit.done(this.book.saveGrid(user, period, drafts));
		}
		catch (ValidationException ex) {
			return Edit.invalid(new Grid(period, this.book.editableRows(user, period)), ex);
		}
		catch (EditConflictException ex) {
			return Edit.conflict(new Grid(period, this.book.editableRows(user, period)), drafts.size());
		}
	}

}
