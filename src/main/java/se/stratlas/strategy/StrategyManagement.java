package se.stratlas.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.internal.EditableStrategies;
import se.stratlas.strategy.internal.StrategyRepository;

/**
 * Changing strategies and their versions (their elements: {@link ElementManagement}).
 * Each change is one transaction with its audit row; each edit of an existing record
 * names the version it was based on and is refused with an {@link EditConflictException}
 * when someone else saved first. Only the latest version of an organisation's own
 * strategy can be changed; reference frameworks cannot.
 */
@Component
@Transactional
public class StrategyManagement {

	static final String STRATEGY = "strategy";

	private final StrategyRepository repository;

	private final StrategyCatalog catalog;

	private final AuditTrail audit;

	private final EditableStrategies editable;

	StrategyManagement(StrategyRepository repository, StrategyCatalog catalog, AuditTrail audit,
			EditableStrategies editable) {
		this.repository = repository;
		this.catalog = catalog;
		this.audit = audit;
		this.editable = editable;
	}

	/** Creates a strategy with its first version (an utkast unless said otherwise). */
	public Strategy createStrategy(long organisationId, StrategyDraft draft, String versionLabel, StrategyStatus status,
			String actor) {
		StrategyDraft clean = validate(organisationId, null, draft);
		long id = this.repository.jdbc()
			.sql("""
					insert into strategy_strategy (organisation_id, code, name_sv, name_en, description_sv, description_en,
					period_start, period_end, derived_from_id, published, created_by, updated_by)
					values (:org, :code, :nameSv, :nameEn, :descSv, :descEn, :start, :end, :derived, :published,
					:actor, :actor) returning id""")
			.param("org", organisationId)
			.params(strategyParameters(clean))
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.repository.insertVersion(id, 1, Objects.requireNonNullElse(Texts.clean(versionLabel), "Version 1"),
				Objects.requireNonNullElse(status, StrategyStatus.UTKAST), null, null, null, actor);
		this.audit.record(organisationId, actor, STRATEGY, id, "CREATED", clean.code(), strategyFields(null, clean));
		return this.repository.strategy(id).orElseThrow();
	}

