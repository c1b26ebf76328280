package se.stratlas.strategy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.internal.StrategyRepository;

/**
 * Export and import of a whole strategy as one {@link StrategyDocument}. Import is all or
 * nothing (one transaction). Element keys are kept, so an export imported into another
 * instance and exported again gives the same document; keys already used in this instance
 * are replaced by new ones, consistently across versions and links.
 */
@Component
public class StrategyTransfer {

	private final StrategyRepository repository;

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	StrategyTransfer(StrategyRepository repository, StrategyCatalog catalog, StrategyManagement management) {
		this.repository = repository;
		this.catalog = catalog;
		this.management = management;
	}

	/** What an import did. */
	public record ImportResult(Strategy strategy, int versions, int elements, int links, int skippedLinks,
			boolean keysReplaced) implements Serializable {
	}

	@Transactional(readOnly = true)
	public StrategyDocument export(Long organisationId, long strategyId) {
		Strategy strategy = this.catalog.strategy(organisationId, strategyId);
		String derivedFrom = strategy.derivedFromId() == null ? null
				: this.repository.strategy(strategy.derivedFromId()).map(Strategy::code).orElse(null);
		List<StrategyDocument.Version> versions = new ArrayList<>();
		Set<UUID> keys = new HashSet<>();
		for (StrategyVersion version : this.repository.versions(strategyId).reversed()) {
			List<StrategyElement> elements = this.repository.elements(version.id());
			elements.forEach(e -> keys.add(e.key()));
			Set<Long> gates = new HashSet<>(this.repository.jdbc()
				.sql("select id from strategy_element where version_id = :v and funding_gate")
				.param("v", version.id())
				.query(Long.class)
				.list());
			versions.add(new StrategyDocument.Version(version.number(), version.label(), version.status(),
					version.decisionBody(), version.decisionDate(), version.decisionNote(),
					toDocument(StrategyCatalog.tree(elements), gates)));
		}
		List<StrategyDocument.Link> links = this.repository.jdbc()
			.sql("select from_key, to_key, relation, note from strategy_element_link where from_key in (:keys) order by id")
			.param("keys", keys.isEmpty() ? List.of(new UUID(0, 0)) : keys)
			.query((rs, row) -> new StrategyDocument.Link(rs.getObject("from_key", UUID.class),
					rs.getObject("to_key", UUID.class), RelationType.valueOf(rs.getString("relation")),
					rs.getString("note")))
			.list();
		return new StrategyDocument(StrategyDocument.FORMAT,
				new StrategyDocument.Header(strategy.code(), strategy.nameSv(), strategy.nameEn(),
						strategy.descriptionSv(), strategy.descriptionEn(), strategy.periodStart(),
						strategy.periodEnd(), derivedFrom, strategy.published()),
				versions, links);
	}

	private static List<StrategyDocument.Element> toDocument(List<ElementNode> nodes, Set<Long> gates) {
		return nodes.stream().map(node -> {
			StrategyElement e = node.element();
			return new StrategyDocument.Element(e.key(), e.type(), e.code(), e.nameSv(), e.nameEn(), e.descriptionSv(),
					e.descriptionEn(), e.aliases(), toDocument(node.children(), gates), gates.contains(e.id()));
		}).toList();
	}

