package se.stratlas.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.internal.EditableStrategies;
import se.stratlas.strategy.internal.StrategyRepository;

/**
 * Changing a strategy version's elements: adding, changing, moving and deleting them
 * (with their subtrees), the funding gate of a direction, and links between elements of
 * different strategies. Each change is one transaction with its audit row, keyed by the
 * element's stable key; an edit based on a stale version is an
 * {@link EditConflictException}. Only the latest, not adopted version of an
 * organisation's own strategy can be changed.
 */
@Component
@Transactional
public class ElementManagement {

	static final String ELEMENT = "strategy-element";

	private final StrategyRepository repository;

	private final StrategyCatalog catalog;

	private final AuditTrail audit;

	private final StrategyLevels levels;

	private final EditableStrategies editable;

	ElementManagement(StrategyRepository repository, StrategyCatalog catalog, AuditTrail audit, StrategyLevels levels,
			EditableStrategies editable) {
		this.repository = repository;
		this.catalog = catalog;
		this.audit = audit;
		this.levels = levels;
		this.editable = editable;
	}

	/**
	 * Links the element to the element of another strategy's latest version whose code is
	 * {@code targetCode} (":" and "." alike, case ignored).
	 * @throws ValidationException when no strategy or code is given or no element has it
	 */
	public long linkByCode(long organisationId, long fromElementId, Long targetStrategyId, String targetCode,
			RelationType relation, String note, String actor) {
		this.catalog.ownElement(organisationId, fromElementId);
		if (targetStrategyId == null || targetCode == null || targetCode.isBlank()) {
			throw new ValidationException("targetCode", "link.target.required");
		}
		StrategyVersion latest = this.catalog.latestVersion(organisationId, targetStrategyId);
		StrategyElement target = this.catalog.elements(organisationId, latest.id())
			.stream()
			.filter(e -> e.code() != null && e.matches(targetCode)
					&& normalized(e.code()).equals(normalized(targetCode)))
			.findFirst()
			.orElseThrow(() -> new ValidationException("targetCode", "link.target.unknown", targetCode));
		return link(organisationId, fromElementId, target.id(), relation, note, actor);
	}

	private static String normalized(String code) {
		return code.strip().replace(':', '.').toLowerCase(Locale.ROOT);
	}

	/** Marks a direction of the latest version as a gate for funding, or not. */
	/** An element and its links, as the API answers after a change of them. */
	public record ElementDetails(StrategyElement element, List<ElementLink> links) {
	}

	/** An element of the organisation's (or a national strategy) with its links. */
	public ElementDetails details(long organisationId, long elementId) {
		StrategyElement element = this.catalog.element(organisationId, elementId);
		return new ElementDetails(element, this.catalog.links(organisationId, element));
	}

	/** Every change of the element across versions: who, when, what. */
	public List<AuditEvent> history(long organisationId, long elementId) {
		return this.audit.history("strategy-element", this.catalog.element(organisationId, elementId).key());
	}

	/**
	 * Adds an element to a version of one of the organisation's own strategies (never a
	 * national one).
	 */
	public StrategyElement addElementToOwn(long organisationId, long versionId, Long parentId, ElementDraft draft,
			String actor) {
		this.catalog.ownStrategy(organisationId, this.catalog.version(organisationId, versionId).strategyId());
		if (draft == null) {
			throw new ValidationException("element", "validation.required");
		}
		return addElement(organisationId, versionId, parentId, draft, actor);
	}

	/** Links the element to another strategy's and answers with all of its links. */
	public List<ElementLink> linkAndList(long organisationId, long fromElementId, long toElementId,
			RelationType relation, String note, String actor) {
		link(organisationId, fromElementId, toElementId, relation, note, actor);
		return this.catalog.links(organisationId, this.catalog.element(organisationId, fromElementId));
	}

	/** Marks a direction as a gate for project funding, or not, and answers with it. */
	public ElementDetails fundingGate(long organisationId, long elementId, boolean gate, String actor) {
		setFundingGate(organisationId, elementId, gate, actor);
		return details(organisationId, elementId);
	}

	public void setFundingGate(long organisationId, long elementId, boolean gate, String actor) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		this.editable.editableVersion(organisationId, element.versionId(), true);
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
	 * Adds an element under {@code parentId} (null: at the top) as the last of its
	 * siblings.
	 */
	public StrategyElement addElement(long organisationId, long versionId, Long parentId, ElementDraft draft,
			String actor) {
		this.editable.editableVersion(organisationId, versionId);
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
		this.editable.editableVersion(organisationId, before.versionId());
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
		this.editable.editableVersion(organisationId, element.versionId());
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

	/**
	 * Deletes an element of a version the organisation sees (with its subtree) and
	 * answers with the id of its strategy.
	 */
	public long deleteFromStrategy(long organisationId, long elementId, int expectedVersion, String actor) {
		StrategyElement element = this.catalog.element(organisationId, elementId);
		long strategyId = this.catalog.version(organisationId, element.versionId()).strategyId();
		deleteElement(organisationId, elementId, expectedVersion, actor);
		return strategyId;
	}

	/** Deletes an element and everything under it. */
	public int deleteElement(long organisationId, long elementId, int expectedVersion, String actor) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		this.editable.editableVersion(organisationId, element.versionId());
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

	private StrategyElement elementOf(long versionId, long elementId) {
		return this.repository.element(elementId)
			.filter(e -> e.versionId() == versionId)
			.orElseThrow(() -> new ValidationException("parentId", "element.parent.unknown"));
	}

}
