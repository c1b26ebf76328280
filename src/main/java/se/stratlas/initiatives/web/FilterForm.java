package se.stratlas.initiatives.web;

import java.util.UUID;

import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** The filters of the initiative list and the portfolio, as the request sends them. */
record FilterForm(String q, Status status, InitiativeType type, UUID element, String area, FundingSource source,
		Integer year) {

	InitiativeFilter filter() {
		return new InitiativeFilter(this.q, this.status, this.type, this.element,
				this.area == null || this.area.isBlank() ? null : this.area, this.source, this.year);
	}

}
