package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Partnership;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.initiatives.internal.InitiativeRepository;
import se.stratlas.shared.Bounds;
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
 * Changing the parts of an initiative: funding, participants, contributions to strategy
 * elements, assessments against directions and Agenda 2030 effects. Who may change them
 * follows {@link InitiativeManagement#mayEdit}.
 */
@Component
@Transactional
public class InitiativeParts {

	private static final String ENTITY = InitiativeManagement.ENTITY;

	private final InitiativeRepository repository;

	private final InitiativeManagement management;

	private final InitiativeCatalog catalog;

	private final StrategyCatalog strategies;

	private final ActorRegistry actors;

	private final AuditTrail audit;

	InitiativeParts(InitiativeRepository repository, InitiativeManagement management, InitiativeCatalog catalog,
			StrategyCatalog strategies, ActorRegistry actors, AuditTrail audit) {
		this.repository = repository;
		this.management = management;
		this.catalog = catalog;
		this.strategies = strategies;
		this.actors = actors;
		this.audit = audit;
	}

	public InitiativeDetails addFunding(StratlasPrincipal user, long id, FundingSource source, Integer year,
			BigDecimal amount, String note) {
		this.management.editable(user, id);
		List<Violation> violations = new ArrayList<>();
		if (source == null) {
			violations.add(new Violation("source", "validation.required"));
		}
		if (year == null || year < 1990 || year > 2100) {
			violations.add(new Violation("year", "funding.year.invalid"));
		}
		if (!Bounds.kronor(amount)) {
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
						+ String.format(Locale.ROOT, "%,d", amount.longValue()).replace(',', ' ') + " kr")));
		return this.catalog.details(user.organisationId(), id);
	}

	public void removeFunding(StratlasPrincipal user, long id, long fundingId) {
		this.management.editable(user, id);
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

	/**
	 * Adds an actor in a role; a missing actor is named as such before the user's rights
	 * are checked (an unknown initiative is still not found).
	 */
	public InitiativeDetails addParticipant(StratlasPrincipal user, long id, Long actorId, Partnership.Role role) {
		if (actorId == null) {
			this.catalog.get(user.organisationId(), id);
			throw new ValidationException("actorId", "validation.required");
		}
		this.management.editable(user, id);
		var actor = this.actors.actor(user.organisationId(), actorId);
		if (role == null) {
			throw new ValidationException("role", "validation.required");
		}
		this.repository.jdbc().sql("""
				insert into initiatives_participant (initiative_id, actor_id, role) values (:id, :actor, :role)
				on conflict do nothing""").param("id", id).param("actor", actorId).param("role", role.name()).update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("participant", new FieldChange(null, actor.name() + " (" + role.name() + ")")));
		return this.catalog.details(user.organisationId(), id);
	}

	public void removeParticipant(StratlasPrincipal user, long id, long actorId, Partnership.Role role) {
		this.management.editable(user, id);
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
	public InitiativeDetails contribute(StratlasPrincipal user, long id, UUID elementKey, boolean primary,
			String motivation) {
		this.management.editable(user, id);
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
		return this.catalog.details(user.organisationId(), id);
	}

	public void removeContribution(StratlasPrincipal user, long id, UUID elementKey) {
		this.management.editable(user, id);
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
	public InitiativeDetails assess(StratlasPrincipal user, long id, long strategyId, AssessmentDraft draft) {
		this.management.editable(user, id);
		if (draft == null) {
			throw new ValidationException("assessment", "validation.required");
		}
		AssessmentLevel level = validateAssessment(user.organisationId(), strategyId, draft);
		upsertAssessment("initiative_id", id, draft, level, user.username());
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "ASSESSED", null,
				Map.of("assessment", new FieldChange(null, level.nameSv())));
		return this.catalog.details(user.organisationId(), id);
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
	public InitiativeDetails addSdgEffect(StratlasPrincipal user, long id, String sdgCode, boolean direct,
			boolean positive, String note, String goalConflict) {
		this.management.editable(user, id);
		String code = Texts.clean(sdgCode) == null ? null : sdgCode.strip().toLowerCase(Locale.ROOT);
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
		return this.catalog.details(user.organisationId(), id);
	}

	public void removeSdgEffect(StratlasPrincipal user, long id, long effectId) {
		this.management.editable(user, id);
		this.repository.jdbc()
			.sql("delete from initiatives_sdg_effect where id = :e and initiative_id = :id")
			.param("e", effectId)
			.param("id", id)
			.update();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
				Map.of("sdg", new FieldChange(effectId, null)));
	}

}
