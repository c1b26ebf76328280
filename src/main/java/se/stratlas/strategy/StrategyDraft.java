package se.stratlas.strategy;

/** What a user enters for a strategy. */
public record StrategyDraft(String code, String nameSv, String nameEn, String descriptionSv, String descriptionEn,
		Integer periodStart, Integer periodEnd, Long derivedFromId, boolean published) {

	public static StrategyDraft of(Strategy strategy) {
		return new StrategyDraft(strategy.code(), strategy.nameSv(), strategy.nameEn(), strategy.descriptionSv(),
				strategy.descriptionEn(), strategy.periodStart(), strategy.periodEnd(), strategy.derivedFromId(),
				strategy.published());
	}

}
