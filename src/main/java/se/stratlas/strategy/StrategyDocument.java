package se.stratlas.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A whole strategy as one JSON document: every version with its element tree, and the
 * links from its elements. Exported and imported losslessly by {@link StrategyTransfer}.
 */
public record StrategyDocument(String format, Header strategy, List<Version> versions, List<Link> links) {

	public static final String FORMAT = "stratlas-strategy/1";

	public record Header(String code, String nameSv, String nameEn, String descriptionSv, String descriptionEn,
			Integer periodStart, Integer periodEnd, String derivedFromCode, boolean published) {
	}

	public record Version(int number, String label, StrategyStatus status, String decisionBody, LocalDate decisionDate,
			String decisionNote, List<Element> elements) {
	}

	public record Element(UUID key, ElementType type, String code, String nameSv, String nameEn, String descriptionSv,
			String descriptionEn, List<String> aliases, List<Element> children, boolean fundingGate) {
	}

	public record Link(UUID fromKey, UUID toKey, RelationType relation, String note) {
	}

}
