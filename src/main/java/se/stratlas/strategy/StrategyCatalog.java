package se.stratlas.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.internal.StrategyRepository;

/**
 * Reading strategies. Every method takes the reader's organisation ({@code null} for
 * someone not signed in) and shows only what that reader may see: the organisation's own
 * strategies, reference frameworks, and what other organisations have published. Anything
 * else is reported as not found.
 */
@Component
@Transactional(readOnly = true)
public class StrategyCatalog {

	private final StrategyRepository repository;

	StrategyCatalog(StrategyRepository repository) {
		this.repository = repository;
	}

	/**
	 * What a search in a tree found: the matching elements, and the ones to open to show
	 * them.
	 */
	public record TreeSearch(String query, Set<Long> matches, Set<Long> expanded) {

		public boolean active() {
			return this.query != null && !this.query.isBlank();
		}

	}

	public List<Strategy> strategies(Long organisationId) {
		return organisationId == null ? this.repository.publishedStrategies()
				: this.repository.strategiesVisibleTo(organisationId);
	}

	public Strategy strategy(Long organisationId, long id) {
		return this.repository.strategy(id)
			.filter(s -> visible(s, organisationId))
			.orElseThrow(() -> new NotFoundException("strategy", id));
	}

	/**
	 * A strategy the organisation may change or write against: another organisation's
	 * strategy, published or not, is refused with 403. National frameworks pass (they are
	 * read-only for other reasons).
	 */
	public Strategy ownStrategy(Long organisationId, long id) {
		Strategy strategy = strategy(organisationId, id);
		if (strategy.organisationId() != null && !strategy.organisationId().equals(organisationId)) {
			throw new AccessDeniedException("Strategy " + id + " belongs to another organisation");
		}
		return strategy;
	}

	/** An element of one of the organisation's own strategies; 403 for another's. */
	public StrategyElement ownElement(Long organisationId, long elementId) {
		StrategyElement element = element(organisationId, elementId);
		ownStrategy(organisationId, version(organisationId, element.versionId()).strategyId());
		return element;
	}

	/** A strategy and its versions, newest first. */
	public record StrategyDetails(Strategy strategy, List<StrategyVersion> versions) {
	}

	/** One of the organisation's strategies (or a national one) with its versions. */
	public StrategyDetails details(Long organisationId, long strategyId) {
		return new StrategyDetails(strategy(organisationId, strategyId), versions(organisationId, strategyId));
	}

	public List<StrategyVersion> versions(Long organisationId, long strategyId) {
		strategy(organisationId, strategyId);
		return this.repository.versions(strategyId);
	}

	public StrategyVersion version(Long organisationId, long versionId) {
		StrategyVersion version = this.repository.version(versionId)
			.orElseThrow(() -> new NotFoundException("version", versionId));
		strategy(organisationId, version.strategyId());
		return version;
	}

	public StrategyVersion latestVersion(Long organisationId, long strategyId) {
		strategy(organisationId, strategyId);
		return this.repository.latestVersion(strategyId)
			.orElseThrow(() -> new NotFoundException("version", strategyId));
	}

	public List<StrategyElement> elements(Long organisationId, long versionId) {
		version(organisationId, versionId);
		return this.repository.elements(versionId);
	}

	/**
	 * A version's elements in tree order; with a query, only those matching it (code,
	 * name or alias).
	 */
	public List<StrategyElement> elements(Long organisationId, long versionId, String q) {
		List<StrategyElement> elements = elements(organisationId, versionId);
		return q == null || q.isBlank() ? elements : elements.stream().filter(e -> e.matches(q)).toList();
	}

	public StrategyElement element(Long organisationId, long elementId) {
		StrategyElement element = this.repository.element(elementId)
			.orElseThrow(() -> new NotFoundException("element", elementId));
		version(organisationId, element.versionId());
		return element;
	}

