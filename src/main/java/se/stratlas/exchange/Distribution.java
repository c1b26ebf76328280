package se.stratlas.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A dataset's distribution rule (seed 000, D16 and D18): the shares in percent of a
 * deal's price to the provider, the donors and the exchange (the region), summing to 100;
 * how the donors' share reaches them (the same amount to each donor whose consent covered
 * the deal, or a fund for their collective benefit with a stated purpose); and the
 * pricing variant that settlement applies. The rule is data: one computation
 * ({@link #payOut}) serves settlement and the comparison of the variants.
 */
public record Distribution(long datasetId, BigDecimal providerPct, BigDecimal donorsPct, BigDecimal exchangePct,
		Kickback kickback, @Nullable String fundPurpose, Pricing pricing) {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/**
	 * The part of the price that depends on the outcome under
	 * {@link Pricing#OUTCOME_BASED}.
	 */
	public static final BigDecimal BONUS_PART = new BigDecimal("0.5");

	/** The exchange's (the region's) account. */
	public static final String EXCHANGE = "exchange";

	/** How the donors' share reaches the donors. */
	public enum Kickback {

		/**
		 * The donors' share split equally among the donors whose consent covered the
		 * deal.
		 */
		EQUAL_PER_DONOR,
		/** The donors' share paid to a fund for the donors' collective benefit. */
		COLLECTIVE_FUND;

		public String messageKey() {
			return "exchange.kickback." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * How the price is shared. FIXED_PRICE: the whole price to the provider.
	 * REVENUE_SHARE: the price by the shares. OUTCOME_BASED: half the price by the shares
	 * at once; the other half, the bonus, by the shares if the stated outcome was met
	 * (the buyer took delivery: at least one granted download before settlement),
	 * otherwise back to the buyer.
	 */
	public enum Pricing {

		FIXED_PRICE, REVENUE_SHARE, OUTCOME_BASED;

		public String messageKey() {
			return "exchange.pricing." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** An amount to one account. */
	public record Share(String account, BigDecimal amount) {
	}

	public static String sellerAccount(long organisationId) {
		return "seller:" + organisationId;
	}

	public static String buyerAccount(long organisationId) {
		return "buyer:" + organisationId;
	}

	public static String donorAccount(long datasetId, String pseudonym) {
		return "donors:" + datasetId + "/donor:" + pseudonym;
	}

	public static String fundAccount(long datasetId) {
		return "fund:" + datasetId;
	}

	/**
	 * What each account gets of the price under the variant: the provider's and the
	 * exchange's shares are rounded to the öre, the donors get the rest; split equally,
	 * each donor gets the same whole öre and what cannot be split goes to the fund. With
	 * no donor covered, the donors' share goes to the fund. The amounts sum to the price.
	 */
	public List<Share> payOut(Pricing variant, BigDecimal price, long sellerOrganisationId, long buyerOrganisationId,
			List<String> pseudonyms, boolean outcomeMet) {
		List<Share> shares = new ArrayList<>();
		if (variant == Pricing.FIXED_PRICE) {
			shares.add(new Share(sellerAccount(sellerOrganisationId), price));
			return shares;
		}
		BigDecimal shared = price;
		if (variant == Pricing.OUTCOME_BASED && !outcomeMet) {
			BigDecimal bonus = price.multiply(BONUS_PART).setScale(2, RoundingMode.HALF_EVEN);
			shares.add(new Share(buyerAccount(buyerOrganisationId), bonus));
			shared = price.subtract(bonus);
		}
		BigDecimal provider = part(shared, this.providerPct);
		BigDecimal exchange = part(shared, this.exchangePct);
		BigDecimal donors = shared.subtract(provider).subtract(exchange);
		shares.add(new Share(sellerAccount(sellerOrganisationId), provider));
		shares.add(new Share(EXCHANGE, exchange));
		if (this.kickback == Kickback.EQUAL_PER_DONOR && !pseudonyms.isEmpty()) {
			BigDecimal each = donors.divide(BigDecimal.valueOf(pseudonyms.size()), 2, RoundingMode.DOWN);
			for (String pseudonym : pseudonyms) {
				shares.add(new Share(donorAccount(this.datasetId, pseudonym), each));
			}
			donors = donors.subtract(each.multiply(BigDecimal.valueOf(pseudonyms.size())));
		}
		if (donors.signum() != 0) {
			shares.add(new Share(fundAccount(this.datasetId), donors));
		}
		return shares.stream().filter(s -> s.amount().signum() != 0).toList();
	}

	private static BigDecimal part(BigDecimal amount, BigDecimal pct) {
		return amount.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
	}

}
