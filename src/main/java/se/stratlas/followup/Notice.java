package se.stratlas.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An in-app notice to a user: a reminder before a deadline, a returned or approved text.
 */
public record Notice(long id, long userId, Long contributionId, Kind kind, LocalDate dueOn, String message,
		Instant createdAt, Instant readAt) {

	/** What the notice is about. */
	public enum Kind {

		DUE_SOON, OVERDUE, RETURNED, APPROVED, ASSIGNED;

		public String messageKey() {
			return "notice.kind." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
