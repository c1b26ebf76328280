package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;

/**
 * An application for funding and its decision; a granted application has become an
 * initiative.
 */
public record Application(long id, long organisationId, long strategyId, String title, Long applicantId,
		String applicantName, String description, BigDecimal amountApplied, BigDecimal amountGranted,
		FundingSource fundingSource, Decision decision, LocalDate decisionDate, String decidedBy, String decisionNote,
		Long initiativeId, int version) {

	/** What a project officer enters for a new application. */
	public record Draft(long strategyId, String title, @Nullable Long applicantId, @Nullable String description,
			@Nullable BigDecimal amountApplied, @Nullable FundingSource fundingSource) {
	}

}
