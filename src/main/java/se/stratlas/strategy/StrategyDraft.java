package se.stratlas.strategy;

import org.jspecify.annotations.Nullable;

/** What a user enters for a strategy. */
public record StrategyDraft(String code, String nameSv, @Nullable String nameEn, @Nullable String descriptionSv,
		@Nullable String descriptionEn, @Nullable Integer periodStart, @Nullable Integer periodEnd,
		@Nullable Long derivedFromId, boolean published) {

	public static StrategyDraft of(Strategy strategy) {
		return new StrategyDraft(strategy.code(), strategy.nameSv(), strategy.nameEn(), strategy.descriptionSv(),
				strategy.descriptionEn(), strategy.periodStart(), strategy.periodEnd(), strategy.derivedFromId(),
				strategy.published());
	}

}
