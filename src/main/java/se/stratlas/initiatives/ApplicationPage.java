package se.stratlas.initiatives;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.stratlas.audit.AuditEvent;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;

/**
 * Everything the page of one application shows: the application, its strategy's
 * directions and scale, its assessments, the gate, and whether the reader may still
 * assess or decide it.
 */
public record ApplicationPage(Application application, Strategy strategy, List<Direction> directions,
		List<AssessmentLevel> scale, Map<String, String> levelNames, Map<UUID, Assessment> assessmentByDirection,
		Applications.GateCheck gate, boolean canAssess, boolean canDecide, List<AuditEvent> history) {
}
