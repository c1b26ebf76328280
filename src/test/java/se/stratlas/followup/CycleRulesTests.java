package se.stratlas.followup;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;

import static org.assertj.core.api.Assertions.assertThat;

class CycleRulesTests {

	@Test
	void cyclesMoveOneStepOnOrBack() {
		assertThat(CycleState.PLANNED.next()).containsExactly(CycleState.OPEN);
		assertThat(CycleState.OPEN.next()).containsExactlyInAnyOrder(CycleState.REVIEW, CycleState.PLANNED);
		assertThat(CycleState.CLOSED.next()).containsExactlyInAnyOrder(CycleState.PUBLISHED, CycleState.REVIEW);
		assertThat(CycleState.PUBLISHED.next()).isEmpty();
	}

	@Test
	void onlyOpenAndReviewAcceptTexts() {
		assertThat(CycleState.OPEN.acceptsContributions()).isTrue();
		assertThat(CycleState.REVIEW.acceptsContributions()).isTrue();
		assertThat(CycleState.PLANNED.acceptsContributions()).isFalse();
		assertThat(CycleState.CLOSED.acceptsContributions()).isFalse();
	}

	@Test
	void theNextCycleFollowsThePeriod() {
		assertThat(Cycles.nextPeriod(CycleKind.ANNUAL, "2023")).isEqualTo("2024");
		assertThat(Cycles.nextPeriod(CycleKind.TERTIAL, "2021T1")).isEqualTo("2021T2");
		assertThat(Cycles.nextPeriod(CycleKind.TERTIAL, "2021T3")).isEqualTo("2022T1");
		assertThat(Cycles.nextPeriod(CycleKind.MONTHLY, "2024-12")).isEqualTo("2025-01");
	}

	@Test
	void aContributionIsLateOnlyWhenUndeliveredAfterItsDeadline() {
		Contribution draft = contribution(ContributionState.DRAFT, LocalDate.of(2024, 2, 9));
		assertThat(draft.late(LocalDate.of(2024, 2, 9))).isFalse();
		assertThat(draft.late(LocalDate.of(2024, 2, 10))).isTrue();
		assertThat(draft.progressKey(LocalDate.of(2024, 2, 10))).isEqualTo("contribution.progress.late");
		assertThat(contribution(ContributionState.READY, LocalDate.of(2024, 2, 9)).late(LocalDate.of(2024, 3, 1)))
			.isFalse();
		assertThat(contribution(ContributionState.DRAFT, null).late(LocalDate.of(2030, 1, 1))).isFalse();
	}

	@Test
	void aReadyTextIsLockedAndTheOthersEditable() {
		assertThat(ContributionState.READY.editable()).isFalse();
		assertThat(ContributionState.RETURNED.editable()).isTrue();
		assertThat(ContributionState.APPROVED.delivered()).isTrue();
	}

	private static Contribution contribution(ContributionState state, LocalDate due) {
		return new Contribution(1, 1, 1, 1, 1, null, due, state, "", null, 0, null, null, null, 0, null, null);
	}

}
