package se.stratlas.foresight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A scenario of a foresight project: a name, a horizon year, a narrative, the
 * förutsättningar it rests on and the konsekvenser it has, optionally a place on a
 * scenario cross (two axes from −1 to 1), and the strategy elements it matters for.
 */
public record Scenario(long id, long organisationId, String project, String name, Integer horizonYear, String narrative,
		List<String> preconditions, List<String> consequences, Double axisX, Double axisY, List<UUID> elementKeys,
		String demoNote, int version, Instant updatedAt, String updatedBy) {

	public Scenario {
		preconditions = preconditions == null ? List.of() : List.copyOf(preconditions);
		consequences = consequences == null ? List.of() : List.copyOf(consequences);
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
	}

	/** The förutsättningar one per line, for editing. */
	public String preconditionsText() {
		return String.join("\n", this.preconditions);
	}

	/** The konsekvenser one per line, for editing. */
	public String consequencesText() {
		return String.join("\n", this.consequences);
	}

	public boolean placed() {
		return this.axisX != null && this.axisY != null;
	}

	/** What a user enters. */
	public record Draft(@Nullable String project, String name, @Nullable Integer horizonYear,
			@Nullable String narrative, @Nullable List<String> preconditions, @Nullable List<String> consequences,
			@Nullable Double axisX, @Nullable Double axisY, @Nullable List<UUID> elementKeys) {
	}

	/** A dimension of the future (betydelsefull dimension) and its factors. */
	public record Dimension(long id, long organisationId, @Nullable String project, String name, List<String> factors,
			@Nullable String demoNote) {

		public Dimension {
			factors = factors == null ? List.of() : List.copyOf(factors);
		}

	}

}
