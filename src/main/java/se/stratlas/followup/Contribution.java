package se.stratlas.followup;

import java.time.Instant;
import java.time.LocalDate;

import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.Fulfilment;

/**
 * One unit's answer to one section (an inrapportering): its Markdown text, goal
 * fulfilment for scorecard goals, state, the revision it is at and the last approved one.
 */
public record Contribution(long id, long organisationId, long cycleId, long sectionId, long unitId,
		Long responsibleUserId, LocalDate dueOn, ContributionState state, String body, Fulfilment fulfilment,
		int revision, Integer approvedRevision, Long previousId, String demoNote, int version, Instant updatedAt,
		String updatedBy) {

	/** Whether the deadline has passed without the unit having delivered. */
	public boolean late(LocalDate today) {
		return this.dueOn != null && today.isAfter(this.dueOn) && !this.state.delivered();
	}

	/**
	 * The contribution with another text shown: the last approved one, for readers who
	 * may not see the work in progress.
	 */
	public Contribution showing(String text, Fulfilment shownFulfilment, int shownRevision) {
		return new Contribution(this.id, this.organisationId, this.cycleId, this.sectionId, this.unitId,
				this.responsibleUserId, this.dueOn, this.state, text, shownFulfilment, shownRevision,
				this.approvedRevision, this.previousId, this.demoNote, this.version, this.updatedAt, this.updatedBy);
	}

	/** The overview's word for where the contribution stands. */
	public String progressKey(LocalDate today) {
		return late(today) ? "contribution.progress.late" : this.state.messageKey();
	}

}
