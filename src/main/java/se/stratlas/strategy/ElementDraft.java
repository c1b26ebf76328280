package se.stratlas.strategy;

import java.util.List;

/** What a user enters for an element: type, code, names, descriptions and aliases. */
public record ElementDraft(ElementType type, String code, String nameSv, String nameEn, String descriptionSv,
		String descriptionEn, List<String> aliases) {

	public ElementDraft {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}

	public static ElementDraft of(StrategyElement element) {
		return new ElementDraft(element.type(), element.code(), element.nameSv(), element.nameEn(),
				element.descriptionSv(), element.descriptionEn(), element.aliases());
	}

}
