package se.stratlas.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A follow-up cycle: a kind, a period, the strategy version it follows up, its milestones
 * and its state.
 */
public record Cycle(long id, long organisationId, String name, CycleKind kind, String periodCode, Long strategyId,
		Long strategyVersionId, CycleState state, LocalDate opensOn, LocalDate dueOn, LocalDate reviewDueOn,
		LocalDate publishOn, Long copiedFromId, String demoNote, int version, Instant updatedAt, String updatedBy) {

	/** What a strateg enters for a cycle. */
	@Schema(name = "CycleDraft")
	public record Draft(String name, CycleKind kind, String periodCode, @Nullable Long strategyVersionId,
			@Nullable LocalDate opensOn, @Nullable LocalDate dueOn, @Nullable LocalDate reviewDueOn,
			@Nullable LocalDate publishOn) {
	}

	/**
	 * The period as people write it ("T1 2021", "2023"), or the code if it is not one.
	 */
	public String periodLabel(Locale locale) {
		return Kinds.periodLabel(this.periodCode, locale);
	}

	public Draft draft() {
		return new Draft(this.name, this.kind, this.periodCode, this.strategyVersionId, this.opensOn, this.dueOn,
				this.reviewDueOn, this.publishOn);
	}

}
