package se.stratlas.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * Changing strategies. Each change is one transaction with its audit row; each edit of an
 * existing record names the version it was based on and is refused with an
 * {@link EditConflictException} when someone else saved first. Only the latest version of
 * an organisation's own strategy can be changed; reference frameworks cannot.
 */
@Component
@Transactional
public class StrategyManagement {

	static final String STRATEGY = "strategy";

	static final String ELEMENT = "strategy-element";

	private final StrategyRepository repository;

	private final StrategyCatalog catalog;

	private final AuditTrail audit;

	private final StrategyLevels levels;

	StrategyManagement(StrategyRepository repository, StrategyCatalog catalog, AuditTrail audit,
			StrategyLevels levels) {
		this.levels = levels;
		this.repository = repository;
		this.catalog = catalog;
		this.audit = audit;
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
		insertVersion(id, 1, Objects.requireNonNullElse(Texts.clean(versionLabel), "Version 1"),
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
		Strategy before = ownStrategy(organisationId, id);
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

	/** Marks a direction of the latest version as a gate for funding, or not. */
	public void setFundingGate(long organisationId, long elementId, boolean gate, String actor) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		editableVersion(organisationId, element.versionId(), true);
		if (element.type() != ElementType.DIRECTION) {
			throw new ValidationException("fundingGate", "element.gate.directionOnly");
		}
		this.repository.jdbc()
			.sql("update strategy_element set funding_gate = :gate where id = :id")
			.param("gate", gate)
			.param("id", elementId)
			.update();
		this.audit.record(organisationId, actor, ELEMENT, element.key(), "UPDATED", element.label(null),
				Map.of("fundingGate", new FieldChange(!gate, gate)));
	}

	/**
	 * Sets the scale assessments against the strategy's directions use. Codes are unique;
	 * at least one step is positive (score above zero) and one is not.
	 */
	public List<AssessmentLevel> setAssessmentScale(long organisationId, long strategyId, List<AssessmentLevel> levels,
			String actor) {
		ownStrategy(organisationId, strategyId);
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
		Strategy strategy = ownStrategy(organisationId, id);
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
		ownStrategy(organisationId, strategyId);
		StrategyVersion latest = this.repository.latestVersion(strategyId).orElseThrow();
		String clean = Texts.clean(label);
		if (clean == null) {
			throw new ValidationException("label", "validation.required");
		}
		long versionId = insertVersion(strategyId, latest.number() + 1, clean,
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
		ownStrategy(organisationId, before.strategyId());
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

	/**
	 * Adds an element under {@code parentId} (null: at the top) as the last of its
	 * siblings.
	 */
	public StrategyElement addElement(long organisationId, long versionId, Long parentId, ElementDraft draft,
			String actor) {
		editableVersion(organisationId, versionId);
		StrategyElement parent = parentId == null ? null : elementOf(versionId, parentId);
		ElementDraft clean = validate(versionId, null, draft, parent == null ? null : parent.type());
		long id = this.repository.insertElement(versionId, UUID.randomUUID(), parent, clean,
				this.repository.nextSortOrder(versionId, parentId), actor);
		StrategyElement created = this.repository.element(id).orElseThrow();
		this.audit.record(organisationId, actor, ELEMENT, created.key(), "CREATED", created.label(null),
				elementFields(null, clean));
		return created;
	}

	/** Changes an element's type, code, names, descriptions and aliases. */
	public StrategyElement updateElement(long organisationId, long elementId, int expectedVersion, ElementDraft draft,
			String actor) {
		StrategyElement before = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		editableVersion(organisationId, before.versionId());
		StrategyElement parent = before.parentId() == null ? null
				: this.repository.element(before.parentId()).orElseThrow();
		ElementDraft clean = validate(before.versionId(), elementId, draft, parent == null ? null : parent.type());
		for (StrategyElement child : this.repository.children(before.versionId(), elementId)) {
			if (!child.type().allowedUnder(clean.type())) {
				throw new ValidationException("type", "element.type.childNotAllowed", child.label(null));
			}
		}
		int updated = this.repository.jdbc()
			.sql("""
					update strategy_element set type = :type, code = :code, name_sv = :nameSv, name_en = :nameEn,
					description_sv = :descSv, description_en = :descEn, aliases = :aliases, version = version + 1,
					updated_at = now(), updated_by = :actor where id = :id and version = :version""")
			.param("type", clean.type().name())
			.param("code", clean.code())
			.param("nameSv", clean.nameSv())
			.param("nameEn", clean.nameEn())
			.param("descSv", clean.descriptionSv())
			.param("descEn", clean.descriptionEn())
			.param("aliases", clean.aliases().toArray(String[]::new))
			.param("actor", actor)
			.param("id", elementId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ELEMENT, elementId, before);
		}
		StrategyElement after = this.repository.element(elementId).orElseThrow();
		this.audit.record(organisationId, actor, ELEMENT, before.key(), "UPDATED", after.label(null),
				elementFields(ElementDraft.of(before), clean));
		return after;
	}

	/**
	 * Moves an element (with its subtree) under another parent (null: to the top), at a
	 * position among its new siblings (0 first; null or past the end: last).
	 */
	public StrategyElement moveElement(long organisationId, long elementId, int expectedVersion, Long newParentId,
			Integer position, String actor) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		editableVersion(organisationId, element.versionId());
		if (element.version() != expectedVersion) {
			throw new EditConflictException(ELEMENT, elementId, element);
		}
		StrategyElement parent = newParentId == null ? null : elementOf(element.versionId(), newParentId);
		if (parent != null && parent.path().startsWith(element.path())) {
			throw new ValidationException("parentId", "element.move.cycle");
		}
		if (!element.type().allowedUnder(parent == null ? null : parent.type())) {
			throw new ValidationException("parentId", "element.type.notAllowedHere");
		}
		List<StrategyElement> siblings = new ArrayList<>(this.repository.children(element.versionId(), newParentId));
		siblings.removeIf(s -> s.id() == elementId);
		int index = position == null || position < 0 || position > siblings.size() ? siblings.size() : position;
		siblings.add(index, element);
		for (int i = 0; i < siblings.size(); i++) {
			this.repository.jdbc()
				.sql("update strategy_element set sort_order = :o where id = :id")
				.param("o", i)
				.param("id", siblings.get(i).id())
				.update();
		}
		String newPath = (parent == null ? "/" : parent.path()) + elementId + "/";
		int updated = this.repository.jdbc()
			.sql("""
					update strategy_element set parent_id = :parent, version = version + 1, updated_at = now(),
					updated_by = :actor where id = :id and version = :version""")
			.param("parent", newParentId)
			.param("actor", actor)
			.param("id", elementId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ELEMENT, elementId, element);
		}
		this.repository.jdbc()
			.sql("""
					update strategy_element set path = :newPath || substr(path, length(:oldPath) + 1)
					where version_id = :v and path like :oldPath || '%'""")
			.param("newPath", newPath)
			.param("oldPath", element.path())
			.param("v", element.versionId())
			.update();
		String parentBefore = element.parentId() == null ? null
				: this.repository.element(element.parentId()).map(p -> p.label(null)).orElse(null);
		this.audit.record(organisationId, actor, ELEMENT, element.key(), "MOVED", element.label(null),
				Map.of("parent", new FieldChange(parentBefore, parent == null ? null : parent.label(null)), "position",
						new FieldChange(element.sortOrder() + 1, index + 1)));
		return this.repository.element(elementId).orElseThrow();
	}

