package se.stratlas.system.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Dates in forms and request parameters are real ISO dates with four-digit years
 * (2024-02-29, never 2024-02-30 quietly made into the 29th, never 99999-01-01); anything
 * else is a 400 that names the field. Spring's default reads a date leniently in the
 * locale's short style, which let through both of those. What range a stored date may
 * have is the domain's rule (1900–2200 for an initiative's dates, see shared.Bounds).
 */
@Component
class StrictDates implements Converter<String, LocalDate> {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE
		.withResolverStyle(ResolverStyle.STRICT);

	@Override
	public LocalDate convert(String source) {
		String text = source.strip();
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text, ISO);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("\"" + text + "\" is not a real date (YYYY-MM-DD)");
		}
		return date;
	}

}
