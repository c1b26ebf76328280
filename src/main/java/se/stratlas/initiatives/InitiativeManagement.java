package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Partnership;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Changing initiatives. A strateg may change every initiative of the organisation; a
 * rapportör only those owned by their unit or a unit under it, and only creates such
 * ones.
 */
@Component
@Transactional
public class InitiativeManagement {

	static final String ENTITY = "initiative";

	private final InitiativeRepository repository;

	private final InitiativeCatalog catalog;

	private final StrategyCatalog strategies;

	private final OrganisationUnits units;

	private final ActorRegistry actors;

	private final Areas areas;

	private final AuditTrail audit;

	InitiativeManagement(InitiativeRepository repository, InitiativeCatalog catalog, StrategyCatalog strategies,
			OrganisationUnits units, ActorRegistry actors, Areas areas, AuditTrail audit) {
		this.repository = repository;
		this.catalog = catalog;
		this.strategies = strategies;
		this.units = units;
		this.actors = actors;
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

	private Initiative editable(StratlasPrincipal user, long id) {
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
	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource draftParameters(
			InitiativeDraft clean) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("name", clean.name())
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

	public void addFunding(StratlasPrincipal user, long id, FundingSource source, Integer year, BigDecimal amount,
			String note) {
		editable(user, id);
		List<Violation> violations = new ArrayList<>();
		if (source == null) {
			violations.add(new Violation("source", "validation.required"));
		}
		if (year == null || year < 1990 || year > 2100) {
			violations.add(new Violation("year", "funding.year.invalid"));
		}
		if (!se.stratlas.shared.Bounds.kronor(amount)) {
			violations.add(new Violation("amountSek", "funding.amount.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		this.repository.jdbc()
			.sql("""
					insert into initiatives_funding (initiative_id, source, year, amount_sek, note)
					values (:id, :source, :year, :amount, :note)""")
			.param("id", id)
			.param("source", source.name())
			.param("year", year)
			.param("amount", amount)
			.param("note", Texts.clean(note))
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("funding", new FieldChange(null, source.name() + " " + year + ": "
						+ String.format(java.util.Locale.ROOT, "%,d", amount.longValue()).replace(',', ' ') + " kr")));
	}

	public void removeFunding(StratlasPrincipal user, long id, long fundingId) {
		editable(user, id);
		int removed = this.repository.jdbc()
			.sql("delete from initiatives_funding where id = :f and initiative_id = :id")
			.param("f", fundingId)
			.param("id", id)
			.update();
		if (removed == 0) {
			throw new NotFoundException("funding", fundingId);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("funding", new FieldChange(fundingId, null)));
	}

	public void addParticipant(StratlasPrincipal user, long id, long actorId, Partnership.Role role) {
		editable(user, id);
		var actor = this.actors.actor(user.organisationId(), actorId);
		if (role == null) {
			throw new ValidationException("role", "validation.required");
		}
		this.repository.jdbc().sql("""
				insert into initiatives_participant (initiative_id, actor_id, role) values (:id, :actor, :role)
				on conflict do nothing""").param("id", id).param("actor", actorId).param("role", role.name()).update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("participant", new FieldChange(null, actor.name() + " (" + role.name() + ")")));
	}

	public void removeParticipant(StratlasPrincipal user, long id, long actorId, Partnership.Role role) {
		editable(user, id);
		this.repository.jdbc()
			.sql("delete from initiatives_participant where initiative_id = :id and actor_id = :actor and role = :role")
			.param("id", id)
			.param("actor", actorId)
			.param("role", role == null ? "" : role.name())
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("participant", new FieldChange(actorId + " (" + role + ")", null)));
	}

	/**
	 * Adds or replaces a contribution to a strategy element; marking it primary unmarks
	 * the others.
	 */
	public void contribute(StratlasPrincipal user, long id, UUID elementKey, boolean primary, String motivation) {
		editable(user, id);
		StrategyElement element = elementKey == null ? null
				: this.strategies.latestElement(user.organisationId(), elementKey).orElse(null);
		if (element == null) {
			throw new ValidationException("elementKey", "contribution.element.unknown");
		}
		if (element.type() == ElementType.DIRECTION
				|| element.type() == ElementType.GOAL && this.strategies.strategyOf(element).framework()) {
			throw new ValidationException("elementKey", "contribution.element.type");
		}
		if (primary) {
			this.repository.jdbc()
				.sql("update initiatives_contribution set is_primary = false where initiative_id = :id")
				.param("id", id)
				.update();
		}
		this.repository.jdbc()
			.sql("""
					insert into initiatives_contribution (initiative_id, element_key, is_primary, motivation)
					values (:id, :key, :primary, :motivation) on conflict (initiative_id, element_key)
					do update set is_primary = excluded.is_primary, motivation = excluded.motivation""")
			.param("id", id)
			.param("key", elementKey)
			.param("primary", primary)
			.param("motivation", Texts.clean(motivation))
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("contribution", new FieldChange(null, this.strategies.strategyOf(element).code() + " "
						+ element.label(null) + (primary ? " (primär)" : ""))));
	}

	public void removeContribution(StratlasPrincipal user, long id, UUID elementKey) {
		editable(user, id);
		this.repository.jdbc()
			.sql("delete from initiatives_contribution where initiative_id = :id and element_key = :key")
			.param("id", id)
			.param("key", elementKey)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("contribution", new FieldChange(String.valueOf(elementKey), null)));
	}

