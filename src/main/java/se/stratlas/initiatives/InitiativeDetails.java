package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.util.List;

import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.initiatives.Parts.Contribution;
import se.stratlas.initiatives.Parts.Funding;
import se.stratlas.initiatives.Parts.Participant;
import se.stratlas.initiatives.Parts.SdgEffect;

/** An initiative with all its parts. */
public record InitiativeDetails(Initiative initiative, List<Funding> funding, List<Participant> participants,
		List<Contribution> contributions, List<Assessment> assessments, List<SdgEffect> sdgEffects) {

	/** The total budget in SEK, over all sources and years. */
	public BigDecimal totalFunding() {
		return this.funding.stream().map(Funding::amountSek).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * The share of the budget that does not come from the region's own appropriation
	 * (anslag 1:1), 0–1.
	 */
	public double coFinancingShare() {
		BigDecimal total = totalFunding();
		if (total.signum() == 0) {
			return 0;
		}
		BigDecimal own = this.funding.stream()
			.filter(f -> f.source() == Kinds.FundingSource.ANSLAG_1_1)
			.map(Funding::amountSek)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return total.subtract(own).doubleValue() / total.doubleValue();
	}

	public Contribution primaryContribution() {
		return this.contributions.stream().filter(Contribution::primary).findFirst().orElse(null);
	}

}
