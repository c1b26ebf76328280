package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rights register as open data: every dataset with its rights and deals, and no
 * personal data. A holder that is not an organisation of the instance (a person, say the
 * citizen who owns a sensor) is not named; buyers are named by organisation, never by
 * user.
 */
public record RegisterExport(Instant exportedAt, List<Entry> datasets) {

	public RegisterExport {
		datasets = List.copyOf(datasets);
	}

	/** One dataset with its rights and deals. */
	public record Entry(long id, String title, String provider, String theme, boolean openData,
			@Nullable String licence, Dataset.PersonalData personalData, Dataset.Provenance provenance,
			List<RightEntry> rights, List<DealEntry> deals) {

		public Entry {
			rights = List.copyOf(rights);
			deals = List.copyOf(deals);
		}

	}

	/** One entry of the register; the holder is null when it is not an organisation. */
	public record RightEntry(long id, Right.Subject subject, Right.Kind kind, Right.Basis basis,
			@Nullable String holder, @Nullable Long previousId, @Nullable Long dealId, Instant validFrom,
			@Nullable Instant validUntil) {
	}

	/**
	 * One deal: the parties (organisations), price, purpose, state and licence period.
	 */
	public record DealEntry(long id, String seller, String buyer, BigDecimal price, Purpose purpose, Deal.State state,
			Instant closedAt, Instant licenceFrom, Instant licenceUntil) {
	}

}
