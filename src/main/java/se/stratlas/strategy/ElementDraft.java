package se.stratlas.strategy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a user enters for an element: type, code, names, descriptions and aliases. */
public record ElementDraft(ElementType type, @Nullable String code, String nameSv, @Nullable String nameEn,
		@Nullable String descriptionSv, @Nullable String descriptionEn, @Nullable List<String> aliases) {

	public ElementDraft {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}

	public static ElementDraft of(StrategyElement element) {
		return new ElementDraft(element.type(), element.code(), element.nameSv(), element.nameEn(),
				element.descriptionSv(), element.descriptionEn(), element.aliases());
	}

}
