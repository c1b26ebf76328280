package se.stratlas.indicators;

import org.jspecify.annotations.Nullable;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.shared.Texts;

import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an indicator is: code, names, unit and decimals, which direction is good, its kind
 * and source (a Kolada KPI id, an SCB table and selection, own data, or a computation),
 * and whether its values are split by sex.
 */
public record IndicatorDefinition(long id, long organisationId, String code, String nameSv, String nameEn,
		String description, String unit, int decimals, Polarity polarity, Kind kind, Source source, String sourceRef,
		boolean bySex, String numerator, String denominator, Double factor, String demoNote, int version) {

	/**
	 * The name in the reader's language: English when asked for and given, else Swedish.
	 */
	public String name(Locale locale) {
		return Texts.localized(this.nameSv, this.nameEn, locale);
	}

	/** The definition as a form shows it. */
	public Draft draft() {
		return new Draft(this.code, this.nameSv, this.nameEn, this.description, this.unit, this.decimals, this.polarity,
				this.kind, this.source, this.sourceRef, this.bySex, this.numerator, this.denominator, this.factor);
	}

	/** What a user enters for an indicator. */
	@Schema(name = "IndicatorDraft")
	public record Draft(String code, String nameSv, @Nullable String nameEn, @Nullable String description,
			@Nullable String unit, int decimals, Polarity polarity, Kind kind, Source source,
			@Nullable String sourceRef, boolean bySex, @Nullable String numerator, @Nullable String denominator,
			@Nullable Double factor) {
	}

}
