package se.stratlas.initiatives;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.internal.InitiativeRepository;
import se.stratlas.shared.Bounds;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * Registering, changing and deleting initiatives (their parts: {@link InitiativeParts}).
 * A strateg may change every initiative of the organisation; a rapportör only those owned
 * by their unit or a unit under it, and only creates such ones.
 */
@Component
@Transactional
public class InitiativeManagement {

	static final String ENTITY = "initiative";

	private final InitiativeRepository repository;

	private final InitiativeCatalog catalog;

	private final OrganisationUnits units;

	private final Areas areas;

	private final AuditTrail audit;

	InitiativeManagement(InitiativeRepository repository, InitiativeCatalog catalog, OrganisationUnits units,
			Areas areas, AuditTrail audit) {
		this.repository = repository;
		this.catalog = catalog;
		this.units = units;
		this.areas = areas;
		this.audit = audit;
	}

	/**
	 * Whether the user may change this initiative (a rapportör's rights follow their
	 * unit).
	 */
	public boolean mayEdit(StratlasPrincipal user, Initiative initiative) {
		return user.organisationId() == initiative.organisationId() && mayOwn(user, initiative.ownerUnitId());
	}

	boolean mayOwn(StratlasPrincipal user, Long unitId) {
		if (user.can(Role.STRATEGIST)) {
			return true;
		}
		return user.can(Role.REPORTER) && user.unitId() != null && unitId != null
				&& this.units.unitAndBelow(user.unitId()).contains(unitId);
	}

	/** The initiative, if the user may change it. */
	Initiative editable(StratlasPrincipal user, long id) {
		Initiative initiative = this.catalog.get(user.organisationId(), id);
		if (!mayEdit(user, initiative)) {
			throw new AccessDeniedException("Initiative " + id + " belongs to another unit");
		}
		return initiative;
	}

	public Initiative create(StratlasPrincipal user, InitiativeDraft draft) {
		return create(user, draft, null);
	}

