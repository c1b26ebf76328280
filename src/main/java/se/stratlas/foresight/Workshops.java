package se.stratlas.foresight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * Workshops and reading their SWOT: each quadrant's items, search, the themes that recur
 * across workshops. Changing the SWOT board: {@link SwotBoard}.
 */
@Component
@Transactional
public class Workshops {

	static final String ENTITY = "foresight_workshop";

	static final RowMapper<Workshop> WORKSHOP = (rs, row) -> new Workshop(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getString("project"), rs.getString("name"),
			rs.getDate("held_on") == null ? null : rs.getDate("held_on").toLocalDate(), rs.getString("area_code"),
			rs.getString("organisers"), (Integer) rs.getObject("participants"), rs.getString("format"),
			Scanning.uuids(rs, "element_keys"), rs.getString("demo_note"), rs.getInt("version"));

	static final RowMapper<SwotItem> ITEM = (rs, row) -> new SwotItem(rs.getLong("id"), rs.getLong("workshop_id"),
			Quadrant.valueOf(rs.getString("quadrant")), rs.getDouble("position"), rs.getString("text"),
			rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

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
	public List<Workshop> forElements(long organisationId, Collection<UUID> keys) {
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
			throw new EditConflictException(ENTITY, id, before);
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
		themes.sort(Comparator.comparing((Theme t) -> -t.workshops().size()).thenComparing(Theme::text));
		return themes;
	}

}
