package se.stratlas.learning;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import se.stratlas.strategy.ElementType;

/**
 * A revision proposal (förslag till revidering) for one strategy element: what to change,
 * why, on what evidence, and where it stands. A decided proposal names the draft version
 * it was applied to.
 */
public record Proposal(long id, long strategyId, UUID elementKey, Long cycleId, Kind kind, String title, String nameSv,
		String descriptionSv, ElementType childType, Long indicatorId, String targetComparator, Double targetValue,
		String targetDeadline, String motivation, List<Evidence> evidence, State state, String proposedBy,
		Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote, Long appliedVersionId,
		UUID appliedElementKey, String demoNote, int version) {

	public Proposal {
		evidence = List.copyOf(evidence);
	}

	/** What a proposal changes. */
	public enum Kind {

		/** New wording (name and/or description) of the element. */
		WORDING("ny lydelse"),
		/** A new sub-element under the element. */
		ADD_CHILD("nytt underelement"),
		/** The element goes. */
		REMOVE("ta bort"),
		/** A new target for one of the element's indicators. */
		TARGET("nytt målvärde"),
		/** One of the element's indicators no longer measures it. */
		RETIRE_INDICATOR("indikatorn utgår");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public String messageKey() {
			return "learning.kind." + name().toLowerCase(Locale.ROOT);
		}

		/** Whether the change is made in a draft version of the strategy. */
		public boolean changesTheStrategy() {
			return this == WORDING || this == ADD_CHILD || this == REMOVE;
		}

	}

	/** Förslag → beredd → beslutad or avslagen. */
	public enum State {

		PROPOSED("förslag"), PREPARED("beredd"), DECIDED("beslutad"), REJECTED("avslagen");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public String messageKey() {
			return "learning.state." + name().toLowerCase(Locale.ROOT);
		}

		public boolean open() {
			return this == PROPOSED || this == PREPARED;
		}

	}

	/** What a strateg enters for a proposal. */
	@Schema(name = "ProposalDraft")
	public record Draft(@Nullable UUID elementKey, @Nullable Long cycleId, Kind kind, String title,
			@Nullable String nameSv, @Nullable String descriptionSv, @Nullable ElementType childType,
			@Nullable Long indicatorId, @Nullable String targetComparator, @Nullable Double targetValue,
			@Nullable String targetDeadline, String motivation, @Nullable List<String> evidence) {

		/** The same draft about another element. */
		public Draft about(UUID key) {
			return new Draft(key, this.cycleId, this.kind, this.title, this.nameSv, this.descriptionSv, this.childType,
					this.indicatorId, this.targetComparator, this.targetValue, this.targetDeadline, this.motivation,
					this.evidence);
		}

	}

}
