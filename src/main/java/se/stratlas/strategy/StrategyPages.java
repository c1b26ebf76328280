package se.stratlas.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * What the strategy screens show, each assembled in one call: a version's tree with its
 * search, the versions, a comparison of two versions, one element with what can be done
 * with it, the form for a new element. {@code mayEdit} says whether the user has the
 * strateg role; whether the strategy can be changed is decided here. An organisation of
 * null is the public view.
 */
@Component
public class StrategyPages {

	private final StrategyCatalog catalog;

	private final StrategyLevels levels;

	private final AuditTrail audit;

	private final List<ChangeReasons> reasons;

	private final StrategyManagement strategies;

	private final ElementManagement elements;

	StrategyPages(StrategyCatalog catalog, StrategyLevels levels, AuditTrail audit, List<ChangeReasons> reasons,
			StrategyManagement strategies, ElementManagement elements) {
		this.reasons = List.copyOf(reasons);
		this.strategies = strategies;
		this.elements = elements;
		this.catalog = catalog;
		this.levels = levels;
		this.audit = audit;
	}

	/**
	 * A version's tree, with the search's matches, the levels by the strategy's names.
	 */
	public record TreePage(Strategy strategy, StrategyVersion version, List<StrategyVersion> versions, boolean latest,
			List<ElementNode> tree, StrategyCatalog.TreeSearch search, int elementCount,
			Map<ElementType, String> typeLabels, Map<ElementType, String> typePlurals,
			Map<ElementType, Long> typeCounts, Strategy derivedFrom, boolean canEdit) {
	}

	/** A strategy's versions, newest first. */
	public record VersionsPage(Strategy strategy, List<StrategyVersion> versions, boolean canEdit) {
	}

	/** Two versions of a strategy and how they differ. */
	public record ComparisonPage(Strategy strategy, StrategyVersion from, StrategyVersion to,
			List<VersionComparison.Difference> differences, Map<UUID, List<ChangeReasons.Reason>> reasons) {

		/** The reasons given for a difference (none when it was changed directly). */
		public List<ChangeReasons.Reason> reasons(VersionComparison.Difference difference) {
			return this.reasons.getOrDefault(difference.key(), List.of());
		}

	}

	/** One element: where it sits, its children and links, and where it may move. */
	public record ElementPage(StrategyElement element, Strategy strategy, StrategyVersion version,
			List<StrategyElement> ancestors, List<StrategyElement> children, List<ElementLink> links,
			List<AuditEvent> history, boolean canEdit, boolean locked, List<ElementType> types,
			List<ElementType> childTypes, Map<ElementType, String> typeLabels, List<StrategyElement> moveTargets,
			boolean canBeTop, List<Strategy> linkTargets, boolean fundingGate) {
	}

	/** The form for a new element under a parent (null: at the top). */
	public record NewElementPage(Strategy strategy, StrategyVersion version, StrategyElement parent,
			List<ElementType> types, Map<ElementType, String> typeLabels, ElementType suggested) {
	}

	/**
	 * A strategy's form: the strategy (null: a new one), the rows of its levels table
	 * (one per type, unnamed fields null) and the strategies it may be derived from.
	 */
	public record StrategyFormPage(Strategy strategy, List<LevelRow> levelRows, boolean levelsNamed,
			List<Strategy> candidates) {
	}

	/** One row of the levels table: the type, and the names given (null: none). */
	public record LevelRow(ElementType type, String nameSv, String pluralSv, String nameEn, String pluralEn) {
	}

