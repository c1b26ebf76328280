package se.stratlas.followup;

import java.time.Instant;
import java.util.Locale;

/**
 * A text a contribution has had: each save, autosave, copy and merge gets a revision
 * number; a state change and the text of a save that lost a conflict are kept without
 * one.
 */
public record Revision(long id, long contributionId, Integer revision, Kind kind, String body, String fulfilment,
		String state, String note, Instant savedAt, String savedBy) {

	/** Why the revision was written. */
	public enum Kind {

		SAVE, AUTOSAVE, COPY, MERGE, CONFLICT_COPY, STATE;

		public String messageKey() {
			return "revision.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

}
