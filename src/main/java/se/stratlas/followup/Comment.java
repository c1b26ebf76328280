package se.stratlas.followup;

import java.time.Instant;
import java.util.Locale;

/** A comment on a contribution; replies name their parent. Returns and approvals too. */
public record Comment(long id, long contributionId, Long parentId, Kind kind, String body, Instant createdAt,
		String createdBy) {

	/** Why the comment was written. */
	public enum Kind {

		COMMENT, RETURN, APPROVE;

		public String messageKey() {
			return "comment.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

}
