package se.stratlas.followup.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid of finance and staffing figures, bound as a JavaBean so that its rows bind by
 * index.
 */
public class GridForm {

	private List<RowForm> rows = new ArrayList<>();

	public List<RowForm> getRows() {
		return this.rows;
	}

	public void setRows(List<RowForm> rows) {
		this.rows = rows;
	}

}
