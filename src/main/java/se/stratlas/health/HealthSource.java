package se.stratlas.health;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import se.stratlas.exchange.DatasetDraft;

/**
 * A source of health data (a quality register, a care system, 1177 Vårdguiden): who owns
 * it, on what legal basis it is held (GDPR art. 6 and, for health data, art. 9), how
 * often it is refreshed and whether it already has a research link.
 */
public record HealthSource(long id, long organisationId, String name, String owner, String description,
		DatasetDraft.LegalBasis legalBasis, DatasetDraft.@Nullable SpecialBasis specialBasis, String refreshFrequency,
		ResearchLink researchLink, String researchNote, @Nullable String demoNote, Instant createdAt,
		String createdBy) {

	/**
	 * Whether the source already serves research (Biobanken Norr, Registercenter Norr).
	 */
	public enum ResearchLink {

		LINKED, NOT_LINKED;

		public String messageKey() {
			return "health.researchLink." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** What a steward writes about a new source. */
	public record Draft(String name, String owner, @Nullable String description, DatasetDraft.LegalBasis legalBasis,
			DatasetDraft.@Nullable SpecialBasis specialBasis, String refreshFrequency, ResearchLink researchLink,
			@Nullable String researchNote) {
	}

}
