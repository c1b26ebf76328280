package se.stratlas.indicators.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import se.stratlas.indicators.Period;

/**
 * Request parameters of type {@link Period} ("2024", "2021T1", "2024-05"): a text that is
 * no period is a 400 that names the parameter, not a failure inside.
 */
@Component
class PeriodConverter implements Converter<String, Period> {

	@Override
	public Period convert(String source) {
		return Period.parse(source);
	}

}
