package se.stratlas.audit;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

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

	/**
	 * What an administrator searches the log for; every part is optional. {@code text}
	 * matches the summary, the record's id and the changed values, case-insensitively.
	 */
	public record Query(String actor, String entityType, String action, String text, LocalDate from, LocalDate to) {

		public Query {
			actor = blankToNull(actor);
			entityType = blankToNull(entityType);
			action = blankToNull(action);
			text = blankToNull(text);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	/** One page of the organisation's events that match, newest first. */
	public List<AuditEvent> search(long organisationId, Query query, int limit, int offset) {
		return this.jdbc.sql("""
				select * from audit_event where organisation_id = :org
				and (cast(:actor as text) is null or actor ilike :actor)
				and (cast(:type as text) is null or entity_type = :type)
				and (cast(:action as text) is null or action = :action)
				and (cast(:text as text) is null or summary ilike :like or entity_id = :text
				     or cast(details as text) ilike :like)
				and (cast(:from as date) is null or occurred_at >= cast(:from as date))
				and (cast(:to as date) is null or occurred_at < cast(:to as date) + 1)
				order by occurred_at desc, id desc limit :limit offset :offset""")
			.param("org", organisationId)
			.param("actor", query.actor())
			.param("type", query.entityType())
			.param("action", query.action())
			.param("text", query.text())
			.param("like", query.text() == null ? null : "%" + likeEscaped(query.text()) + "%")
			.param("from", query.from())
			.param("to", query.to())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> map(rs))
			.list();
	}

	/** The kinds of records and the actions the organisation's log holds, for filters. */
	/**
	 * One page of the audit log screen: the events matching the query ({@code size} at
	 * the most), whether more follow, the page shown (1–1000) and the entity types and
	 * actions to filter by.
	 */
	public record LogPage(List<AuditEvent> events, boolean more, int page, List<String> types, List<String> actions) {
	}

	/** The events of page {@code page} (from 1) of the log, {@code size} to a page. */
	public LogPage page(long organisationId, Query query, int page, int size) {
		int current = Math.max(1, Math.min(page, 1000));
		List<AuditEvent> events = search(organisationId, query, size + 1, (current - 1) * size);
		return new LogPage(events.size() > size ? events.subList(0, size) : events, events.size() > size, current,
				distinct(organisationId, "entity_type"), distinct(organisationId, "action"));
	}

	public List<String> distinct(long organisationId, String column) {
		if (!column.equals("entity_type") && !column.equals("action")) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc.sql("select distinct " + column + " from audit_event where organisation_id = :org order by 1")
			.param("org", organisationId)
			.query(String.class)
			.list();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private AuditEvent map(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("occurred_at");
		long org = rs.getLong("organisation_id");
		Long organisationId = rs.wasNull() ? null : org;
		return new AuditEvent(rs.getLong("id"), organisationId, at.toInstant(), rs.getString("actor"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"), rs.getString("summary"),
				this.json.readValue(rs.getString("details"), CHANGES));
	}

}
