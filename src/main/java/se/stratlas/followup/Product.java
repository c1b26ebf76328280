package se.stratlas.followup;

import java.time.Instant;
import java.util.Set;

import se.stratlas.followup.Kinds.ProductKind;

/**
 * A report product of a cycle (the annual follow-up report of seed 001, the committee's
 * annual report, the report to the government) and the sections it uses. A frozen product
 * keeps the revisions it showed when it was frozen.
 */
public record Product(long id, long cycleId, String name, ProductKind kind, Instant frozenAt, String frozenBy,
		Set<Long> sectionIds, int version) {

	public boolean frozen() {
		return this.frozenAt != null;
	}

}
