package se.stratlas.exchange;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTests {

	private static final Distribution EQUAL = new Distribution(7, new BigDecimal("70"), new BigDecimal("20"),
			new BigDecimal("10"), Distribution.Kickback.EQUAL_PER_DONOR, null, Distribution.Pricing.REVENUE_SHARE);

	private static BigDecimal sum(List<Distribution.Share> shares) {
		return shares.stream().map(Distribution.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal of(List<Distribution.Share> shares, String account) {
		return shares.stream()
			.filter(s -> s.account().equals(account))
			.map(Distribution.Share::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void eachDonorGetsTheSameWholeOreAndWhatCannotBeSplitGoesToTheFund() {
		List<Distribution.Share> shares = EQUAL.payOut(Distribution.Pricing.REVENUE_SHARE, new BigDecimal("1000"), 1, 2,
				List.of("DN-A", "DN-B", "DN-C"), true);

		assertThat(sum(shares)).isEqualByComparingTo("1000");
		assertThat(of(shares, "seller:1")).isEqualByComparingTo("700");
		assertThat(of(shares, Distribution.EXCHANGE)).isEqualByComparingTo("100");
		assertThat(of(shares, "donors:7/donor:DN-A")).isEqualByComparingTo("66.66");
		assertThat(of(shares, "donors:7/donor:DN-C")).isEqualByComparingTo("66.66");
		assertThat(of(shares, "fund:7")).isEqualByComparingTo("0.02");
	}

	@Test
	void withoutCoveredDonorsTheDonorsShareGoesToTheFund() {
		List<Distribution.Share> shares = EQUAL.payOut(Distribution.Pricing.REVENUE_SHARE, new BigDecimal("999.99"), 1,
				2, List.of(), true);

		assertThat(sum(shares)).isEqualByComparingTo("999.99");
		assertThat(of(shares, "fund:7")).isEqualByComparingTo("200.00");
	}

	@Test
	void aFixedPriceGoesWhollyToTheProvider() {
		assertThat(EQUAL.payOut(Distribution.Pricing.FIXED_PRICE, new BigDecimal("1000"), 1, 2, List.of("DN-A"), true))
			.containsExactly(new Distribution.Share("seller:1", new BigDecimal("1000")));
	}

	@Test
	void anOutcomeNotMetSendsTheBonusBackToTheBuyer() {
		List<Distribution.Share> met = EQUAL.payOut(Distribution.Pricing.OUTCOME_BASED, new BigDecimal("1000"), 1, 2,
				List.of("DN-A"), true);
		List<Distribution.Share> missed = EQUAL.payOut(Distribution.Pricing.OUTCOME_BASED, new BigDecimal("1000"), 1, 2,
				List.of("DN-A"), false);

		assertThat(of(met, "seller:1")).isEqualByComparingTo("700");
		assertThat(of(missed, "buyer:2")).isEqualByComparingTo("500");
		assertThat(of(missed, "seller:1")).isEqualByComparingTo("350");
		assertThat(of(missed, "donors:7/donor:DN-A")).isEqualByComparingTo("100");
		assertThat(sum(missed)).isEqualByComparingTo("1000");
	}

}
