package se.stratlas.strategy;

import java.time.Instant;
import java.io.Serializable;
import java.util.Locale;

import se.stratlas.shared.Texts;

/**
 * A strategy: names, short code, owner organisation ({@code null} for a reference
 * framework such as Agenda 2030), period and whether it is published (readable by
 * anyone).
 */
public record Strategy(long id, Long organisationId, Kind kind, String code, String nameSv, String nameEn,
		String descriptionSv, String descriptionEn, Integer periodStart, Integer periodEnd, Long derivedFromId,
		boolean published, int version, Instant updatedAt, String updatedBy) implements Serializable {

	/** A strategy of an organisation, or a reference framework shared by all. */
	public enum Kind {

		STRATEGY, FRAMEWORK

	}

	/**
	 * The name in the reader's language: English when asked for and given, else Swedish.
	 */
	public String name(Locale locale) {
		return Texts.localized(this.nameSv, this.nameEn, locale);
	}

	public boolean framework() {
		return this.kind == Kind.FRAMEWORK;
	}

	/** "2020–2030", or what part of it is known. */
	public String period() {
		if (this.periodStart == null && this.periodEnd == null) {
			return "";
		}
		return (this.periodStart == null ? "" : this.periodStart) + "–"
				+ (this.periodEnd == null ? "" : this.periodEnd);
	}

}
