package se.stratlas.strategy;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a strategy, with its status and the decision behind it. */
public record StrategyVersion(long id, long strategyId, int number, String label, StrategyStatus status,
		String decisionBody, LocalDate decisionDate, String decisionNote, int version, Instant createdAt,
		String createdBy) {
}
