package se.stratlas.strategy.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyDraft;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyStatus;

/** The forms of the strategy screens: records bound from the request, never entities. */
final class StrategyForms {

	private StrategyForms() {
	}

	record StrategyForm(String code, String nameSv, String nameEn, String descriptionSv, String descriptionEn,
			Integer periodStart, Integer periodEnd, Long derivedFromId, Boolean published, Integer version) {

		StrategyDraft draft() {
			return new StrategyDraft(this.code, this.nameSv, this.nameEn, this.descriptionSv, this.descriptionEn,
					this.periodStart, this.periodEnd, this.derivedFromId, Boolean.TRUE.equals(this.published));
		}

		static StrategyForm of(Strategy s) {
			return new StrategyForm(s.code(), s.nameSv(), s.nameEn(), s.descriptionSv(), s.descriptionEn(),
					s.periodStart(), s.periodEnd(), s.derivedFromId(), s.published(), s.version());
		}

		static StrategyForm empty() {
			return new StrategyForm(null, null, null, null, null, null, null, null, false, null);
		}

	}

	record ElementForm(ElementType type, String code, String nameSv, String nameEn, String descriptionSv,
			String descriptionEn, String aliases, Long parentId, Integer version) {

		ElementDraft draft() {
			List<String> list = this.aliases == null ? List.of()
					: Arrays.stream(this.aliases.split("[;\\n]")).map(String::strip).filter(a -> !a.isEmpty()).toList();
			return new ElementDraft(this.type, this.code, this.nameSv, this.nameEn, this.descriptionSv,
					this.descriptionEn, list);
		}

		static ElementForm of(StrategyElement e) {
			return new ElementForm(e.type(), e.code(), e.nameSv(), e.nameEn(), e.descriptionSv(), e.descriptionEn(),
					String.join("; ", e.aliases()), e.parentId(), e.version());
		}

	}

	record VersionForm(String label, StrategyStatus status, String decisionBody, LocalDate decisionDate,
			String decisionNote, Integer version) {
	}

}
