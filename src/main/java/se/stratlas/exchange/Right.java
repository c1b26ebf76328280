package se.stratlas.exchange;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the rights register: who holds ownership of or a right to use a dataset's
 * data or its metadata, on what basis, since when and until when. A transfer
 * (överlåtelse) points to the entry it came from, so the entries form a chain.
 */
public record Right(long id, long datasetId, Subject subject, Kind kind, Basis basis, String holder,
		@Nullable Long holderOrganisationId, @Nullable Long previousId, @Nullable Long dealId, String note,
		Instant validFrom, @Nullable Instant validUntil, Instant recordedAt, String recordedBy) {

	/** Whether the right holds at the instant. */
	public boolean validAt(Instant instant) {
		return !this.validFrom.isAfter(instant) && (this.validUntil == null || this.validUntil.isAfter(instant));
	}

	/** The data or its description. */
	public enum Subject {

		DATA, METADATA;

		public String messageKey() {
			return "exchange.subject." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Ownership (äganderätt) or a right of use (nyttjanderätt). */
	public enum Kind {

		OWNERSHIP, USE;

		public String messageKey() {
			return "exchange.rightKind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** How the holder came by the right. */
	public enum Basis {

		CREATED, RECEIVED, BOUGHT, LICENSED;

		public String messageKey() {
			return "exchange.basis." + name().toLowerCase(Locale.ROOT);
		}

	}

}
