package se.stratlas.strategy;

import java.util.Locale;

/** How an element of one strategy relates to an element of another. */
public enum RelationType {

	/** Contributes to ("bidrar till"): a focus area contributes to a RUS priority. */
	BIDRAR_TILL,
	/** Corresponds to ("motsvarar"): the same aim expressed in two strategies. */
	MOTSVARAR,
	/** Derives from ("härleds från"). */
	HARLEDS_FRAN,
	/** Otherwise related. */
	RELATERAD;

	public String messageKey() {
		return "relation." + name().toLowerCase(Locale.ROOT);
	}

}