	/**
	 * Records the initiative's assessment against a direction of a strategy (replacing an
	 * earlier one).
	 */
	public void assess(StratlasPrincipal user, long id, long strategyId, AssessmentDraft draft) {
		editable(user, id);
		AssessmentLevel level = validateAssessment(user.organisationId(), strategyId, draft);
		upsertAssessment("initiative_id", id, draft, level, user.username());
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "ASSESSED", null,
				Map.of("assessment", new FieldChange(null, level.nameSv())));
	}

	AssessmentLevel validateAssessment(long organisationId, long strategyId, AssessmentDraft draft) {
		Strategy strategy = this.strategies.strategy(organisationId, strategyId);
		List<Direction> directions = this.strategies.directions(organisationId, strategy.id());
		if (draft.directionKey() == null
				|| directions.stream().noneMatch(d -> d.element().key().equals(draft.directionKey()))) {
			throw new ValidationException("directionKey", "assessment.direction.unknown");
		}
		return this.strategies.assessmentScale(strategy.id())
			.stream()
			.filter(l -> l.code().equals(draft.levelCode()))
			.findFirst()
			.orElseThrow(() -> new ValidationException("levelCode", "assessment.level.unknown"));
	}

	void upsertAssessment(String column, long ownerId, AssessmentDraft draft, AssessmentLevel level, String actor) {
		this.repository.jdbc()
			.sql("delete from initiatives_assessment where " + column + " = :owner and direction_key = :key")
			.param("owner", ownerId)
			.param("key", draft.directionKey())
			.update();
		this.repository.jdbc()
			.sql("insert into initiatives_assessment (" + column + ", direction_key, level_code, score, actor_note,"
					+ " target_group_note, geography_note, narrative, assessed_by)"
					+ " values (:owner, :key, :level, :score, :actorNote, :targetGroup, :geography, :narrative, :by)")
			.param("owner", ownerId)
			.param("key", draft.directionKey())
			.param("level", level.code())
			.param("score", level.score())
			.param("actorNote", Texts.clean(draft.actorNote()))
			.param("targetGroup", Texts.clean(draft.targetGroupNote()))
			.param("geography", Texts.clean(draft.geographyNote()))
			.param("narrative", Texts.clean(draft.narrative()))
			.param("by", actor)
			.update();
	}

	/**
	 * Records an Agenda 2030 effect: a goal ("11") or a target ("11.a"), direct or
	 * indirect, positive or negative.
	 */
	public void addSdgEffect(StratlasPrincipal user, long id, String sdgCode, boolean direct, boolean positive,
			String note, String goalConflict) {
		editable(user, id);
		String code = Texts.clean(sdgCode) == null ? null : sdgCode.strip().toLowerCase(java.util.Locale.ROOT);
		if (code == null || !code.matches("(1[0-7]|[1-9])(\\.([1-9][0-9]?|[a-j]))?")) {
			throw new ValidationException("sdgCode", "sdg.code.invalid");
		}
		this.repository.jdbc()
			.sql("""
					insert into initiatives_sdg_effect (initiative_id, sdg_code, direct, positive, note, goal_conflict)
					values (:id, :code, :direct, :positive, :note, :conflict)
					on conflict (initiative_id, sdg_code, positive) do update set direct = excluded.direct,
					note = excluded.note, goal_conflict = excluded.goal_conflict""")
			.param("id", id)
			.param("code", code)
			.param("direct", direct)
			.param("positive", positive)
			.param("note", Texts.clean(note))
			.param("conflict", Texts.clean(goalConflict))
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null, Map.of("sdg",
				new FieldChange(null, code + (positive ? " +" : " −") + (direct ? " direkt" : " indirekt"))));
	}

	public void removeSdgEffect(StratlasPrincipal user, long id, long effectId) {
		editable(user, id);
		this.repository.jdbc()
			.sql("delete from initiatives_sdg_effect where id = :e and initiative_id = :id")
			.param("e", effectId)
			.param("id", id)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("sdg", new FieldChange(effectId, null)));
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
		if (!se.stratlas.shared.Bounds.year(draft.startDate())) {
			violations.add(new Violation("startDate", "validation.date.range"));
		}
		if (!se.stratlas.shared.Bounds.year(draft.endDate())) {
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

	private String areaNames(java.util.List<String> codes) {
		return String.join(", ", codes.stream().map(this.areas::name).toList());
	}

}
