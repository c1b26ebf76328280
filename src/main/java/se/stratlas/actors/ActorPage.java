package se.stratlas.actors;

import java.util.List;

import se.stratlas.audit.AuditEvent;

/**
 * What the page of one actor shows besides the actor: the names of its areas, the
 * partnerships it is a member of and its history.
 */
public record ActorPage(Actor actor, List<String> areaNames, List<Partnership> partnerships, List<AuditEvent> history) {
}
