package se.stratlas.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Locale;

/**
 * Compares two versions of a strategy element by element, matching elements by their key:
 * what was added, removed, renamed (a name or code changed), moved (another parent or
 * place among its siblings) or otherwise changed (type, description, aliases).
 */
public final class VersionComparison {

	private VersionComparison() {
	}

	/** What happened to an element between the two versions. */
	public enum ChangeKind {

		ADDED, REMOVED, RENAMED, MOVED, CHANGED;

		public String messageKey() {
			return "compare.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One element's difference. {@code before} or {@code after} is null when the element
	 * did not exist on that side; {@code parentBefore}/{@code parentAfter} are the
	 * parents' labels.
	 */
	public record Difference(UUID key, Set<ChangeKind> kinds, StrategyElement before, StrategyElement after,
			String parentBefore, String parentAfter) {

		public StrategyElement either() {
			return this.after != null ? this.after : this.before;
		}

		public boolean is(ChangeKind kind) {
			return this.kinds.contains(kind);
		}

	}

	public static List<Difference> compare(List<StrategyElement> from, List<StrategyElement> to) {
		Map<UUID, StrategyElement> before = byKey(from);
		Map<UUID, StrategyElement> after = byKey(to);
		Map<Long, StrategyElement> beforeById = from.stream()
			.collect(Collectors.toMap(StrategyElement::id, Function.identity()));
		Map<Long, StrategyElement> afterById = to.stream()
			.collect(Collectors.toMap(StrategyElement::id, Function.identity()));
		List<Difference> differences = new ArrayList<>();
		for (StrategyElement old : from) {
			StrategyElement now = after.get(old.key());
			if (now == null) {
				differences.add(new Difference(old.key(), EnumSet.of(ChangeKind.REMOVED), old, null,
						parentLabel(old, beforeById), null));
				continue;
			}
			Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
			if (!Objects.equals(old.nameSv(), now.nameSv()) || !Objects.equals(old.nameEn(), now.nameEn())
					|| !Objects.equals(old.code(), now.code())) {
				kinds.add(ChangeKind.RENAMED);
			}
			UUID oldParent = parentKey(old, beforeById);
			UUID newParent = parentKey(now, afterById);
			if (!Objects.equals(oldParent, newParent)
					|| siblingIndex(old, from, after.keySet()) != siblingIndex(now, to, before.keySet())) {
				kinds.add(ChangeKind.MOVED);
			}
			if (old.type() != now.type() || !Objects.equals(old.descriptionSv(), now.descriptionSv())
					|| !Objects.equals(old.descriptionEn(), now.descriptionEn())
					|| !Objects.equals(old.aliases(), now.aliases())) {
				kinds.add(ChangeKind.CHANGED);
			}
			if (!kinds.isEmpty()) {
				differences.add(new Difference(old.key(), kinds, old, now, parentLabel(old, beforeById),
						parentLabel(now, afterById)));
			}
		}
		for (StrategyElement now : to) {
			if (!before.containsKey(now.key())) {
				differences.add(new Difference(now.key(), EnumSet.of(ChangeKind.ADDED), null, now, null,
						parentLabel(now, afterById)));
			}
		}
		differences.sort(Comparator.comparing(d -> sortableCode(d.either())));
		return differences;
	}

	private static String sortableCode(StrategyElement element) {
		return element.code() == null ? "~" + element.nameSv() : element.code();
	}

	private static Map<UUID, StrategyElement> byKey(List<StrategyElement> elements) {
		Map<UUID, StrategyElement> map = new LinkedHashMap<>();
		elements.forEach(e -> map.put(e.key(), e));
		return map;
	}

	private static UUID parentKey(StrategyElement element, Map<Long, StrategyElement> byId) {
		return element.parentId() == null ? null : byId.get(element.parentId()).key();
	}

	private static String parentLabel(StrategyElement element, Map<Long, StrategyElement> byId) {
		return element.parentId() == null ? null : byId.get(element.parentId()).label(Locale.ROOT);
	}

	/**
	 * The element's place among those of its siblings that exist in both versions, so
	 * that an added or removed sibling does not make the others count as moved.
	 */
	private static int siblingIndex(StrategyElement element, List<StrategyElement> all, Set<UUID> inOther) {
		List<StrategyElement> siblings = all.stream()
			.filter(e -> Objects.equals(e.parentId(), element.parentId()) && inOther.contains(e.key()))
			.sorted(Comparator.comparingInt(StrategyElement::sortOrder).thenComparing(StrategyElement::id))
			.toList();
		return siblings.indexOf(element);
	}

}