	public TreePage tree(Long organisationId, long id, Long versionId, String q, boolean mayEdit, Locale locale) {
		Strategy strategy = this.catalog.strategy(organisationId, id);
		StrategyVersion version = versionId == null ? this.catalog.latestVersion(organisationId, id)
				: this.catalog.version(organisationId, versionId);
		if (version.strategyId() != id) {
			throw new NotFoundException("version", versionId);
		}
		List<StrategyElement> elements = this.catalog.elements(organisationId, version.id());
		Strategy derivedFrom = null;
		if (strategy.derivedFromId() != null) {
			try {
				derivedFrom = this.catalog.strategy(organisationId, strategy.derivedFromId());
			}
			catch (NotFoundException ex) {
				derivedFrom = null;
			}
		}
		return new TreePage(strategy, version, this.catalog.versions(organisationId, id),
				this.catalog.latestVersion(organisationId, id).id() == version.id(), StrategyCatalog.tree(elements),
				StrategyCatalog.search(elements, q), elements.size(), this.levels.labels(strategy.id(), locale, false),
				this.levels.labels(strategy.id(), locale, true),
				elements.stream()
					.collect(Collectors.groupingBy(StrategyElement::type, () -> new EnumMap<>(ElementType.class),
							Collectors.counting())),
				derivedFrom, mayEdit && this.catalog.editable(organisationId, strategy, version));
	}

	public VersionsPage versions(long organisationId, long id, boolean mayEdit) {
		Strategy strategy = this.catalog.strategy(organisationId, id);
		List<StrategyVersion> versions = this.catalog.versions(organisationId, id);
		return new VersionsPage(strategy, versions,
				mayEdit && this.catalog.editable(organisationId, strategy, versions.getFirst()));
	}

