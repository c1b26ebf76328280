package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GovernanceTests {

	private static Deal deal(long id, String seller, String buyer, String price, String closed) {
		Instant at = Instant.parse(closed);
		return new Deal(id, id, 1, "Pumpstationer", 1, seller, 2, buyer, "user", new BigDecimal(price),
				Purpose.RESEARCH, at, at.plusSeconds(86400), Deal.State.SETTLED, at, at, at, at, null, "sha", 0, at);
	}

	@Test
	void oneSellerWithThreeQuartersOfTheValueMakesTheMarketHighlyConcentrated() {
		List<Deal> deals = List.of(deal(1, "Region", "A", "600", "2026-11-05T10:00:00Z"),
				deal(2, "Region", "B", "150", "2026-11-20T10:00:00Z"),
				deal(3, "Kommun", "C", "250", "2026-12-01T10:00:00Z"));
		GovernanceView.Concentration sellers = Governance.concentration(deals, Deal::seller);
		// 75 % and 25 %: 75² + 25² = 6 250.
		assertThat(sellers.hhi()).isEqualTo(6250);
		assertThat(sellers.level()).isEqualTo(GovernanceView.Level.HIGH);
		assertThat(sellers.shares()).extracting(GovernanceView.Share::party).containsExactly("Region", "Kommun");
		assertThat(sellers.shares().getFirst().percent()).isEqualByComparingTo("75.0");
		GovernanceView.Concentration buyers = Governance.concentration(deals, Deal::buyer);
		// 60, 15 and 25 %: 3 600 + 225 + 625.
		assertThat(buyers.hhi()).isEqualTo(4450);
	}

	@Test
	void twentyEqualBuyersAreUnconcentratedAndNoDealsIsNone() {
		List<Deal> deals = new ArrayList<>();
		IntStream.range(0, 20).forEach(i -> deals.add(deal(i, "Region", "Köpare " + i, "100", "2026-12-01T10:00:00Z")));
		GovernanceView.Concentration buyers = Governance.concentration(deals, Deal::buyer);
		assertThat(buyers.hhi()).isEqualTo(500);
		assertThat(buyers.level()).isEqualTo(GovernanceView.Level.UNCONCENTRATED);
		assertThat(Governance.concentration(List.of(), Deal::buyer).level()).isEqualTo(GovernanceView.Level.NONE);
		assertThat(GovernanceView.Level.of(1800, true)).isEqualTo(GovernanceView.Level.MODERATE);
	}

	@Test
	void dealsArePutInTheMonthTheyClosedInSwedenWithLowestAverageAndHighest() {
		List<GovernanceView.Month> months = Governance.months(List.of(deal(1, "R", "A", "600", "2026-11-05T10:00:00Z"),
				deal(2, "R", "B", "150", "2026-11-30T23:30:00Z"), deal(3, "R", "C", "250", "2026-12-01T10:00:00Z")));
		// 23:30 UTC on 30 November is already December in Stockholm.
		assertThat(months).extracting(m -> m.month().toString()).containsExactly("2026-11", "2026-12");
		assertThat(months.getFirst().deals()).isEqualTo(1);
		GovernanceView.Month december = months.getLast();
		assertThat(december.deals()).isEqualTo(2);
		assertThat(december.total()).isEqualByComparingTo("400");
		assertThat(december.lowest()).isEqualByComparingTo("150");
		assertThat(december.average()).isEqualByComparingTo("200");
		assertThat(december.highest()).isEqualByComparingTo("250");
	}

}