	/** Deletes an element and everything under it. */
	public int deleteElement(long organisationId, long elementId, int expectedVersion, String actor) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		editableVersion(organisationId, element.versionId());
		int count = this.repository.countSubtree(element.versionId(), element.path());
		int deleted = this.repository.jdbc()
			.sql("delete from strategy_element where id = :id and version = :version")
			.param("id", elementId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new EditConflictException(ELEMENT, elementId, element);
		}
		this.audit.record(organisationId, actor, ELEMENT, element.key(), "DELETED", element.label(null),
				Map.of("descendants", new FieldChange(count - 1, null)));
		return count;
	}

	/**
	 * Links an element of the organisation's strategy to another element the organisation
	 * can see.
	 */
	public long link(long organisationId, long fromElementId, long toElementId, RelationType relation, String note,
			String actor) {
		StrategyElement from = this.catalog.element(organisationId, fromElementId);
		Strategy owner = this.repository.strategy(this.repository.version(from.versionId()).orElseThrow().strategyId())
			.orElseThrow();
		if (!Objects.equals(owner.organisationId(), organisationId)) {
			throw new AccessDeniedException("Element " + fromElementId + " belongs to another organisation");
		}
		StrategyElement to = this.catalog.element(organisationId, toElementId);
		if (from.key().equals(to.key())) {
			throw new ValidationException("toElementId", "link.self");
		}
		if (relation == null) {
			throw new ValidationException("relation", "validation.required");
		}
		Long id = this.repository.jdbc()
			.sql("""
					insert into strategy_element_link (organisation_id, from_key, to_key, relation, note, created_by)
					values (:org, :from, :to, :relation, :note, :actor) on conflict do nothing returning id""")
			.param("org", organisationId)
			.param("from", from.key())
			.param("to", to.key())
			.param("relation", relation.name())
			.param("note", Texts.clean(note))
			.param("actor", actor)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ValidationException("toElementId", "link.exists"));
		this.audit.record(organisationId, actor, ELEMENT, from.key(), "LINKED", from.label(null),
				Map.of("link", new FieldChange(null, relation.name() + " → " + to.label(null))));
		return id;
	}

	public void unlink(long organisationId, long linkId, String actor) {
		Map<String, Object> link = this.repository.jdbc()
			.sql("select from_key, to_key, relation from strategy_element_link where id = :id and organisation_id = :org")
			.param("id", linkId)
			.param("org", organisationId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("link", linkId));
		this.repository.jdbc().sql("delete from strategy_element_link where id = :id").param("id", linkId).update();
		this.audit.record(organisationId, actor, ELEMENT, link.get("from_key"), "UNLINKED", null,
				Map.of("link", new FieldChange(link.get("relation") + " → " + link.get("to_key"), null)));
	}

	long insertVersion(long strategyId, int number, String label, StrategyStatus status, String decisionBody,
			LocalDate decisionDate, String note, String actor) {
		return this.repository.jdbc()
			.sql("""
					insert into strategy_version (strategy_id, number, label, status, decision_body, decision_date,
					decision_note, created_by) values (:s, :n, :label, :status, :body, :date, :note, :actor) returning id""")
			.param("s", strategyId)
			.param("n", number)
			.param("label", label)
			.param("status", status.name())
			.param("body", decisionBody)
			.param("date", decisionDate)
			.param("note", note)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	private Strategy ownStrategy(long organisationId, long strategyId) {
		Strategy strategy = this.catalog.ownStrategy(organisationId, strategyId);
		if (strategy.framework() || !Objects.equals(strategy.organisationId(), organisationId)) {
			throw new ValidationException(null, "strategy.notEditable");
		}
		return strategy;
	}

	private StrategyVersion editableVersion(long organisationId, long versionId) {
		return editableVersion(organisationId, versionId, false);
	}

	/**
	 * The latest version of an own strategy, to change; an adopted one only for what is
	 * not its text ({@code operational}: the funding gate, the assessment scale).
	 */
	private StrategyVersion editableVersion(long organisationId, long versionId, boolean operational) {
		StrategyVersion version = this.catalog.version(organisationId, versionId);
		Strategy strategy = ownStrategy(organisationId, version.strategyId());
		boolean latest = this.repository.latestVersion(strategy.id()).map(v -> v.id() == version.id()).orElse(false);
		if (operational && latest && StrategyCatalog.adopted(version)) {
			return version;
		}
		if (!this.catalog.editable(organisationId, strategy, version)) {
			throw new ValidationException(null,
					StrategyCatalog.adopted(version) ? "version.adopted" : "version.notLatest");
		}
		return version;
	}

	private StrategyElement elementOf(long versionId, long elementId) {
		return this.repository.element(elementId)
			.filter(e -> e.versionId() == versionId)
			.orElseThrow(() -> new ValidationException("parentId", "element.parent.unknown"));
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

	private ElementDraft validate(long versionId, Long elementId, ElementDraft draft, ElementType parentType) {
		List<Violation> violations = new ArrayList<>();
		if (draft.type() == null) {
			violations.add(new Violation("type", "validation.required"));
		}
		else if (!draft.type().allowedUnder(parentType)) {
			violations.add(new Violation("type", "element.type.notAllowedHere"));
		}
		else if (!this.levels.used(this.repository.version(versionId).orElseThrow().strategyId())
			.contains(draft.type())) {
			violations.add(new Violation("type", "element.type.notInStrategy"));
		}
		String code = Texts.clean(draft.code());
		if (code != null && code.length() > 40) {
			violations.add(new Violation("code", "validation.tooLong", 40));
		}
		else if (code != null && this.repository.elementByCode(versionId, code)
			.filter(e -> !Objects.equals(e.id(), elementId))
			.isPresent()) {
			violations.add(new Violation("code", "element.code.taken", code));
		}
		if (Texts.clean(draft.nameSv()) == null) {
			violations.add(new Violation("nameSv", "validation.required"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		List<String> aliases = draft.aliases().stream().map(Texts::clean).filter(Objects::nonNull).distinct().toList();
		return new ElementDraft(draft.type(), code, draft.nameSv().strip(), Texts.clean(draft.nameEn()),
				Texts.clean(draft.descriptionSv()), Texts.clean(draft.descriptionEn()), aliases);
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

	private static Map<String, FieldChange> elementFields(ElementDraft before, ElementDraft after) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		fields.put("type", new FieldChange(before == null ? null : before.type().name(), after.type().name()));
		fields.put("code", new FieldChange(before == null ? null : before.code(), after.code()));
		fields.put("nameSv", new FieldChange(before == null ? null : before.nameSv(), after.nameSv()));
		fields.put("nameEn", new FieldChange(before == null ? null : before.nameEn(), after.nameEn()));
		fields.put("descriptionSv",
				new FieldChange(before == null ? null : before.descriptionSv(), after.descriptionSv()));
		fields.put("descriptionEn",
				new FieldChange(before == null ? null : before.descriptionEn(), after.descriptionEn()));
		fields.put("aliases", new FieldChange(before == null ? null : String.join(", ", before.aliases()),
				String.join(", ", after.aliases())));
		return fields;
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

}
