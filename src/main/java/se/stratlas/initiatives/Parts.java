package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import se.stratlas.actors.Partnership;
import se.stratlas.initiatives.Kinds.FundingSource;

/** The parts of an initiative, each a small record. */
public final class Parts {

	private Parts() {
	}

	/** Money for an initiative from one source in one year, in SEK. */
	public record Funding(long id, FundingSource source, int year, BigDecimal amountSek, String note) {
	}

	/** An organisation taking part, with its role. */
	public record Participant(long actorId, String actorName, Partnership.Role role) {
	}

	/**
	 * A contribution to a strategy element, with the element as it stands in the latest
	 * version of its strategy ({@code label} and {@code strategyCode} are null when it no
	 * longer exists).
	 */
	public record Contribution(UUID elementKey, boolean primary, String motivation, String strategyCode, String label,
			Long elementId) {
	}

	/**
	 * An assessment against one direction: the level on the strategy's scale, the
	 * parameters seed 001 names (aktör, målgrupp, geografi) and a narrative.
	 */
	public record Assessment(long id, UUID directionKey, String levelCode, int score, String actorNote,
			String targetGroupNote, String geographyNote, String narrative, String assessedBy, Instant assessedAt) {

		public boolean positive() {
			return this.score > 0;
		}

	}

	/** What a user enters for an assessment. */
	public record AssessmentDraft(UUID directionKey, String levelCode, @Nullable String actorNote,
			@Nullable String targetGroupNote, @Nullable String geographyNote, @Nullable String narrative) {
	}

	/**
	 * A contribution to an Agenda 2030 goal or target, direct or indirect, positive or
	 * negative.
	 */
	public record SdgEffect(long id, String sdgCode, boolean direct, boolean positive, String note,
			String goalConflict) {

		/** The goal number ("11" for target "11.a"). */
		public String goal() {
			int dot = this.sdgCode.indexOf('.');
			return dot < 0 ? this.sdgCode : this.sdgCode.substring(0, dot);
		}

	}

}
