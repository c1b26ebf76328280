package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an auction picks its winner and price, and breaks a tie. */
class AuctionRulesTests {

	private static Listing listing(Listing.Auction auction, String reserve) {
		return new Listing(1, 1, "Region", 1, "Data", 1, auction, new BigDecimal(reserve), BigDecimal.TEN,
				List.of(Purpose.RESEARCH), 365, false, Listing.Delivery.FILE, "", Instant.EPOCH, Instant.EPOCH, 0,
				Listing.State.OPEN, null, null, null, null, 0, null);
	}

	private static Bid bid(long id, long organisation, String amount) {
		return new Bid(id, 1, organisation, "Org " + organisation, "u" + organisation, Purpose.RESEARCH,
				new BigDecimal(amount), Instant.EPOCH);
	}

	/** As the repository gives them: highest first, then in the order received. */
	private static List<Bid> ordered(Bid... bids) {
		return java.util.Arrays.stream(bids)
			.sorted(java.util.Comparator.comparing(Bid::amount).reversed().thenComparing(Bid::id))
			.toList();
	}

	@Test
	void aSealedAuctionCountsEachBiddersLatestBidAndTheWinnerPaysTheSecondPrice() {
		Listing sealed = listing(Listing.Auction.SEALED_SECOND_PRICE, "100");
		// Organisation 2 first bid 900, then lowered to 300: its latest counts.
		List<Bid> standing = Auctions.standing(sealed,
				ordered(bid(1, 1, "500"), bid(2, 2, "900"), bid(3, 3, "400"), bid(4, 2, "300")));

		assertThat(standing).extracting(Bid::id).containsExactly(1L, 3L, 4L);
		assertThat(Auctions.price(sealed, standing)).isEqualByComparingTo("400");
	}

	@Test
	void atTheSameAmountTheBidReceivedFirstWinsAndPaysThatAmount() {
		Listing sealed = listing(Listing.Auction.SEALED_SECOND_PRICE, "100");
		List<Bid> standing = Auctions.standing(sealed, ordered(bid(7, 1, "500"), bid(5, 2, "500"), bid(9, 3, "200")));

		assertThat(standing.getFirst().id()).isEqualTo(5);
		assertThat(Auctions.price(sealed, standing)).isEqualByComparingTo("500");
	}

	@Test
	void aLoneSealedBidPaysTheReservePriceAndTheSecondPriceIsNeverUnderIt() {
		Listing sealed = listing(Listing.Auction.SEALED_SECOND_PRICE, "250");

		assertThat(Auctions.price(sealed, List.of(bid(1, 1, "900")))).isEqualByComparingTo("250");
		assertThat(Auctions.price(sealed, List.of(bid(1, 1, "900"), bid(2, 2, "260")))).isEqualByComparingTo("260");
	}

	@Test
	void theOpenAuctionsHighestBidPaysItsOwnBid() {
		Listing open = listing(Listing.Auction.OPEN_ASCENDING, "100");
		List<Bid> bids = ordered(bid(1, 1, "500"), bid(2, 2, "700"), bid(3, 1, "900"));

		assertThat(Auctions.standing(open, bids)).hasSize(3);
		assertThat(Auctions.price(open, Auctions.standing(open, bids))).isEqualByComparingTo("900");
	}

}