	/**
	 * Registers an initiative with a note on where its data comes from, shown wherever it
	 * appears (the demo region uses it to label invented values).
	 */
	public Initiative create(StratlasPrincipal user, InitiativeDraft draft, String provenanceNote) {
		InitiativeDraft clean = validate(user, null, draft);
		if (!mayOwn(user, clean.ownerUnitId())) {
			throw new ValidationException("ownerUnitId", "initiative.unit.notYours");
		}
		long id = insert(user.organisationId(), clean, provenanceNote, user.username());
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean.name(),
				fields(null, clean));
		return this.catalog.get(user.organisationId(), id);
	}

	long insert(long organisationId, InitiativeDraft clean, String demoNote, String actor) {
		return this.repository.jdbc()
			.sql("""
					insert into initiatives_initiative (organisation_id, name, acronym, type, status, description, purpose,
					target_group, outputs, outcomes, expected_effects, start_date, end_date, owner_unit_id, predecessor_id,
					area_codes, links, demo_note, created_by, updated_by)
					values (:org, :name, :acronym, :type, :status, :description, :purpose, :targetGroup, :outputs,
					:outcomes, :effects, :start, :end, :unit, :predecessor, :areas, :links, :demo, :actor, :actor)
					returning id""")
			.param("org", organisationId)
			.params(draftParameters(clean).getValues())
			.param("demo", demoNote)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	/** The draft's fields as the named parameters both the insert and the update use. */
	private static MapSqlParameterSource draftParameters(InitiativeDraft clean) {
		return new MapSqlParameterSource().addValue("name", clean.name())
			.addValue("acronym", clean.acronym())
			.addValue("type", clean.type().name())
			.addValue("status", clean.status().name())
			.addValue("description", clean.description())
			.addValue("purpose", clean.purpose())
			.addValue("targetGroup", clean.targetGroup())
			.addValue("outputs", clean.outputs())
			.addValue("outcomes", clean.outcomes())
			.addValue("effects", clean.expectedEffects())
			.addValue("start", clean.startDate())
			.addValue("end", clean.endDate())
			.addValue("unit", clean.ownerUnitId())
			.addValue("predecessor", clean.predecessorId())
			.addValue("areas", clean.areaCodes().toArray(String[]::new))
			.addValue("links", clean.links().toArray(String[]::new));
	}

	public Initiative update(StratlasPrincipal user, long id, int expectedVersion, InitiativeDraft draft) {
		Initiative before = editable(user, id);
		InitiativeDraft clean = validate(user, id, draft);
		if (!Objects.equals(before.ownerUnitId(), clean.ownerUnitId()) && !mayOwn(user, clean.ownerUnitId())) {
			throw new ValidationException("ownerUnitId", "initiative.unit.notYours");
		}
		int updated = this.repository.jdbc()
			.sql("""
					update initiatives_initiative set name = :name, acronym = :acronym, type = :type, status = :status,
					description = :description, purpose = :purpose, target_group = :targetGroup, outputs = :outputs,
					outcomes = :outcomes, expected_effects = :effects, start_date = :start, end_date = :end,
					owner_unit_id = :unit, predecessor_id = :predecessor, area_codes = :areas, links = :links,
					version = version + 1, updated_at = now(), updated_by = :actor
					where id = :id and organisation_id = :org and version = :version""")
			.params(draftParameters(clean).getValues())
			.param("actor", user.username())
			.param("id", id)
			.param("org", user.organisationId())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", clean.name(),
				fields(before.draft(), clean));
		return this.catalog.get(user.organisationId(), id);
	}

	public void delete(StratlasPrincipal user, long id, int expectedVersion) {
		Initiative initiative = editable(user, id);
		int deleted = this.repository.jdbc()
			.sql("delete from initiatives_initiative where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException(ENTITY, id, initiative);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "DELETED", initiative.name(), Map.of());
	}

	InitiativeDraft validate(StratlasPrincipal user, Long id, InitiativeDraft draft) {
		List<Violation> violations = new ArrayList<>();
		if (draft == null) {
			throw new ValidationException("name", "validation.required");
		}
		String name = Texts.clean(draft.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		if (draft.type() == null) {
			violations.add(new Violation("type", "validation.required"));
		}
		if (draft.status() == null) {
			violations.add(new Violation("status", "validation.required"));
		}
		if (name != null && name.length() > 500) {
			violations.add(new Violation("name", "validation.tooLong", 500));
		}
		if (draft.acronym() != null && draft.acronym().strip().length() > 100) {
			violations.add(new Violation("acronym", "validation.tooLong", 100));
		}
		if (!Bounds.year(draft.startDate())) {
			violations.add(new Violation("startDate", "validation.date.range"));
		}
		if (!Bounds.year(draft.endDate())) {
			violations.add(new Violation("endDate", "validation.date.range"));
		}
		if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
			violations.add(new Violation("endDate", "initiative.dates.order"));
		}
		if (draft.ownerUnitId() != null) {
			try {
				this.units.get(user.organisationId(), draft.ownerUnitId());
			}
			catch (NotFoundException ex) {
				violations.add(new Violation("ownerUnitId", "initiative.unit.unknown"));
			}
		}
		if (draft.predecessorId() != null) {
			if (Objects.equals(draft.predecessorId(), id)
					|| this.repository.initiative(user.organisationId(), draft.predecessorId()).isEmpty()) {
				violations.add(new Violation("predecessorId", "initiative.predecessor.invalid"));
			}
		}
		List<String> areaCodes = draft.areaCodes()
			.stream()
			.map(Texts::clean)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		for (String code : areaCodes) {
			if (!this.areas.exists(code)) {
				violations.add(new Violation("areaCodes", "area.unknown", code));
			}
		}
		List<String> links = draft.links().stream().map(Texts::clean).filter(Objects::nonNull).toList();
		for (String link : links) {
			if (!link.matches("https?://\\S+")) {
				violations.add(new Violation("links", "initiative.link.invalid", link));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new InitiativeDraft(name, Texts.clean(draft.acronym()), draft.type(), draft.status(),
				Texts.clean(draft.description()), Texts.clean(draft.purpose()), Texts.clean(draft.targetGroup()),
				Texts.clean(draft.outputs()), Texts.clean(draft.outcomes()), Texts.clean(draft.expectedEffects()),
				draft.startDate(), draft.endDate(), draft.ownerUnitId(), draft.predecessorId(), areaCodes, links);
	}

	Map<String, FieldChange> fields(InitiativeDraft before, InitiativeDraft after) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		fields.put("name", new FieldChange(before == null ? null : before.name(), after.name()));
		fields.put("acronym", new FieldChange(before == null ? null : before.acronym(), after.acronym()));
		fields.put("type", new FieldChange(before == null ? null : before.type().name(), after.type().name()));
		fields.put("status", new FieldChange(before == null ? null : before.status().name(), after.status().name()));
		fields.put("description", new FieldChange(before == null ? null : before.description(), after.description()));
		fields.put("purpose", new FieldChange(before == null ? null : before.purpose(), after.purpose()));
		fields.put("targetGroup", new FieldChange(before == null ? null : before.targetGroup(), after.targetGroup()));
		fields.put("outputs", new FieldChange(before == null ? null : before.outputs(), after.outputs()));
		fields.put("outcomes", new FieldChange(before == null ? null : before.outcomes(), after.outcomes()));
		fields.put("expectedEffects",
				new FieldChange(before == null ? null : before.expectedEffects(), after.expectedEffects()));
		fields.put("startDate",
				new FieldChange(before == null ? null : str(before.startDate()), str(after.startDate())));
		fields.put("endDate", new FieldChange(before == null ? null : str(before.endDate()), str(after.endDate())));
		// Areas by name: the history is read, not parsed.
		fields.put("areas",
				new FieldChange(before == null ? null : areaNames(before.areaCodes()), areaNames(after.areaCodes())));
		return fields;
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

	private String areaNames(List<String> codes) {
		return String.join(", ", codes.stream().map(this.areas::name).toList());
	}

}
