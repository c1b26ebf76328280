package se.stratlas.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import se.stratlas.shared.Texts;

/**
 * An element of a strategy version's tree. {@code key} stays the same when a new version
 * copies the tree; {@code path} is the materialized path of ids from the top ("/12/45/").
 */
public record StrategyElement(long id, long versionId, UUID key, Long parentId, String path, ElementType type,
		String code, String nameSv, String nameEn, String descriptionSv, String descriptionEn, List<String> aliases,
		int sortOrder, int version, Instant updatedAt, String updatedBy) {

	public StrategyElement {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}

	public String name(Locale locale) {
		return Texts.localized(this.nameSv, this.nameEn, locale);
	}

	public String description(Locale locale) {
		return Texts.localized(this.descriptionSv, this.descriptionEn, locale);
	}

	/** Code and name, as the element is named in lists: "1.1 Utveckla kapaciteten …". */
	public String label(Locale locale) {
		return this.code == null ? name(locale) : this.code + " " + name(locale);
	}

	public int depth() {
		return (int) this.path.chars().filter(c -> c == '/').count() - 2;
	}

	/**
	 * Whether the text matches this element's code, any alias or its names
	 * (case-insensitive).
	 */
	public boolean matches(String query) {
		String q = query.strip().toLowerCase(Locale.ROOT);
		if (q.isEmpty()) {
			return false;
		}
		String normalized = normalizeCode(q);
		if (this.code != null && normalizeCode(this.code.toLowerCase(Locale.ROOT)).startsWith(normalized)) {
			return true;
		}
		for (String alias : this.aliases) {
			String a = alias.toLowerCase(Locale.ROOT);
			if (a.contains(q) || normalizeCode(a).equals(normalized)) {
				return true;
			}
		}
		return contains(this.nameSv, q) || contains(this.nameEn, q);
	}

	/** The sources write "1:1" as well as "1.1": both mean the same code. */
	static String normalizeCode(String code) {
		return code.replace(':', '.').replace(" ", "");
	}

	private static boolean contains(String text, String q) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(q);
	}

}
