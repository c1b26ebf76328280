package se.stratlas.foresight;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dialogue event (a partnership day) with its agenda and parallel tracks. */
public record Dialogue(long id, long organisationId, String name, @Nullable LocalDate heldOn, @Nullable String place,
		@Nullable String moderator, @Nullable String description, @Nullable String demoNote, List<AgendaItem> agenda,
		List<Track> tracks) {

	/** One point of the agenda. */
	public record AgendaItem(long id, @Nullable LocalTime startsAt, @Nullable LocalTime endsAt, String title,
			@Nullable String speakers) {
	}

	/**
	 * One parallel track: the challenge put to the group and what the group came to,
	 * linked to strategy elements and scanned signals.
	 */
	public record Track(long id, int position, String question, @Nullable String background, @Nullable String figures,
			@Nullable String facilitator, @Nullable String outcome, @Nullable String nextSteps, List<UUID> elementKeys,
			List<Long> itemIds, int version, @Nullable String updatedBy) {
	}

}
