package se.stratlas.indicators;

import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;

/**
 * What an indicator is: code, names, unit and decimals, which direction is good, its kind
 * and source (a Kolada KPI id, an SCB table and selection, own data, or a computation),
 * and whether its values are split by sex.
 */
public record IndicatorDefinition(long id, long organisationId, String code, String nameSv, String nameEn,
		String description, String unit, int decimals, Polarity polarity, Kind kind, Source source, String sourceRef,
		boolean bySex, String numerator, String denominator, Double factor, String demoNote, int version) {

	/** What a user enters for an indicator. */
	public record Draft(String code, String nameSv, String nameEn, String description, String unit, int decimals,
			Polarity polarity, Kind kind, Source source, String sourceRef, boolean bySex, String numerator,
			String denominator, Double factor) {
	}

}
