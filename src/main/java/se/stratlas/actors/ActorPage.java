package se.stratlas.actors;

import java.util.List;

import se.stratlas.areas.Area;
import se.stratlas.audit.AuditEvent;

/**
 * What the page of one actor shows besides the actor: the names of its areas, the
 * partnerships it is a member of, its history and the municipalities its form offers.
 */
public record ActorPage(Actor actor, List<String> areaNames, List<Partnership> partnerships, List<AuditEvent> history,
		List<Area> municipalities) {
}
