package se.stratlas.foresight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A workshop of a foresight project (a regional workshop, a SWOT session). */
public record Workshop(long id, long organisationId, String project, String name, LocalDate heldOn, String areaCode,
		String organisers, Integer participants, String format, List<UUID> elementKeys, String demoNote, int version) {

	public Workshop {
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
	}

	/** What a user enters. */
	public record Draft(@Nullable String project, String name, @Nullable LocalDate heldOn, @Nullable String areaCode,
			@Nullable String organisers, @Nullable Integer participants, @Nullable String format,
			@Nullable List<UUID> elementKeys) {
	}

	/** The four quadrants of a SWOT. */
	public enum Quadrant {

		STRENGTH, WEAKNESS, OPPORTUNITY, THREAT;

		public String messageKey() {
			return "swot." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One item of the SWOT. */
	public record SwotItem(long id, long workshopId, Quadrant quadrant, double position, String text, int version,
			Instant updatedAt, String updatedBy) {
	}

}
