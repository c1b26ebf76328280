package se.stratlas.audit;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records changes and reads them back. Called inside the caller's transaction, so a
 * change and its audit row are committed together or not at all.
 */
@Component
public class AuditTrail {

	private static final TypeReference<Map<String, AuditEvent.FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a change.
	 * @param changes field name to before/after; fields whose value did not change are
	 * dropped
	 */
	public void record(Long organisationId, String actor, String entityType, Object entityId, String action,
			String summary, Map<String, AuditEvent.FieldChange> changes) {
		Map<String, AuditEvent.FieldChange> changed = new LinkedHashMap<>();
		changes.forEach((field, change) -> {
			if (!Objects.equals(change.before(), change.after())) {
				changed.put(field, change);
			}
		});
		this.jdbc.sql("""
				insert into audit_event (organisation_id, actor, entity_type, entity_id, action, summary, details)
				values (:org, :actor, :type, :id, :action, :summary, cast(:details as jsonb))""")
			.param("org", organisationId)
			.param("actor", actor)
			.param("type", entityType)
			.param("id", String.valueOf(entityId))
			.param("action", action)
			.param("summary", summary)
			.param("details", this.json.writeValueAsString(changed))
			.update();
	}

	/** The history of one entity, newest first. */
	public List<AuditEvent> history(String entityType, Object entityId) {
		return this.jdbc.sql("""
				select * from audit_event where entity_type = :type and entity_id = :id
				order by occurred_at desc, id desc""")
			.param("type", entityType)
			.param("id", String.valueOf(entityId))
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * The latest events of an organisation, optionally filtered by actor or entity type,
	 * newest first.
	 */
	public List<AuditEvent> search(long organisationId, String actor, String entityType, int limit) {
		return this.jdbc.sql("""
				select * from audit_event where organisation_id = :org
				and (cast(:actor as text) is null or actor = :actor)
				and (cast(:type as text) is null or entity_type = :type)
				order by occurred_at desc, id desc limit :limit""")
			.param("org", organisationId)
			.param("actor", actor)
			.param("type", entityType)
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	private AuditEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp at = rs.getTimestamp("occurred_at");
		long org = rs.getLong("organisation_id");
		Long organisationId = rs.wasNull() ? null : org;
		return new AuditEvent(rs.getLong("id"), organisationId, at.toInstant(), rs.getString("actor"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"), rs.getString("summary"),
				this.json.readValue(rs.getString("details"), CHANGES));
	}

}
