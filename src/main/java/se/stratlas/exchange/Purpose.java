package se.stratlas.exchange;

import java.util.Locale;

/**
 * What a buyer may use data for: the purposes a listing's policy permits and a bidder
 * states. Written into the ODRL policy as the {@code purpose} constraint's values.
 */
public enum Purpose {

	RESEARCH, PUBLIC_SERVICE, PLANNING, STATISTICS, PRODUCT_DEVELOPMENT, COMMERCIAL_SERVICE, MARKETING;

	public String messageKey() {
		return "exchange.purpose." + name().toLowerCase(Locale.ROOT);
	}

	/** The value in the ODRL policy. */
	public String odrl() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
