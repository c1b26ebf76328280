package se.stratlas.learning;

import java.time.Instant;
import java.util.UUID;

/** A strateg's assessment of one strategy element in one follow-up cycle. */
public record Assessment(long id, long strategyId, UUID elementKey, long cycleId, Judgement judgement,
		String motivation, String demoNote, int version, Instant updatedAt, String updatedBy) {
}
