package se.stratlas.actors;

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
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/** The actors, contacts and partnerships of an organisation. */
@Component
@Transactional
public class ActorRegistry {

	static final String ACTOR = "actor";

	private final JdbcClient jdbc;

	private final Areas areas;

	private final AuditTrail audit;

	ActorRegistry(JdbcClient jdbc, Areas areas, AuditTrail audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	/** What a user enters for an actor. */
	public record ActorDraft(String name, Actor.Kind kind, @Nullable String organisationNumber,
			@Nullable String website, @Nullable List<String> areaCodes) {
	}

	@Transactional(readOnly = true)
	public List<Actor> actors(long organisationId) {
		return this.jdbc.sql("select * from actors_actor where organisation_id = :org order by lower(name)")
			.param("org", organisationId)
			.query((rs, row) -> actor(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Actor actor(long organisationId, long id) {
		return this.jdbc.sql("select * from actors_actor where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query((rs, row) -> actor(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(ACTOR, id));
	}

	/**
	 * The names of these actors of the organisation in one query, in the order of their
	 * names; ids of other organisations' actors or unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> names(long organisationId, Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from actors_actor where organisation_id = :org and id = any(:ids) order by name")
			.param("org", organisationId)
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		return names;
	}

	@Transactional(readOnly = true)
	public Optional<Actor> findByName(long organisationId, String name) {
		return this.jdbc.sql("select * from actors_actor where organisation_id = :org and lower(name) = lower(:n)")
			.param("org", organisationId)
			.param("n", name)
			.query((rs, row) -> actor(rs))
			.optional();
	}

	public Actor create(long organisationId, ActorDraft draft, String actor) {
		ActorDraft clean = validate(organisationId, null, draft);
		long id = this.jdbc
			.sql("""
					insert into actors_actor (organisation_id, name, kind, organisation_number, website, area_codes,
					created_by, updated_by) values (:org, :name, :kind, :number, :web, :areas, :actor, :actor) returning id""")
			.param("org", organisationId)
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("number", clean.organisationNumber())
			.param("web", clean.website())
			.param("areas", clean.areaCodes().toArray(String[]::new))
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.audit.record(organisationId, actor, ACTOR, id, "CREATED", clean.name(), fields(null, clean));
		return actor(organisationId, id);
	}

	/** Returns the actor with this name, creating it the first time. */
	public Actor ensure(long organisationId, String name, Actor.Kind kind, String actor) {
		return findByName(organisationId, name)
			.orElseGet(() -> create(organisationId, new ActorDraft(name, kind, null, null, List.of()), actor));
	}

	public Actor update(long organisationId, long id, int expectedVersion, ActorDraft draft, String actor) {
		Actor before = actor(organisationId, id);
		ActorDraft clean = validate(organisationId, id, draft);
		int updated = this.jdbc.sql("""
				update actors_actor set name = :name, kind = :kind, organisation_number = :number, website = :web,
				area_codes = :areas, version = version + 1, updated_at = now(), updated_by = :actor
				where id = :id and version = :version""")
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("number", clean.organisationNumber())
			.param("web", clean.website())
			.param("areas", clean.areaCodes().toArray(String[]::new))
			.param("actor", actor)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ACTOR, id, before);
		}
		this.audit.record(organisationId, actor, ACTOR, id, "UPDATED", clean.name(),
				fields(new ActorDraft(before.name(), before.kind(), before.organisationNumber(), before.website(),
						before.areaCodes()), clean));
		return actor(organisationId, id);
	}

	@Transactional(readOnly = true)
	public List<Contact> contacts(long organisationId) {
		return this.jdbc.sql("select * from actors_contact where organisation_id = :org order by lower(name)")
			.param("org", organisationId)
			.query((rs, row) -> new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
					nullableLong(rs, "actor_id"), rs.getString("unit_name"), rs.getString("email"),
					rs.getString("phone"), uuids(rs.getArray("element_keys"))))
			.list();
	}

	public Contact addContact(long organisationId, Contact contact, String actor) {
		List<Violation> violations = new ArrayList<>();
		if (Texts.clean(contact.name()) == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		String email = Texts.clean(contact.email());
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			violations.add(new Violation("email", "contact.email.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		if (contact.actorId() != null) {
			actor(organisationId, contact.actorId());
		}
		long id = this.jdbc
			.sql("""
					insert into actors_contact (organisation_id, name, title, actor_id, unit_name, email, phone, element_keys,
					created_by) values (:org, :name, :title, :actorId, :unit, :email, :phone, :keys, :actor) returning id""")
			.param("org", organisationId)
			.param("name", contact.name().strip())
			.param("title", Texts.clean(contact.title()))
			.param("actorId", contact.actorId())
			.param("unit", Texts.clean(contact.unitName()))
			.param("email", email)
			.param("phone", Texts.clean(contact.phone()))
			.param("keys", contact.elementKeys().toArray(UUID[]::new))
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.audit.record(organisationId, actor, "contact", id, "CREATED", contact.name(), Map.of());
		return contacts(organisationId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Partnership> partnerships(long organisationId) {
		Map<Long, List<Partnership.Member>> members = new LinkedHashMap<>();
		this.jdbc.sql("""
				select m.partnership_id, m.actor_id, a.name, m.role from actors_partnership_member m
				join actors_actor a on a.id = m.actor_id where a.organisation_id = :org order by a.name""")
			.param("org", organisationId)
			.query((rs, row) -> {
				members.computeIfAbsent(rs.getLong("partnership_id"), k -> new ArrayList<>())
					.add(new Partnership.Member(rs.getLong("actor_id"), rs.getString("name"),
							Partnership.Role.valueOf(rs.getString("role"))));
				return null;
			})
			.list();
		return this.jdbc.sql("select * from actors_partnership where organisation_id = :org order by lower(name)")
			.param("org", organisationId)
			.query((rs, row) -> new Partnership(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
					uuids(rs.getArray("element_keys")), members.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * Starts a partnership; its name must be the organisation's only one of that name.
	 */
	public Partnership createPartnership(long organisationId, String name, String description, List<UUID> elementKeys,
			String actor) {
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (partnerships(organisationId).stream().anyMatch(p -> p.name().equalsIgnoreCase(clean))) {
			throw new ValidationException("name", "partnership.name.taken");
		}
		long id = this.jdbc.sql("""
				insert into actors_partnership (organisation_id, name, description, element_keys, created_by)
				values (:org, :name, :description, :keys, :actor) returning id""")
			.param("org", organisationId)
			.param("name", clean)
			.param("description", Texts.clean(description))
			.param("keys", (elementKeys == null ? List.<UUID>of() : elementKeys).toArray(UUID[]::new))
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.audit.record(organisationId, actor, "partnership", id, "CREATED", clean, Map.of());
		return partnership(organisationId, id);
	}

	/**
	 * Adds an actor to a partnership in a role; an unknown partnership is not found
	 * before a missing actor is named.
	 */
	public Partnership addMember(long organisationId, long partnershipId, Long actorId, Partnership.Role role,
			String actor) {
		partnership(organisationId, partnershipId);
		if (actorId == null) {
			throw new ValidationException("actorId", "validation.required");
		}
		Actor member = actor(organisationId, actorId);
		if (role == null) {
			throw new ValidationException("role", "validation.required");
		}
		this.jdbc.sql("""
				insert into actors_partnership_member (partnership_id, actor_id, role) values (:p, :a, :role)
				on conflict do nothing""")
			.param("p", partnershipId)
			.param("a", actorId)
			.param("role", role.name())
			.update();
		this.audit.record(organisationId, actor, "partnership", partnershipId, "UPDATED", null,
				Map.of("member", new FieldChange(null, member.name() + " (" + role.name() + ")")));
		return partnership(organisationId, partnershipId);
	}

	private Partnership partnership(long organisationId, long id) {
		return partnerships(organisationId).stream()
			.filter(p -> p.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("partnership", id));
	}

	private ActorDraft validate(long organisationId, Long id, ActorDraft draft) {
		List<Violation> violations = new ArrayList<>();
		String name = Texts.clean(draft.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		else if (findByName(organisationId, name).filter(a -> !Objects.equals(a.id(), id)).isPresent()) {
			violations.add(new Violation("name", "actor.name.taken"));
		}
		if (draft.kind() == null) {
			violations.add(new Violation("kind", "validation.required"));
		}
		String number = Texts.clean(draft.organisationNumber());
		if (number != null && !number.matches("\\d{6}-\\d{4}")) {
			violations.add(new Violation("organisationNumber", "actor.organisationNumber.invalid"));
		}
		List<String> areaCodes = draft.areaCodes() == null ? List.of()
				: draft.areaCodes().stream().map(Texts::clean).filter(Objects::nonNull).distinct().toList();
		for (String code : areaCodes) {
			if (!this.areas.exists(code)) {
				violations.add(new Violation("areaCodes", "area.unknown", code));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new ActorDraft(name, draft.kind(), number, Texts.clean(draft.website()), areaCodes);
	}

	private Map<String, FieldChange> fields(ActorDraft before, ActorDraft after) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		fields.put("name", new FieldChange(before == null ? null : before.name(), after.name()));
		fields.put("kind", new FieldChange(before == null ? null : before.kind().name(), after.kind().name()));
		fields.put("organisationNumber",
				new FieldChange(before == null ? null : before.organisationNumber(), after.organisationNumber()));
		// Areas by name: the history is read, not parsed.
		fields.put("areas",
				new FieldChange(before == null ? null : areaNames(before.areaCodes()), areaNames(after.areaCodes())));
		return fields;
	}

	private static Actor actor(ResultSet rs) throws SQLException {
		Array areas = rs.getArray("area_codes");
		return new Actor(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
				Actor.Kind.valueOf(rs.getString("kind")), rs.getString("organisation_number"), rs.getString("website"),
				areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()), rs.getInt("version"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}

	private String areaNames(List<String> codes) {
		return String.join(", ", codes.stream().map(this.areas::name).toList());
	}

}
