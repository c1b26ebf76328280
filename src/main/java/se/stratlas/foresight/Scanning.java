package se.stratlas.foresight;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.StrategyCatalog;

/**
 * Environmental scanning: items a region watches, linked to the strategy elements they
 * concern. Everyone reads; rapportörer and strateger record and change items (every
 * change in the history).
 */
@Component
@Transactional
public class Scanning {

	static final String ENTITY = "foresight_item";

	static final RowMapper<ScanItem> ITEM = (rs, row) -> new ScanItem(rs.getLong("id"), rs.getLong("organisation_id"),
			ScanItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
			ScanItem.Scope.valueOf(rs.getString("scope")),
			rs.getDate("occurred_on") == null ? null : rs.getDate("occurred_on").toLocalDate(),
			rs.getString("source_url"), ScanItem.Effect.valueOf(rs.getString("effect")), rs.getInt("strength"),
			ScanItem.Horizon.valueOf(rs.getString("horizon")), strings(rs.getArray("tags")), uuids(rs, "element_keys"),
			rs.getString("demo_note"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
			rs.getString("updated_by"));

	/** What the list is narrowed to; nulls mean "any". */
	public record Filter(String q, ScanItem.Kind kind, ScanItem.Scope scope, ScanItem.Effect effect, UUID elementKey) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}

	}

	private final JdbcClient jdbc;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	Scanning(JdbcClient jdbc, StrategyCatalog strategies, AuditTrail audit) {
		this.jdbc = jdbc;
		this.strategies = strategies;
		this.audit = audit;
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}

	static void requireWriter(StratlasPrincipal user) {
		if (!user.can(Role.REPORTER)) {
			throw new AccessDeniedException("Only rapportörer and strateger record foresight");
		}
	}

	@Transactional(readOnly = true)
	public List<ScanItem> list(long organisationId, Filter filter) {
		String q = filter.q() == null || filter.q().isBlank() ? null : "%" + filter.q().strip().toLowerCase() + "%";
		return this.jdbc.sql("""
				select * from foresight_item where organisation_id = :org
				and (cast(:kind as text) is null or kind = :kind)
				and (cast(:scope as text) is null or scope = :scope)
				and (cast(:effect as text) is null or effect = :effect)
				and (cast(:key as uuid) is null or cast(:key as uuid) = any(element_keys))
				and (cast(:q as text) is null or lower(title || ' ' || coalesce(description, '') || ' '
				     || array_to_string(tags, ' ')) like :q)
				order by occurred_on desc nulls last, id desc""")
			.param("org", organisationId)
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("scope", filter.scope() == null ? null : filter.scope().name())
			.param("effect", filter.effect() == null ? null : filter.effect().name())
			.param("key", filter.elementKey())
			.param("q", q)
			.query(ITEM)
			.list();
	}

	/** The items linked to any of the elements (a priority and the elements under it). */
	@Transactional(readOnly = true)
	public List<ScanItem> forElements(long organisationId, Collection<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from foresight_item where organisation_id = :org and element_keys && :keys
				order by occurred_on desc nulls last, id desc""")
			.param("org", organisationId)
			.param("keys", keys.toArray(UUID[]::new))
			.query(ITEM)
			.list();
	}

	@Transactional(readOnly = true)
	public ScanItem get(long organisationId, long id) {
		return this.jdbc.sql("select * from foresight_item where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query(ITEM)
			.optional()
			.orElseThrow(() -> new NotFoundException("scan item", id));
	}

	public ScanItem create(StratlasPrincipal user, ScanItem.Draft draft) {
		return create(user, draft, null);
	}

	/** Records an item with a note on where it comes from (the demo labels its items). */
	public ScanItem create(StratlasPrincipal user, ScanItem.Draft draft, String demoNote) {
		requireWriter(user);
		ScanItem.Draft clean = validate(user.organisationId(), draft);
		long id = this.jdbc.sql("""
				insert into foresight_item (organisation_id, kind, title, description, scope, occurred_on, source_url,
				effect, strength, horizon, tags, element_keys, demo_note, created_by, updated_by)
				values (:org, :kind, :title, :description, :scope, :on, :url, :effect, :strength, :horizon, :tags,
				:keys, :demo, :actor, :actor) returning id""")
			.param("org", user.organisationId())
			.params(parameters(clean))
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean.title(),
				fields(null, clean));
		return get(user.organisationId(), id);
	}

	public ScanItem update(StratlasPrincipal user, long id, int expectedVersion, ScanItem.Draft draft) {
		requireWriter(user);
		ScanItem before = get(user.organisationId(), id);
		ScanItem.Draft clean = validate(user.organisationId(), draft);
		int updated = this.jdbc.sql("""
				update foresight_item set kind = :kind, title = :title, description = :description, scope = :scope,
				occurred_on = :on, source_url = :url, effect = :effect, strength = :strength, horizon = :horizon,
				tags = :tags, element_keys = :keys, version = version + 1, updated_at = now(), updated_by = :actor
				where id = :id and organisation_id = :org and version = :version""")
			.params(parameters(clean))
			.param("actor", user.username())
			.param("id", id)
			.param("org", user.organisationId())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", clean.title(),
				fields(before.draft(), clean));
		return get(user.organisationId(), id);
	}

	public void delete(StratlasPrincipal user, long id, int expectedVersion) {
		requireWriter(user);
		ScanItem before = get(user.organisationId(), id);
		int deleted = this.jdbc.sql("delete from foresight_item where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "DELETED", before.title(), Map.of());
	}

	private static Map<String, Object> parameters(ScanItem.Draft d) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("kind", d.kind().name());
		p.put("title", d.title());
		p.put("description", d.description());
		p.put("scope", d.scope().name());
		p.put("on", d.occurredOn());
		p.put("url", d.sourceUrl());
		p.put("effect", d.effect().name());
		p.put("strength", d.strength());
		p.put("horizon", d.horizon().name());
		p.put("tags", d.tags().toArray(String[]::new));
		p.put("keys", d.elementKeys().toArray(UUID[]::new));
		return p;
	}

	private ScanItem.Draft validate(long organisationId, ScanItem.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		String title = Texts.clean(draft.title());
		if (title == null) {
			violations.add(new Violation("title", "validation.required"));
		}
		if (draft.kind() == null) {
			violations.add(new Violation("kind", "validation.required"));
		}
		if (draft.scope() == null) {
			violations.add(new Violation("scope", "validation.required"));
		}
		String url = Texts.clean(draft.sourceUrl());
		if (url != null && !url.matches("(?i)https?://\\S+")) {
			violations.add(new Violation("sourceUrl", "scan.url.invalid"));
		}
		int strength = draft.strength() == null ? 3 : draft.strength();
		if (strength < 1 || strength > 5) {
			violations.add(new Violation("strength", "scan.strength.range"));
		}
		List<UUID> keys = draft.elementKeys() == null ? List.of()
				: draft.elementKeys().stream().filter(Objects::nonNull).distinct().toList();
		for (UUID key : keys) {
			if (this.strategies.latestElement(organisationId, key).isEmpty()) {
				violations.add(new Violation("elementKeys", "validation.unknown"));
				break;
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		List<String> tags = draft.tags() == null ? List.of()
				: draft.tags().stream().map(Texts::clean).filter(Objects::nonNull).distinct().toList();
		return new ScanItem.Draft(draft.kind(), title, Texts.clean(draft.description()), draft.scope(),
				draft.occurredOn(), url, draft.effect() == null ? ScanItem.Effect.NEUTRAL : draft.effect(), strength,
				draft.horizon() == null ? ScanItem.Horizon.MEDEL : draft.horizon(), tags, keys);
	}

	private static Map<String, FieldChange> fields(ScanItem.Draft before, ScanItem.Draft after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("title", new FieldChange(before == null ? null : before.title(), after.title()));
		changes.put("description", new FieldChange(before == null ? null : before.description(), after.description()));
		changes.put("kind", new FieldChange(before == null ? null : before.kind(), after.kind()));
		changes.put("effect", new FieldChange(before == null ? null : before.effect(), after.effect()));
		return changes;
	}

}
