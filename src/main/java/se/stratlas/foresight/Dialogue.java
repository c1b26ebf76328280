package se.stratlas.foresight;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A dialogue event (a partnership day) with its agenda and parallel tracks. */
public record Dialogue(long id, long organisationId, String name, LocalDate heldOn, String place, String moderator,
		String description, String demoNote, List<AgendaItem> agenda, List<Track> tracks) {

	/** One point of the agenda. */
	public record AgendaItem(long id, LocalTime startsAt, LocalTime endsAt, String title, String speakers) {
	}

	/**
	 * One parallel track: the challenge put to the group and what the group came to,
	 * linked to strategy elements and scanned signals.
	 */
	public record Track(long id, int position, String question, String background, String figures, String facilitator,
			String outcome, String nextSteps, List<UUID> elementKeys, List<Long> itemIds, int version,
			String updatedBy) {
	}

}
