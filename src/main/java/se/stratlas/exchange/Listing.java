package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A dataset's file offered for sale: the licence as an ODRL policy (permitted purposes,
 * duration, onward sale, for delivery through the API the volume a day), the auction, its
 * reserve price and deadline, and once closed the winning bid and the price.
 */
public record Listing(long id, long organisationId, String seller, long datasetId, String datasetTitle, long fileId,
		Auction auction, BigDecimal reservePrice, BigDecimal minIncrement, List<Purpose> purposes, int licenceDays,
		boolean onwardSale, Delivery delivery, String specificTerms, Instant opensAt, Instant closesAt,
		int extensionMinutes, State state, @Nullable Instant closedAt, @Nullable Long winningBidId,
		@Nullable BigDecimal price, @Nullable String demoNote, int version, @Nullable Volume volume) {

	public Listing {
		purposes = List.copyOf(purposes);
	}

	public boolean open() {
		return this.state == State.OPEN;
	}

	/** How the listing is sold. */
	public enum Auction {

		/**
		 * Bids are hidden; the highest wins and pays the second highest (at least the
		 * reserve price). A bidder's latest bid counts.
		 */
		SEALED_SECOND_PRICE,
		/**
		 * Bids are seen; each must beat the highest by the increment; the highest pays
		 * its bid; a bid in the last minutes extends the deadline.
		 */
		OPEN_ASCENDING;

		public String messageKey() {
			return "exchange.auction." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where the listing is. */
	public enum State {

		OPEN, SOLD, UNSOLD, WITHDRAWN;

		public String messageKey() {
			return "exchange.listingState." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** How the data reaches the buyer. */
	public enum Delivery {

		FILE, API;

		public String messageKey() {
			return "exchange.delivery." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * How much the buyer may fetch a day through the data API: a number of rows or of
	 * requests.
	 */
	public record Volume(int limit, Unit unit) {

		/** What the limit counts, a day. */
		public enum Unit {

			ROWS_PER_DAY, REQUESTS_PER_DAY;

			public String messageKey() {
				return "exchange.volume." + name().toLowerCase(Locale.ROOT);
			}

		}

	}

}
