package se.stratlas.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change. {@code changes} maps a field name to its value before and after
 * ({@code [old, new]}); a created or deleted record has only one side.
 */
public record AuditEvent(long id, Long organisationId, Instant occurredAt, String actor, String entityType,
		String entityId, String action, String summary, Map<String, FieldChange> changes) {

	/** A field's value before and after the change; either may be null. */
	public record FieldChange(Object before, Object after) {
	}

}