	/** The element's ancestors, from the top down. */
	public List<StrategyElement> ancestors(StrategyElement element) {
		List<StrategyElement> ancestors = new ArrayList<>();
		Long parent = element.parentId();
		while (parent != null) {
			StrategyElement p = this.repository.element(parent).orElseThrow();
			ancestors.addFirst(p);
			parent = p.parentId();
		}
		return ancestors;
	}

	/**
	 * Whether the reader's organisation may change this version: its own strategy, and
	 * the latest version.
	 */
	public boolean editable(Long organisationId, Strategy strategy, StrategyVersion version) {
		if (organisationId == null || strategy.framework() || !organisationId.equals(strategy.organisationId())) {
			return false;
		}
		// Only the latest version, and only while it is an utkast or on remiss: an
		// adopted
		// version is locked, changes go into a new version.
		return this.repository.latestVersion(strategy.id()).map(v -> v.id() == version.id()).orElse(false)
				&& !adopted(version);
	}

	/**
	 * Whether the version is adopted (or ended): locked, changed only by a new version.
	 */
	public static boolean adopted(StrategyVersion version) {
		return version.status() == StrategyStatus.ANTAGEN || version.status() == StrategyStatus.UPPHORD;
	}

	/** Builds the tree of a version's elements, siblings in their order. */
	/** A version's elements as a tree. */
	public List<ElementNode> tree(Long organisationId, long versionId) {
		return tree(elements(organisationId, versionId));
	}

	public static List<ElementNode> tree(List<StrategyElement> elements) {
		Map<Long, List<StrategyElement>> byParent = new HashMap<>();
		for (StrategyElement element : elements) {
			byParent.computeIfAbsent(element.parentId() == null ? 0L : element.parentId(), k -> new ArrayList<>())
				.add(element);
		}
		return nodes(byParent, 0L);
	}

	private static List<ElementNode> nodes(Map<Long, List<StrategyElement>> byParent, long parent) {
		return byParent.getOrDefault(parent, List.of())
			.stream()
			.sorted(Comparator.comparingInt(StrategyElement::sortOrder).thenComparing(StrategyElement::id))
			.map(e -> new ElementNode(e, nodes(byParent, e.id())))
			.toList();
	}

	/**
	 * Finds elements by code (also "1:1" for "1.1"), alias or name, and the ancestors to
	 * open.
	 */
	public static TreeSearch search(List<StrategyElement> elements, String query) {
		if (query == null || query.isBlank()) {
			return new TreeSearch(query, Set.of(), Set.of());
		}
		Map<Long, StrategyElement> byId = new HashMap<>();
		elements.forEach(e -> byId.put(e.id(), e));
		Set<Long> matches = new HashSet<>();
		Set<Long> expanded = new HashSet<>();
		for (StrategyElement element : elements) {
			if (element.matches(query)) {
				matches.add(element.id());
				Long parent = element.parentId();
				while (parent != null) {
					expanded.add(parent);
					parent = byId.get(parent).parentId();
				}
			}
		}
		return new TreeSearch(query, matches, expanded);
	}

	/**
	 * Links from and to this element, each resolved to the other element's latest
	 * version.
	 */
	public List<ElementLink> links(Long organisationId, StrategyElement element) {
		List<ElementLink> links = new ArrayList<>();
		this.repository.jdbc().sql("""
				select id, from_key, to_key, relation, note from strategy_element_link
				where from_key = :key or to_key = :key order by id""").param("key", element.key()).query((rs, row) -> {
			boolean outgoing = element.key().equals(rs.getObject("from_key", UUID.class));
			UUID other = rs.getObject(outgoing ? "to_key" : "from_key", UUID.class);
			return new Object[] { rs.getLong("id"), RelationType.valueOf(rs.getString("relation")), outgoing, other,
					rs.getString("note") };
		}).list().forEach(row -> {
			UUID otherKey = (UUID) row[3];
			this.repository.latestElementByKey(otherKey).ifPresent(other -> {
				StrategyVersion version = this.repository.version(other.versionId()).orElseThrow();
				Strategy strategy = this.repository.strategy(version.strategyId()).orElseThrow();
				if (visible(strategy, organisationId)) {
					links.add(new ElementLink((Long) row[0], (RelationType) row[1], (Boolean) row[2], otherKey,
							strategy.id(), strategy.code(), other.id(), other.label(Locale.ROOT), (String) row[4]));
				}
			});
		});
		return links;
	}

