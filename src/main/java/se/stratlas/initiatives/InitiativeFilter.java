package se.stratlas.initiatives;

import java.util.UUID;

import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/**
 * Which initiatives to show: a text search (Swedish stemming) and filters; null means
 * any. {@code elementKey} also matches contributions to elements under that element.
 */
public record InitiativeFilter(String q, Status status, InitiativeType type, UUID elementKey, String areaCode,
		FundingSource source, Integer year) {

	public static InitiativeFilter none() {
		return new InitiativeFilter(null, null, null, null, null, null, null);
	}

	public boolean empty() {
		return (this.q == null || this.q.isBlank()) && this.status == null && this.type == null
				&& this.elementKey == null && this.areaCode == null && this.source == null && this.year == null;
	}

}
