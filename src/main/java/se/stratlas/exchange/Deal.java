package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A closed deal: the parties, the price, the purpose and the licence period, and where
 * payment and delivery stand. Payment is held by the exchange until the buyer has
 * validated the delivery and the seller the payment; then the deal is settled.
 */
public record Deal(long id, long listingId, long datasetId, String datasetTitle, long sellerOrganisationId,
		String seller, long buyerOrganisationId, String buyer, String buyerUsername, BigDecimal price, Purpose purpose,
		Instant licenceFrom, Instant licenceUntil, State state, @Nullable Instant paidAt,
		@Nullable Instant buyerValidatedAt, @Nullable Instant sellerValidatedAt, @Nullable Instant settledAt,
		@Nullable Instant deletionAttestedAt, String contractSha256, int version, Instant createdAt) {

	/** Whether the licence holds at the instant. */
	public boolean licensedAt(Instant instant) {
		return !this.licenceFrom.isAfter(instant) && this.licenceUntil.isAfter(instant);
	}

	/** Where payment and delivery stand. */
	public enum State {

		AWAITING_PAYMENT, PAID, SETTLED, REFUNDED;

		public String messageKey() {
			return "exchange.dealState." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One line of the deal's ledger; a positive amount is a debit. */
	public record Entry(long id, String transactionId, String account, BigDecimal amount, String memo,
			Instant recordedAt) {
	}

	/**
	 * One access to the delivered data, granted or refused: a download of the file or a
	 * call of the data API (with the purpose it stated and the rows it served).
	 */
	public record Access(long id, String username, String kind, boolean granted, String reason, @Nullable String sha256,
			@Nullable Long sizeBytes, Instant accessedAt, @Nullable String purpose, @Nullable Integer rows) {
	}

}