	/** Compares two versions of the same strategy, element by element. */
	public List<VersionComparison.Difference> compare(Long organisationId, long fromVersionId, long toVersionId) {
		StrategyVersion from = version(organisationId, fromVersionId);
		StrategyVersion to = version(organisationId, toVersionId);
		if (from.strategyId() != to.strategyId()) {
			throw new ValidationException("to", "compare.differentStrategies");
		}
		return VersionComparison.compare(this.repository.elements(fromVersionId),
				this.repository.elements(toVersionId));
	}

	/**
	 * The directions of the strategy's latest version, with their gate flags, in tree
	 * order.
	 */
	public List<Direction> directions(Long organisationId, long strategyId) {
		StrategyVersion latest = latestVersion(organisationId, strategyId);
		Set<Long> gates = new HashSet<>(this.repository.jdbc()
			.sql("select id from strategy_element where version_id = :v and funding_gate")
			.param("v", latest.id())
			.query(Long.class)
			.list());
		return this.repository.elements(latest.id())
			.stream()
			.filter(e -> e.type() == ElementType.DIRECTION)
			.sorted(Comparator.comparingInt(StrategyElement::sortOrder))
			.map(e -> new Direction(e, gates.contains(e.id())))
			.toList();
	}

	/** The scale assessments against the strategy's directions use. */
	/**
	 * The assessment scale of one of the organisation's strategies (or a national one).
	 */
	public List<AssessmentLevel> assessmentScale(long organisationId, long strategyId) {
		strategy(organisationId, strategyId);
		return assessmentScale(strategyId);
	}

	/** Compares two versions of one of the organisation's strategies. */
	public List<VersionComparison.Difference> compare(long organisationId, long strategyId, long fromVersionId,
			long toVersionId) {
		strategy(organisationId, strategyId);
		return compare(organisationId, fromVersionId, toVersionId);
	}

	public List<AssessmentLevel> assessmentScale(long strategyId) {
		List<AssessmentLevel> levels = this.repository.jdbc()
			.sql("""
					select code, name_sv, name_en, score from strategy_assessment_level
					where strategy_id = :s order by score desc""")
			.param("s", strategyId)
			.query(AssessmentLevel.class)
			.list();
		return levels.isEmpty() ? AssessmentLevel.DEFAULT_SCALE : levels;
	}

	/**
	 * The element with this key in the latest version of its strategy, if the reader may
	 * see it.
	 */
	public Optional<StrategyElement> latestElement(Long organisationId, UUID key) {
		return this.repository.latestElementByKey(key).filter(e -> {
			StrategyVersion version = this.repository.version(e.versionId()).orElseThrow();
			return visible(this.repository.strategy(version.strategyId()).orElseThrow(), organisationId);
		});
	}

	/** The strategy an element belongs to. */
	public Strategy strategyOf(StrategyElement element) {
		StrategyVersion version = this.repository.version(element.versionId()).orElseThrow();
		return this.repository.strategy(version.strategyId()).orElseThrow();
	}

	/** The strategies another strategy may derive from: the others the reader sees. */
	public List<Strategy> derivationCandidates(Long organisationId, Long excludeId) {
		return strategies(organisationId).stream().filter(s -> !Objects.equals(s.id(), excludeId)).toList();
	}

	static boolean visible(Strategy strategy, Long organisationId) {
		return strategy.organisationId() == null || strategy.published()
				|| (organisationId != null && organisationId.equals(strategy.organisationId()));
	}

}
