package se.stratlas.followup.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An in-app notice to a user: a reminder before a deadline, a returned or approved text.
 * Kept and read by {@code Notices}; nothing outside the module sees the record itself.
 */
public record Notice(long id, long userId, Long contributionId, Kind kind, LocalDate dueOn, String message,
		Instant createdAt, Instant readAt) {

	/** What the notice is about. */
	public enum Kind {

		DUE_SOON, OVERDUE, RETURNED, APPROVED, ASSIGNED;

		public String messageKey() {
			return "notice.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

}