	/**
	 * Compares two versions of the strategy.
	 * @throws NotFoundException when either is not a version of it
	 */
	public ComparisonPage compare(long organisationId, long id, long from, long to) {
		Strategy strategy = this.catalog.strategy(organisationId, id);
		StrategyVersion fromVersion = this.catalog.version(organisationId, from);
		StrategyVersion toVersion = this.catalog.version(organisationId, to);
		if (fromVersion.strategyId() != id || toVersion.strategyId() != id) {
			throw new NotFoundException("version", from);
		}
		Map<UUID, List<ChangeReasons.Reason>> reasons = new HashMap<>();
		for (ChangeReasons source : this.reasons) {
			source.reasons(organisationId, to)
				.forEach((key, list) -> reasons.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
		}
		return new ComparisonPage(strategy, fromVersion, toVersion, this.catalog.compare(organisationId, from, to),
				reasons);
	}

	public ElementPage element(long organisationId, long elementId, boolean mayEdit, Locale locale) {
		StrategyElement element = this.catalog.element(organisationId, elementId);
		StrategyVersion version = this.catalog.version(organisationId, element.versionId());
		Strategy strategy = this.catalog.strategy(organisationId, version.strategyId());
		List<StrategyElement> all = this.catalog.elements(organisationId, version.id());
		// The strategy's own levels, by its own names.
		Set<ElementType> used = this.levels.used(strategy.id());
		return new ElementPage(element, strategy, version, this.catalog.ancestors(element),
				all.stream()
					.filter(e -> Objects.equals(e.parentId(), element.id()))
					.sorted(Comparator.comparingInt(StrategyElement::sortOrder))
					.toList(),
				this.catalog.links(organisationId, element), this.audit.history("strategy-element", element.key()),
				mayEdit && this.catalog.editable(organisationId, strategy, version),
				// A strateg who cannot edit an adopted version is told where changes go.
				mayEdit && StrategyCatalog.adopted(version),
				Arrays.stream(ElementType.values()).filter(used::contains).toList(),
				ElementType.allowedChildren(element.type()).stream().filter(used::contains).toList(),
				this.levels.labels(strategy.id(), locale, false),
				all.stream()
					.filter(e -> !e.path().startsWith(element.path()) && element.type().allowedUnder(e.type()))
					.toList(),
				element.type().allowedUnder(null),
				this.catalog.strategies(organisationId).stream().filter(s -> s.id() != strategy.id()).toList(),
				element.type() == ElementType.DIRECTION && this.catalog.directions(organisationId, strategy.id())
					.stream()
					.anyMatch(d -> d.fundingGate() && d.element().key().equals(element.key())));
	}

	/**
	 * The form for a new element in an own strategy's version: the levels allowed under
	 * the parent that the strategy uses, the first of them suggested.
	 */
	public NewElementPage newElement(long organisationId, long versionId, Long parentId, Locale locale) {
		StrategyElement parent = parentId == null ? null : this.catalog.element(organisationId, parentId);
		StrategyVersion version = this.catalog.version(organisationId, versionId);
		Strategy strategy = this.catalog.ownStrategy(organisationId, version.strategyId());
		Set<ElementType> used = this.levels.used(strategy.id());
		List<ElementType> types = ElementType.allowedChildren(parent == null ? null : parent.type())
			.stream()
			.filter(used::contains)
			.toList();
		return new NewElementPage(strategy, version, parent, types, this.levels.labels(strategy.id(), locale, false),
				types.isEmpty() ? ElementType.OTHER : types.getFirst());
	}

	/** The form for a new strategy (id null) or for changing an own one. */
	public StrategyFormPage strategyForm(long organisationId, Long id) {
		Strategy strategy = id == null ? null : this.catalog.ownStrategy(organisationId, id);
		List<LevelRow> rows = new ArrayList<>();
		boolean named = false;
		if (strategy != null) {
			Map<ElementType, StrategyLevels.Level> byType = new EnumMap<>(ElementType.class);
			this.levels.levels(strategy.id()).forEach(level -> byType.put(level.type(), level));
			for (ElementType type : ElementType.values()) {
				StrategyLevels.Level level = byType.get(type);
				rows.add(level == null ? new LevelRow(type, null, null, null, null)
						: new LevelRow(type, level.nameSv(), level.pluralSv(), level.nameEn(), level.pluralEn()));
			}
			named = !byType.isEmpty();
		}
		return new StrategyFormPage(strategy, rows, named,
				this.catalog.derivationCandidates(organisationId, strategy == null ? null : strategy.id()));
	}

	/** Creates a strategy from its form; on a validation failure the form again. */
	public Edit<StrategyFormPage, Strategy> createStrategy(long organisationId, StrategyDraft draft, String actor) {
		try {
			return Edit.done(this.strategies.createStrategy(organisationId, draft, null, null, actor));
		}
		catch (ValidationException ex) {
			return Edit.invalid(strategyForm(organisationId, null), ex);
		}
	}

	/**
	 * Changes an own strategy from its form; on a failure or a conflict the form again.
	 */
	public Edit<StrategyFormPage, Strategy> updateStrategy(long organisationId, long id, int expectedVersion,
			StrategyDraft draft, String actor) {
		this.catalog.ownStrategy(organisationId, id);
		try {
			return Edit.done(this.strategies.updateStrategy(organisationId, id, expectedVersion, draft, actor));
		}
		catch (ValidationException ex) {
			return Edit.invalid(strategyForm(organisationId, id), ex);
		}
		catch (EditConflictException ex) {
			return Edit.conflict(strategyForm(organisationId, id), (Strategy) ex.current());
		}
	}

	/** Changes an element from its page; on a failure or a conflict its page again. */
	public Edit<ElementPage, StrategyElement> updateElement(long organisationId, long id, int expectedVersion,
			ElementDraft draft, String actor, boolean mayEdit, Locale locale) {
		this.catalog.element(organisationId, id);
		try {
			return Edit.done(this.elements.updateElement(organisationId, id, expectedVersion, draft, actor));
		}
		catch (ValidationException ex) {
			return Edit.invalid(element(organisationId, id, mayEdit, locale), ex);
		}
		catch (EditConflictException ex) {
			ElementPage page = element(organisationId, id, mayEdit, locale);
			return Edit.conflict(page, page.element());
		}
	}

	/**
	 * Adds an element from the new element form; on a validation failure the form again.
	 */
	public Edit<NewElementPage, StrategyElement> addElement(long organisationId, long versionId, Long parentId,
			ElementDraft draft, String actor, Locale locale) {
		try {
			return Edit.done(this.elements.addElement(organisationId, versionId, parentId, draft, actor));
		}
		catch (ValidationException ex) {
			return Edit.invalid(newElement(organisationId, versionId, parentId, locale), ex);
		}
	}

}
