package se.stratlas.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A listing as one user sees it: the dataset's description, schema and sample, the bids
 * they may see, the number of bids, the highest and the least next bid where the auction
 * shows them, bidders by number (not by name) until the close, the winner once closed,
 * and what the user may do.
 */
public record ListingView(Listing listing, Dataset dataset, List<List<String>> sample, List<Bid> bids, int bidCount,
		@Nullable BigDecimal highest, @Nullable BigDecimal leastNext, Map<Long, Integer> bidderNumbers,
		@Nullable Bid winner, boolean seller, boolean mayBid, boolean mayWithdraw, boolean rulebookAccepted,
		String policy) {

	public ListingView {
		sample = List.copyOf(sample);
		bids = List.copyOf(bids);
		bidderNumbers = Map.copyOf(bidderNumbers);
	}

	/** The number a bidder goes by on the listing's page. */
	public int bidderNumber(Bid bid) {
		return this.bidderNumbers.getOrDefault(bid.organisationId(), 0);
	}

}