	/** The draft's fields as the named parameters both the insert and the update use. */
	private static Map<String, Object> strategyParameters(StrategyDraft clean) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("code", clean.code());
		parameters.put("nameSv", clean.nameSv());
		parameters.put("nameEn", clean.nameEn());
		parameters.put("descSv", clean.descriptionSv());
		parameters.put("descEn", clean.descriptionEn());
		parameters.put("start", clean.periodStart());
		parameters.put("end", clean.periodEnd());
		parameters.put("derived", clean.derivedFromId());
		parameters.put("published", clean.published());
		return parameters;
	}

	public Strategy updateStrategy(long organisationId, long id, int expectedVersion, StrategyDraft draft,
			String actor) {
		Strategy before = this.editable.ownStrategy(organisationId, id);
		StrategyDraft clean = validate(organisationId, id, draft);
		int updated = this.repository.jdbc()
			.sql("""
					update strategy_strategy set code = :code, name_sv = :nameSv, name_en = :nameEn,
					description_sv = :descSv, description_en = :descEn, period_start = :start, period_end = :end,
					derived_from_id = :derived, published = :published, version = version + 1, updated_at = now(),
					updated_by = :actor where id = :id and version = :version""")
			.params(strategyParameters(clean))
			.param("actor", actor)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(STRATEGY, id, before);
		}
		this.audit.record(organisationId, actor, STRATEGY, id, "UPDATED", clean.code(),
				strategyFields(StrategyDraft.of(before), clean));
		return this.repository.strategy(id).orElseThrow();
	}

	/**
	 * Sets the scale assessments against the strategy's directions use. Codes are unique;
	 * at least one step is positive (score above zero) and one is not.
	 */
	public List<AssessmentLevel> setAssessmentScale(long organisationId, long strategyId, List<AssessmentLevel> levels,
			String actor) {
		this.editable.ownStrategy(organisationId, strategyId);
		List<Violation> violations = new ArrayList<>();
		if (levels == null || levels.size() < 2) {
			violations.add(new Violation("levels", "scale.tooShort"));
		}
		else {
			if (levels.stream().map(AssessmentLevel::code).distinct().count() != levels.size() || levels.stream()
				.anyMatch(l -> Texts.clean(l.code()) == null || Texts.clean(l.nameSv()) == null)) {
				violations.add(new Violation("levels", "scale.codes"));
			}
			if (levels.stream().noneMatch(AssessmentLevel::positive)
					|| levels.stream().allMatch(AssessmentLevel::positive)) {
				violations.add(new Violation("levels", "scale.positive"));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		List<AssessmentLevel> before = this.catalog.assessmentScale(strategyId);
		this.repository.jdbc()
			.sql("delete from strategy_assessment_level where strategy_id = :s")
			.param("s", strategyId)
			.update();
		for (AssessmentLevel level : levels) {
			this.repository.jdbc()
				.sql("""
						insert into strategy_assessment_level (strategy_id, code, name_sv, name_en, score)
						values (:s, :code, :sv, :en, :score)""")
				.param("s", strategyId)
				.param("code", level.code().strip())
				.param("sv", level.nameSv().strip())
				.param("en", Texts.clean(level.nameEn()))
				.param("score", level.score())
				.update();
		}
		this.audit.record(organisationId, actor, STRATEGY, strategyId, "UPDATED", null,
				Map.of("assessmentScale",
						new FieldChange(before.stream().map(AssessmentLevel::nameSv).toList().toString(),
								levels.stream().map(AssessmentLevel::nameSv).toList().toString())));
		return this.catalog.assessmentScale(strategyId);
	}

	/** Deletes a strategy with all its versions, and the links from its elements. */
	public void deleteStrategy(long organisationId, long id, int expectedVersion, String actor) {
		Strategy strategy = this.editable.ownStrategy(organisationId, id);
		this.repository.jdbc().sql("""
				delete from strategy_element_link where from_key in (select e.element_key from strategy_element e
				join strategy_version v on v.id = e.version_id where v.strategy_id = :id)""").param("id", id).update();
		this.repository.jdbc()
			.sql("update strategy_strategy set derived_from_id = null where derived_from_id = :id")
			.param("id", id)
			.update();
		int deleted = this.repository.jdbc()
			.sql("delete from strategy_strategy where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException(STRATEGY, id, strategy);
		}
		this.audit.record(organisationId, actor, STRATEGY, id, "DELETED", strategy.code(), Map.of());
	}

	/**
	 * Starts a new version as a copy of the latest one; the copy keeps every element's
	 * key.
	 */
	public StrategyVersion createVersion(long organisationId, long strategyId, String label, StrategyStatus status,
			String actor) {
		this.editable.ownStrategy(organisationId, strategyId);
		StrategyVersion latest = this.repository.latestVersion(strategyId).orElseThrow();
		String clean = Texts.clean(label);
		if (clean == null) {
			throw new ValidationException("label", "validation.required");
		}
		long versionId = this.repository.insertVersion(strategyId, latest.number() + 1, clean,
				Objects.requireNonNullElse(status, StrategyStatus.UTKAST), null, null, null, actor);
		Map<Long, StrategyElement> copies = new HashMap<>();
		for (StrategyElement element : this.repository.elements(latest.id())) {
			StrategyElement parent = element.parentId() == null ? null : copies.get(element.parentId());
			long copyId = this.repository.insertElement(versionId, element.key(), parent, ElementDraft.of(element),
					element.sortOrder(), actor);
			this.repository.jdbc()
				.sql("update strategy_element set funding_gate = (select funding_gate from strategy_element where id = :from) where id = :to")
				.param("from", element.id())
				.param("to", copyId)
				.update();
			copies.put(element.id(), this.repository.element(copyId).orElseThrow());
		}
		this.audit.record(organisationId, actor, STRATEGY, strategyId, "VERSION_CREATED", clean,
				Map.of("version", new FieldChange(latest.number(), latest.number() + 1)));
		return this.repository.version(versionId).orElseThrow();
	}

	/** Records a version's status and the decision behind it (body, date, note). */
	public StrategyVersion decide(long organisationId, long versionId, int expectedVersion, String label,
			StrategyStatus status, String decisionBody, LocalDate decisionDate, String note, String actor) {
		StrategyVersion before = this.repository.version(versionId)
			.orElseThrow(() -> new NotFoundException("version", versionId));
		this.editable.ownStrategy(organisationId, before.strategyId());
		List<Violation> violations = new ArrayList<>();
		if (Texts.clean(label) == null) {
			violations.add(new Violation("label", "validation.required"));
		}
		if (status == null) {
			violations.add(new Violation("status", "validation.required"));
		}
		if (status == StrategyStatus.ANTAGEN && (Texts.clean(decisionBody) == null || decisionDate == null)) {
			violations.add(new Violation("decisionBody", "version.decision.required"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		int updated = this.repository.jdbc()
			.sql("""
					update strategy_version set label = :label, status = :status, decision_body = :body,
					decision_date = :date, decision_note = :note, version = version + 1
					where id = :id and version = :version""")
			.param("label", label.strip())
			.param("status", status.name())
			.param("body", Texts.clean(decisionBody))
			.param("date", decisionDate)
			.param("note", Texts.clean(note))
			.param("id", versionId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException("version", versionId, before);
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("label", new FieldChange(before.label(), label.strip()));
		changes.put("status", new FieldChange(before.status().name(), status.name()));
		changes.put("decisionBody", new FieldChange(before.decisionBody(), Texts.clean(decisionBody)));
		changes.put("decisionDate", new FieldChange(str(before.decisionDate()), str(decisionDate)));
		changes.put("decisionNote", new FieldChange(before.decisionNote(), Texts.clean(note)));
		this.audit.record(organisationId, actor, STRATEGY, before.strategyId(), "VERSION_DECIDED", label.strip(),
				changes);
		return this.repository.version(versionId).orElseThrow();
	}

	private StrategyDraft validate(long organisationId, Long strategyId, StrategyDraft draft) {
		List<Violation> violations = new ArrayList<>();
		String code = Texts.clean(draft.code());
		if (code == null) {
			violations.add(new Violation("code", "validation.required"));
		}
		else if (code.length() > 40) {
			violations.add(new Violation("code", "validation.tooLong", 40));
		}
		else if (this.repository.strategyByCode(organisationId, code)
			.filter(s -> !Objects.equals(s.id(), strategyId))
			.isPresent()) {
			violations.add(new Violation("code", "strategy.code.taken"));
		}
		if (Texts.clean(draft.nameSv()) == null) {
			violations.add(new Violation("nameSv", "validation.required"));
		}
		if (draft.periodStart() != null && draft.periodEnd() != null && draft.periodEnd() < draft.periodStart()) {
			violations.add(new Violation("periodEnd", "strategy.period.order"));
		}
		if (draft.derivedFromId() != null) {
			if (Objects.equals(draft.derivedFromId(), strategyId)) {
				violations.add(new Violation("derivedFromId", "strategy.derived.self"));
			}
			else if (this.repository.strategy(draft.derivedFromId())
				.filter(s -> StrategyCatalog.visible(s, organisationId))
				.isEmpty()) {
				violations.add(new Violation("derivedFromId", "strategy.derived.unknown"));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new StrategyDraft(code, draft.nameSv().strip(), Texts.clean(draft.nameEn()),
				Texts.clean(draft.descriptionSv()), Texts.clean(draft.descriptionEn()), draft.periodStart(),
				draft.periodEnd(), draft.derivedFromId(), draft.published());
	}

	private static Map<String, FieldChange> strategyFields(StrategyDraft before, StrategyDraft after) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		fields.put("code", new FieldChange(before == null ? null : before.code(), after.code()));
		fields.put("nameSv", new FieldChange(before == null ? null : before.nameSv(), after.nameSv()));
		fields.put("nameEn", new FieldChange(before == null ? null : before.nameEn(), after.nameEn()));
		fields.put("descriptionSv",
				new FieldChange(before == null ? null : before.descriptionSv(), after.descriptionSv()));
		fields.put("descriptionEn",
				new FieldChange(before == null ? null : before.descriptionEn(), after.descriptionEn()));
		fields.put("periodStart", new FieldChange(before == null ? null : before.periodStart(), after.periodStart()));
		fields.put("periodEnd", new FieldChange(before == null ? null : before.periodEnd(), after.periodEnd()));
		fields.put("published", new FieldChange(before == null ? null : before.published(), after.published()));
		return fields;
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

}