	@Transactional
	public ImportResult importDocument(long organisationId, StrategyDocument document, String actor) {
		if (document == null || !StrategyDocument.FORMAT.equals(document.format()) || document.strategy() == null) {
			throw new ValidationException("format", "import.format", StrategyDocument.FORMAT);
		}
		if (document.versions() == null || document.versions().isEmpty()) {
			throw new ValidationException("versions", "import.noVersions");
		}
		StrategyDocument.Header header = document.strategy();
		Long derivedFrom = header.derivedFromCode() == null ? null
				: this.catalog.strategies(organisationId)
					.stream()
					.filter(s -> s.code().equalsIgnoreCase(header.derivedFromCode()))
					.map(Strategy::id)
					.findFirst()
					.orElse(null);
		List<StrategyDocument.Version> versions = document.versions()
			.stream()
			.sorted(Comparator.comparingInt(StrategyDocument.Version::number))
			.toList();
		for (int v = 0; v < versions.size(); v++) {
			checkTree("versions[" + v + "].elements", versions.get(v).elements(), new HashSet<>(), new HashMap<>());
		}
		Set<UUID> documentKeys = new HashSet<>();
		versions.forEach(v -> collectKeys(v.elements(), documentKeys));
		boolean replaceKeys = documentKeys.stream()
			.anyMatch(key -> this.repository.jdbc()
				.sql("select exists (select 1 from strategy_element where element_key = :k)")
				.param("k", key)
				.query(Boolean.class)
				.single());
		Map<UUID, UUID> keyMap = new HashMap<>();
		documentKeys.forEach(k -> keyMap.put(k, replaceKeys ? UUID.randomUUID() : k));

		StrategyDocument.Version first = versions.getFirst();
		Strategy strategy = this.management.createStrategy(organisationId,
				new StrategyDraft(header.code(), header.nameSv(), header.nameEn(), header.descriptionSv(),
						header.descriptionEn(), header.periodStart(), header.periodEnd(), derivedFrom,
						header.published()),
				first.label(), first.status(), actor);
		int elements = 0;
		for (StrategyDocument.Version version : versions) {
			long versionId;
			if (version == first) {
				versionId = this.repository.latestVersion(strategy.id()).orElseThrow().id();
				this.repository.jdbc()
					.sql("""
							update strategy_version set number = :n, decision_body = :body, decision_date = :date,
							decision_note = :note where id = :id""")
					.param("n", version.number())
					.param("body", version.decisionBody())
					.param("date", version.decisionDate())
					.param("note", version.decisionNote())
					.param("id", versionId)
					.update();
			}
			else {
				versionId = this.repository.insertVersion(strategy.id(), version.number(), version.label(),
						version.status(), version.decisionBody(), version.decisionDate(), version.decisionNote(),
						actor);
			}
			elements += insertTree(versionId, null, version.elements(), keyMap, actor);
		}
		int links = 0;
		int skipped = 0;
		for (StrategyDocument.Link link : document.links() == null ? List.<StrategyDocument.Link>of()
				: document.links()) {
			UUID from = keyMap.getOrDefault(link.fromKey(), link.fromKey());
			UUID to = keyMap.getOrDefault(link.toKey(), link.toKey());
			boolean targetKnown = keyMap.containsKey(link.toKey())
					|| this.repository.latestElementByKey(to).isPresent();
			if (!keyMap.containsKey(link.fromKey()) || !targetKnown || link.relation() == null) {
				skipped++;
				continue;
			}
			links += this.repository.jdbc()
				.sql("""
						insert into strategy_element_link (organisation_id, from_key, to_key, relation, note, created_by)
						values (:org, :from, :to, :relation, :note, :actor) on conflict do nothing""")
				.param("org", organisationId)
				.param("from", from)
				.param("to", to)
				.param("relation", link.relation().name())
				.param("note", link.note())
				.param("actor", actor)
				.update();
		}
		return new ImportResult(this.repository.strategy(strategy.id()).orElseThrow(), versions.size(), elements, links,
				skipped, replaceKeys);
	}

	private int insertTree(long versionId, StrategyElement parent, List<StrategyDocument.Element> elements,
			Map<UUID, UUID> keyMap, String actor) {
		if (elements == null) {
			return 0;
		}
		int count = 0;
		int order = 0;
		for (StrategyDocument.Element element : elements) {
			if (element.type() == null || element.nameSv() == null || element.nameSv().isBlank()) {
				throw new ValidationException("elements", "import.element.invalid",
						element.code() == null ? "?" : element.code());
			}
			if (!element.type().allowedUnder(parent == null ? null : parent.type())) {
				throw new ValidationException("elements", "import.element.type",
						element.code() == null ? element.nameSv() : element.code());
			}
			UUID key = element.key() == null ? UUID.randomUUID() : keyMap.get(element.key());
			long id = this.repository.insertElement(
					versionId, key, parent, new ElementDraft(element.type(), element.code(), element.nameSv(),
							element.nameEn(), element.descriptionSv(), element.descriptionEn(), element.aliases()),
					order++, actor);
			if (element.fundingGate()) {
				this.repository.jdbc()
					.sql("update strategy_element set funding_gate = true where id = :id")
					.param("id", id)
					.update();
			}
			StrategyElement inserted = this.repository.element(id).orElseThrow();
			count += 1 + insertTree(versionId, inserted, element.children(), keyMap, actor);
		}
		return count;
	}

	/**
	 * A version's tree before anything is written: each element's key once (a child that
	 * reuses its parent's key would make the tree a cycle), each code once, and no deeper
	 * than a strategy goes. The refusal names the element's place in the document.
	 */
	private static void checkTree(String path, List<StrategyDocument.Element> elements, Set<UUID> keys,
			Map<String, String> codes) {
		if (elements == null) {
			return;
		}
		if (path.chars().filter(c -> c == '[').count() > 12) {
			throw new ValidationException(path, "import.element.depth");
		}
		for (int i = 0; i < elements.size(); i++) {
			StrategyDocument.Element element = elements.get(i);
			String at = path + "[" + i + "]";
			if (element == null) {
				throw new ValidationException(at, "import.element.invalid", "?");
			}
			if (element.key() != null && !keys.add(element.key())) {
				throw new ValidationException(at + ".key", "import.element.keyTwice", element.key());
			}
			if (element.code() != null && !element.code().isBlank()) {
				String previous = codes.putIfAbsent(element.code().strip().toLowerCase(Locale.ROOT), at);
				if (previous != null) {
					throw new ValidationException(at + ".code", "import.element.codeTwice", element.code(), previous);
				}
			}
			checkTree(at + ".children", element.children(), keys, codes);
		}
	}

	private static void collectKeys(List<StrategyDocument.Element> elements, Set<UUID> keys) {
		if (elements == null) {
			return;
		}
		for (StrategyDocument.Element element : elements) {
			if (element.key() != null) {
				keys.add(element.key());
			}
			collectKeys(element.children(), keys);
		}
	}

}
