package se.stratlas.followup;

import java.util.List;
import java.util.Map;

import se.stratlas.areas.Area;
import se.stratlas.foresight.ScanItem;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.initiatives.Initiative;

/**
 * What the contribution editor shows one user: the text rendered with its live
 * references, what the user may do with it now, the previous cycle's text, where the text
 * is used, omvärldsbevakning for the section, the comment threads and, for a writer, the
 * references the toolbar offers.
 *
 * @param rendered the text as HTML, references made live
 * @param sectionIndicators the section's indicators as HTML, or null when it names none
 * @param previous the same unit's text in the cycle copied from, or null
 * @param previousCycle that cycle's name, or null
 * @param scanning omvärldsbevakning for the section, or null when it asks for none
 * @param workHidden whether the user sees only the approved text
 * @param threads the comments that start a thread, oldest first
 * @param replies the replies to each comment, by the comment's id
 * @param references what the toolbar offers, or null for those who may not edit
 */
public record ContributionPage(Contribution contribution, Cycle cycle, Section section, String unitName,
		String responsible, String rendered, boolean canEdit, boolean canReady, boolean canWithdraw, boolean canReview,
		boolean ownText, boolean canComment, boolean goal, String sectionIndicators, Contribution previous,
		String previousCycle, List<Contributions.Usage> usage, Scanning scanning, boolean workHidden,
		List<Comment> threads, Map<Long, List<Comment>> replies, References references) {

	/**
	 * What a writer may refer to: indicators, initiatives, and the areas a live reference
	 * may name (Sweden and the home county's areas).
	 */
	public record References(List<IndicatorDefinition> indicators, List<Initiative> initiatives, List<Area> areas,
			String homeAreaName) {
	}

	/**
	 * The scanned signals and SWOT workshops linked to a section's element, and the
	 * Markdown list of them ready to insert into the text.
	 */
	public record Scanning(List<ScanItem> items, List<String> workshops, String markdown) {
	}

	/**
	 * One entry of a contribution's history next to the numbered revision before it.
	 */
	public record HistoryEntry(Revision revision, List<TextDiff.Segment> diff) {
	}

	/** A contribution's history as the user may read it, newest first. */
	public record History(Contribution contribution, Section section, Cycle cycle, String unitName,
			List<HistoryEntry> entries, boolean workHidden) {
	}

}
