package se.stratlas.exchange;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A citizen who donates data to a dataset, known to the exchange only by a random
 * pseudonym, with every consent given and withdrawn (never deleted).
 */
public record Donor(long id, long datasetId, String pseudonym, Instant registeredAt, List<Consent> consents) {

	public Donor {
		consents = List.copyOf(consents);
	}

	/** Whether the donor's consent covered the purpose at the instant. */
	public boolean consentsTo(Purpose purpose, Instant at) {
		return this.consents.stream().anyMatch(c -> c.purpose() == purpose && c.coveredAt(at));
	}

	/** One consent for one purpose: given, and withdrawn or still standing. */
	public record Consent(long id, Purpose purpose, Instant givenAt, @Nullable Instant withdrawnAt) {

		public boolean standing() {
			return this.withdrawnAt == null;
		}

		/** Whether the consent held at the instant. */
		public boolean coveredAt(Instant at) {
			return !this.givenAt.isAfter(at) && (this.withdrawnAt == null || this.withdrawnAt.isAfter(at));
		}

	}

}
