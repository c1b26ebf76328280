package se.stratlas.foresight;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Workshops and their SWOT. Every SWOT item is its own row with its own version, so
 * facilitators working at the same time add, change and move items without touching each
 * other's; when two change the same item, the later text is kept as a new item next to it
 * and the writer is told. Nothing anyone writes is lost.
 */
@Component
@Transactional
public class Workshops {

	static final String ENTITY = "foresight_workshop";

	/** Longest text of one SWOT item. */
	static final int MAX_ITEM = 2_000;

	static final RowMapper<Workshop> WORKSHOP = (rs, row) -> new Workshop(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getString("project"), rs.getString("name"),
			rs.getDate("held_on") == null ? null : rs.getDate("held_on").toLocalDate(), rs.getString("area_code"),
			rs.getString("organisers"), (Integer) rs.getObject("participants"), rs.getString("format"),
			Scanning.uuids(rs, "element_keys"), rs.getString("demo_note"), rs.getInt("version"));

	static final RowMapper<SwotItem> ITEM = (rs, row) -> new SwotItem(rs.getLong("id"), rs.getLong("workshop_id"),
			Quadrant.valueOf(rs.getString("quadrant")), rs.getDouble("position"), rs.getString("text"),
			rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	/**
	 * What an edit did: saved, or kept as a new item because someone else changed the
	 * same one.
	 */
	public record EditResult(SwotItem item, SwotItem theirs) {

		public boolean conflicted() {
			return this.theirs != null;
		}

	}

	/** A theme that recurs: the same item in several workshops. */
	public record Theme(String text, Quadrant quadrant, List<String> workshops) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final AuditTrail audit;

	Workshops(JdbcClient jdbc, Areas areas, AuditTrail audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Workshop> list(long organisationId) {
		return this.jdbc
			.sql("select * from foresight_workshop where organisation_id = :org order by held_on desc nulls last, id")
			.param("org", organisationId)
			.query(WORKSHOP)
			.list();
	}

	/** The workshops linked to any of the elements. */
	@Transactional(readOnly = true)
	public List<Workshop> forElements(long organisationId, java.util.Collection<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from foresight_workshop where organisation_id = :org and element_keys && :keys"
					+ " order by held_on desc nulls last, id")
			.param("org", organisationId)
			.param("keys", keys.toArray(UUID[]::new))
			.query(WORKSHOP)
			.list();
	}

	@Transactional(readOnly = true)
	public Workshop get(long organisationId, long id) {
		return this.jdbc.sql("select * from foresight_workshop where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query(WORKSHOP)
			.optional()
			.orElseThrow(() -> new NotFoundException("workshop", id));
	}

	public Workshop create(StratlasPrincipal user, Workshop.Draft draft) {
		return create(user, draft, null);
	}

	public Workshop create(StratlasPrincipal user, Workshop.Draft draft, String demoNote) {
		Scanning.requireWriter(user);
		String name = Texts.clean(draft.name());
		if (name == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (draft.areaCode() != null && !draft.areaCode().isBlank() && !this.areas.exists(draft.areaCode())) {
			throw new ValidationException("areaCode", "area.unknown", draft.areaCode());
		}
		if (draft.participants() != null && draft.participants() < 0) {
			throw new ValidationException("participants", "figures.negative");
		}
		long id = this.jdbc.sql("""
				insert into foresight_workshop (organisation_id, project, name, held_on, area_code, organisers,
				participants, format, element_keys, demo_note, created_by)
				values (:org, :project, :name, :on, :area, :organisers, :participants, :format, :keys, :demo, :actor)
				returning id""")
			.param("org", user.organisationId())
			.param("project", Texts.clean(draft.project()))
			.param("name", name)
			.param("on", draft.heldOn())
			.param("area", draft.areaCode() == null || draft.areaCode().isBlank() ? null : draft.areaCode())
			.param("organisers", Texts.clean(draft.organisers()))
			.param("participants", draft.participants())
			.param("format", Texts.clean(draft.format()))
			.param("keys", (draft.elementKeys() == null ? List.<UUID>of() : draft.elementKeys()).toArray(UUID[]::new))
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", name, Map.of());
		return get(user.organisationId(), id);
	}

	/**
	 * Changes a workshop's details and links; refused when someone else changed it since.
	 */
	public Workshop update(StratlasPrincipal user, long id, int expectedVersion, Workshop.Draft draft) {
		Scanning.requireWriter(user);
		Workshop before = get(user.organisationId(), id);
		String name = Texts.clean(draft.name());
		if (name == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (draft.areaCode() != null && !draft.areaCode().isBlank() && !this.areas.exists(draft.areaCode())) {
			throw new ValidationException("areaCode", "area.unknown", draft.areaCode());
		}
		if (draft.participants() != null && draft.participants() < 0) {
			throw new ValidationException("participants", "figures.negative");
		}
		int updated = this.jdbc.sql("""
				update foresight_workshop set project = :project, name = :name, held_on = :on, area_code = :area,
				organisers = :organisers, participants = :participants, format = :format, element_keys = :keys,
				version = version + 1 where id = :id and organisation_id = :org and version = :version""")
			.param("project", Texts.clean(draft.project()))
			.param("name", name)
			.param("on", draft.heldOn())
			.param("area", draft.areaCode() == null || draft.areaCode().isBlank() ? null : draft.areaCode())
			.param("organisers", Texts.clean(draft.organisers()))
			.param("participants", draft.participants())
			.param("format", Texts.clean(draft.format()))
			.param("keys", (draft.elementKeys() == null ? List.<UUID>of() : draft.elementKeys()).toArray(UUID[]::new))
			.param("id", id)
			.param("org", user.organisationId())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new se.stratlas.shared.EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", name,
				Map.of("name", new FieldChange(before.name(), name)));
		return get(user.organisationId(), id);
	}

	/** SWOT items whose text contains the words, with their workshop. */
	@Transactional(readOnly = true)
	public List<Map.Entry<Workshop, SwotItem>> search(long organisationId, String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		Map<Long, Workshop> workshops = new LinkedHashMap<>();
		list(organisationId).forEach(w -> workshops.put(w.id(), w));
		return this.jdbc.sql("""
				select i.* from foresight_swot_item i join foresight_workshop w on w.id = i.workshop_id
				where w.organisation_id = :org and lower(i.text) like :q order by w.id, i.quadrant, i.position""")
			.param("org", organisationId)
			.param("q", "%" + q.strip().toLowerCase(Locale.ROOT) + "%")
			.query(ITEM)
			.list()
			.stream()
			.map(item -> Map.entry(workshops.get(item.workshopId()), item))
			.toList();
	}

	/** The SWOT: each quadrant's items in order. */
	@Transactional(readOnly = true)
	public Map<Quadrant, List<SwotItem>> swot(long organisationId, long workshopId) {
		get(organisationId, workshopId);
		Map<Quadrant, List<SwotItem>> swot = new EnumMap<>(Quadrant.class);
		for (Quadrant quadrant : Quadrant.values()) {
			swot.put(quadrant, new ArrayList<>());
		}
		this.jdbc.sql("select * from foresight_swot_item where workshop_id = :id order by quadrant, position, id")
			.param("id", workshopId)
			.query(ITEM)
			.list()
			.forEach(item -> swot.get(item.quadrant()).add(item));
		return swot;
	}

	private static String text(String text) {
		String clean = Texts.clean(text);
		if (clean == null) {
			throw new ValidationException("text", "validation.required");
		}
		if (clean.length() > MAX_ITEM) {
			throw new ValidationException("text", "validation.tooLong", MAX_ITEM);
		}
		return clean;
	}

	/** Adds an item at the end of its quadrant. */
	public SwotItem add(StratlasPrincipal user, long workshopId, Quadrant quadrant, String text) {
		Scanning.requireWriter(user);
		get(user.organisationId(), workshopId);
		if (quadrant == null) {
			throw new ValidationException("quadrant", "validation.required");
		}
		String clean = text(text);
		// Lock the workshop row briefly so that two items added at once get distinct
		// places.
		this.jdbc.sql("select id from foresight_workshop where id = :id for update")
			.param("id", workshopId)
			.query(Long.class)
			.single();
		double position = this.jdbc.sql(
				"select coalesce(max(position), 0) + 1 from foresight_swot_item where workshop_id = :id and quadrant = :q")
			.param("id", workshopId)
			.param("q", quadrant.name())
			.query(Double.class)
			.single();
		long id = insert(workshopId, quadrant, position, clean, user.username());
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", id, "CREATED", clean,
				Map.of("quadrant", new FieldChange(null, quadrant.name())));
		return item(id);
	}

	private long insert(long workshopId, Quadrant quadrant, double position, String text, String actor) {
		return this.jdbc.sql("""
				insert into foresight_swot_item (workshop_id, quadrant, position, text, created_by, updated_by)
				values (:workshop, :quadrant, :position, :text, :actor, :actor) returning id""")
			.param("workshop", workshopId)
			.param("quadrant", quadrant.name())
			.param("position", position)
			.param("text", text)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	private SwotItem item(long id) {
		return this.jdbc.sql("select * from foresight_swot_item where id = :id")
			.param("id", id)
			.query(ITEM)
			.optional()
			.orElseThrow(() -> new NotFoundException("swot item", id));
	}

	private SwotItem owned(StratlasPrincipal user, long workshopId, long itemId) {
		get(user.organisationId(), workshopId);
		SwotItem item = item(itemId);
		if (item.workshopId() != workshopId) {
			throw new NotFoundException("swot item", itemId);
		}
		return item;
	}

	/**
	 * Changes an item's text. If someone else changed it since {@code expectedVersion},
	 * their text stays and this one is added right after it; the result says so.
	 */
	public EditResult edit(StratlasPrincipal user, long workshopId, long itemId, int expectedVersion, String text) {
		Scanning.requireWriter(user);
		SwotItem before = owned(user, workshopId, itemId);
		String clean = text(text);
		int updated = this.jdbc
			.sql("""
					update foresight_swot_item set text = :text, version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and version = :version""")
			.param("text", clean)
			.param("actor", user.username())
			.param("id", itemId)
			.param("version", expectedVersion)
			.update();
		if (updated == 1) {
			this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", itemId, "UPDATED", clean,
					Map.of("text", new FieldChange(before.text(), clean)));
			return new EditResult(item(itemId), null);
		}
		double next = this.jdbc.sql("""
				select coalesce(min(position), :position + 1) from foresight_swot_item
				where workshop_id = :workshop and quadrant = :q and position > :position""")
			.param("workshop", workshopId)
			.param("q", before.quadrant().name())
			.param("position", before.position())
			.query(Double.class)
			.single();
		long id = insert(workshopId, before.quadrant(), (before.position() + next) / 2, clean, user.username());
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", id, "CREATED", clean,
				Map.of("keptBeside", new FieldChange(null, itemId)));
		return new EditResult(item(id), before);
	}

	/**
	 * Moves an item one place up or down in its quadrant, or to the end of another
	 * quadrant.
	 */
	public SwotItem move(StratlasPrincipal user, long workshopId, long itemId, String direction, Quadrant to) {
		Scanning.requireWriter(user);
		SwotItem item = owned(user, workshopId, itemId);
		if (to != null && to != item.quadrant()) {
			double position = this.jdbc.sql(
					"select coalesce(max(position), 0) + 1 from foresight_swot_item where workshop_id = :id and quadrant = :q")
				.param("id", workshopId)
				.param("q", to.name())
				.query(Double.class)
				.single();
			this.jdbc.sql("""
					update foresight_swot_item set quadrant = :q, position = :position, version = version + 1,
					updated_at = now(), updated_by = :actor where id = :id""")
				.param("q", to.name())
				.param("position", position)
				.param("actor", user.username())
				.param("id", itemId)
				.update();
			return item(itemId);
		}
		boolean up = "up".equals(direction);
		List<SwotItem> neighbours = this.jdbc
			.sql("select * from foresight_swot_item where workshop_id = :id and quadrant = :q"
					+ (up ? " and position < :position order by position desc"
							: " and position > :position order by position")
					+ " limit 1")
			.param("id", workshopId)
			.param("q", item.quadrant().name())
			.param("position", item.position())
			.query(ITEM)
			.list();
		if (neighbours.isEmpty()) {
			return item;
		}
		SwotItem other = neighbours.getFirst();
		swap(itemId, other.position(), user.username());
		swap(other.id(), item.position(), user.username());
		return item(itemId);
	}

	private void swap(long id, double position, String actor) {
		this.jdbc.sql("""
				update foresight_swot_item set position = :position, version = version + 1, updated_at = now(),
				updated_by = :actor where id = :id""")
			.param("position", position)
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	/**
	 * Removes an item; refused if someone changed it since it was shown (their change
	 * would be lost).
	 */
	public void remove(StratlasPrincipal user, long workshopId, long itemId, int expectedVersion) {
		Scanning.requireWriter(user);
		SwotItem item = owned(user, workshopId, itemId);
		int deleted = this.jdbc.sql("delete from foresight_swot_item where id = :id and version = :version")
			.param("id", itemId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new se.stratlas.shared.EditConflictException("foresight_swot_item", itemId, item);
		}
		this.audit.record(user.organisationId(), user.username(), "foresight_swot_item", itemId, "DELETED", item.text(),
				Map.of());
	}

	/**
	 * Items that recur across workshops: the same words (case and punctuation aside) in
	 * the same quadrant of two or more workshops, most widespread first.
	 */
	@Transactional(readOnly = true)
	public List<Theme> themes(long organisationId) {
		Map<String, Map<String, Object[]>> byKey = new TreeMap<>();
		this.jdbc.sql("""
				select i.text, i.quadrant, w.name, w.area_code from foresight_swot_item i
				join foresight_workshop w on w.id = i.workshop_id where w.organisation_id = :org""")
			.param("org", organisationId)
			.query((rs, row) -> {
				String text = rs.getString("text");
				String key = rs.getString("quadrant") + "|"
						+ text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").strip();
				String place = rs.getString("area_code") == null ? rs.getString("name")
						: this.areas.name(rs.getString("area_code"));
				byKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
					.put(place, new Object[] { text, Quadrant.valueOf(rs.getString("quadrant")) });
				return null;
			})
			.list();
		List<Theme> themes = new ArrayList<>();
		byKey.forEach((key, places) -> {
			if (places.size() > 1) {
				Object[] first = places.values().iterator().next();
				themes.add(new Theme((String) first[0], (Quadrant) first[1], new ArrayList<>(places.keySet())));
			}
		});
		themes.sort(java.util.Comparator.comparing((Theme t) -> -t.workshops().size()).thenComparing(Theme::text));
		return themes;
	}

}
