package se.stratlas.learning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import se.stratlas.audit.AuditEvent;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Section;
import se.stratlas.followup.TextDiff;
import se.stratlas.indicators.IndicatorDashboards.DashboardRow;
import se.stratlas.indicators.Target;
import se.stratlas.initiatives.Initiative;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyVersion;

/**
 * Everything a strategy element's learning page shows, in the page's order: status at a
 * glance, the initiatives, the units' texts, the outside world, and the strateg's
 * assessment, lessons and proposals.
 */
public record LearningView(Strategy strategy, StrategyVersion version, StrategyElement element,
		List<StrategyElement> ancestors, List<StrategyElement> children, List<Cycle> cycles, Cycle cycle,
		Cycle previousCycle, List<IndicatorStatus> indicators, Map<Target.Status, Long> statusCounts,
		long withoutTarget, Initiatives initiatives, List<TextPair> texts, long openTexts, long returnedTexts,
		List<Outside> outside, Assessment assessment, Assessment previousAssessment, List<Lesson> lessons,
		List<Proposal> proposals, List<Choice> evidenceChoices, boolean mayWrite, String viewer,
		List<AuditEvent> assessmentHistory, Map<Long, List<AuditEvent>> lessonHistory, String areaName) {

	/**
	 * One indicator: its dashboard row (latest value, change, target status), its series
	 * as a sparkline, women and men where split, and Sweden beside the home area.
	 */
	public record IndicatorStatus(DashboardRow row, Sparkline sparkline, Double women, Double men, Double sweden,
			String demoNote) {

		public boolean hasTarget() {
			return this.row.targetStatus() != null && this.row.targetStatus() != Target.Status.NO_DATA;
		}

	}

	/**
	 * A series drawn as a small line: SVG points in a 100 × 24 box, first and last value.
	 */
	public record Sparkline(String points, Double first, Double last, String firstPeriod, String lastPeriod) {

		public boolean empty() {
			return this.points.isEmpty();
		}

	}

	/** The initiatives that contribute to the element or its children. */
	public record Initiatives(List<Initiative> list, Map<String, BigDecimal> moneyBySource,
			Map<Integer, BigDecimal> moneyByYear, BigDecimal total, Map<String, Long> byStatus,
			List<DirectionCount> directions, List<SdgLine> sdgEffects, boolean demo) {

		public boolean empty() {
			return this.list.isEmpty();
		}

	}

	/** How many initiatives contribute to a direction, and how many counteract it. */
	public record DirectionCount(String direction, long contributing, long counteracting) {
	}

	/**
	 * An Agenda 2030 effect of an initiative, negative ones and goal conflicts flagged.
	 */
	public record SdgLine(String initiative, long initiativeId, String sdgCode, boolean positive, String note,
			String goalConflict) {
	}

	/**
	 * A section that answers for the element, per unit: this cycle's text beside last
	 * cycle's, with the words that changed.
	 */
	public record TextPair(Section section, String unit, Contribution contribution, String current, String previous,
			List<TextDiff.Segment> diff) {

		public boolean changed() {
			return this.previous != null && this.current != null && TextDiff.changed(this.diff);
		}

	}

	/** A signal, SWOT item, scenario or dialogue outcome linked to the element. */
	public record Outside(Evidence.Kind kind, long id, String title, String detail, String date, String href) {
	}

	/** Something a lesson or proposal may cite: its token and label. */
	public record Choice(String token, String label) {
	}

	/**
	 * Whether the viewer may decide or reject the proposal: a strateg who did not propose
	 * it.
	 */
	public boolean mayDecide(Proposal proposal) {
		return this.mayWrite && proposal.state().open() && !proposal.proposedBy().equals(this.viewer);
	}

	public boolean hasAssessment() {
		return this.assessment != null;
	}

}
