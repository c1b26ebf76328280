package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A bid on a listing. Its id is the order in which the exchange received it, which breaks
 * a tie: the earlier bid wins.
 */
public record Bid(long id, long listingId, long organisationId, String bidder, String username, Purpose purpose,
		BigDecimal amount, Instant placedAt) {
}
