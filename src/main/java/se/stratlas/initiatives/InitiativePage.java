package se.stratlas.initiatives;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import se.stratlas.actors.Actor;
import se.stratlas.audit.AuditEvent;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;

/**
 * Everything the page of one initiative shows: the initiative with its parts, whether the
 * reader may change it, the strategy it is assessed against (null when the organisation
 * has none) with its directions and scale, what parts can be added, and where it stands
 * among the other initiatives.
 */
public record InitiativePage(InitiativeDetails details, boolean canEdit, Strategy assessing,
		List<Strategy> ownStrategies, List<Direction> directions, List<AssessmentLevel> scale,
		Map<String, String> levelNames, Map<UUID, Assessment> assessmentByDirection, Map<UUID, String> targets,
		List<Actor> actors, List<String> areaNames, String unitName, Initiative predecessor,
		List<Initiative> successors, List<AuditEvent> history) {

	/** The assessment scale's level names by code. */
	static Map<String, String> levelNames(List<AssessmentLevel> scale) {
		return scale.stream().collect(Collectors.toMap(AssessmentLevel::code, AssessmentLevel::nameSv));
	}

	/**
	 * The assessments by the direction they assess (the first one where there are two).
	 */
	static Map<UUID, Assessment> byDirection(List<Assessment> assessments) {
		return assessments.stream().collect(Collectors.toMap(Assessment::directionKey, a -> a, (a, b) -> a));
	}

}
