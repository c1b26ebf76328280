package se.stratlas.indicators.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.stratlas.indicators.Period;
import se.stratlas.shared.web.HistoryValues;

/**
 * Periods in a history panel as people write them: a cycle's period "2021T1" reads "T1
 * 2021", a month "2024-05" reads "maj 2024".
 */
@Component
class PeriodHistoryValues implements HistoryValues {

	private static final Set<String> FIELDS = Set.of("period", "periodCode", "baselinePeriod", "fromPeriod",
			"toPeriod");

	@Override
	public Optional<String> label(String field, String value, Locale locale) {
		if (!FIELDS.contains(field)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Period.parse(value).label(locale));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
