package se.stratlas.learning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lesson (lärdom) a strateg wrote about one element, with the evidence it cites. */
public record Lesson(long id, long strategyId, UUID elementKey, Long cycleId, String body, List<Evidence> evidence,
		String demoNote, int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	public Lesson {
		evidence = List.copyOf(evidence);
	}

}
