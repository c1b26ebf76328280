package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The exchange as its administrator oversees it (seed 000's D11 and D17): who holds which
 * rights over which data, deals and prices month by month, how concentrated the buyers
 * and the sellers are, and whether the ledger balances.
 */
public record GovernanceView(List<Holder> holders, List<Month> months, Concentration sellers, Concentration buyers,
		List<String> unbalanced, int datasets, int deals) {

	public GovernanceView {
		holders = List.copyOf(holders);
		months = List.copyOf(months);
		unbalanced = List.copyOf(unbalanced);
	}

	/**
	 * One holder's rights in force: over how many datasets, how many entries of ownership
	 * and of use, over the data and over the metadata; the titles of the datasets.
	 */
	public record Holder(String holder, boolean organisation, int datasets, int ownership, int use, int data,
			int metadata, List<String> titles) {

		public Holder {
			titles = List.copyOf(titles);
		}

	}

	/** One month's deals (refunded ones left out): how many, their sum and prices. */
	public record Month(YearMonth month, int deals, BigDecimal total, BigDecimal lowest, BigDecimal average,
			BigDecimal highest) {
	}

	/**
	 * The parties of one side with their shares of the deals' value, and the
	 * Herfindahl–Hirschman index: the sum of the squared shares in percent, from near 0
	 * (many small parties) to 10 000 (one party has it all).
	 */
	public record Concentration(List<Share> shares, int hhi, Level level) {

		public Concentration {
			shares = List.copyOf(shares);
		}

	}

	/** One party's deals, their value and its share of the side's value in percent. */
	public record Share(String party, int deals, BigDecimal amount, BigDecimal percent) {
	}

	/**
	 * What the index means, with the thresholds of the US merger guidelines of 2023:
	 * below 1 000 unconcentrated, 1 000–1 800 moderately concentrated, above 1 800 highly
	 * concentrated. NONE: no deals yet.
	 */
	public enum Level {

		NONE, UNCONCENTRATED, MODERATE, HIGH;

		public static Level of(int hhi, boolean any) {
			return !any ? NONE : hhi < 1000 ? UNCONCENTRATED : hhi <= 1800 ? MODERATE : HIGH;
		}

		public String messageKey() {
			return "exchange.governance.level." + name().toLowerCase(Locale.ROOT);
		}

	}

}
