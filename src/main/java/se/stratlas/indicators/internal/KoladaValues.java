package se.stratlas.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.KoladaClient;

/**
 * Kolada's answer format: the values of an answer (or of a file saved from one), read as
 * a tree or streamed, each problem named with its JSON path; Kolada's area codes and
 * missing-value markers.
 */
public final class KoladaValues {

	private KoladaValues() {
	}

	/**
	 * The values of one Kolada answer (or a file saved from one): {@code where} names the
	 * URL or file in error messages, which also give the JSON path.
	 */
	public static List<KoladaClient.KoladaValue> values(JsonNode body, String where) {
		JsonNode rows = body.path("values");
		if (!rows.isArray()) {
			throw new KoladaClient.KoladaException(where + " $.values: expected an array");
		}
		List<KoladaClient.KoladaValue> values = new ArrayList<>(rows.size() * 3);
		int index = -1;
		for (JsonNode node : rows) {
			index++;
			String area = text(node, "municipality");
			JsonNode period = node.path("period");
			if (area == null || period.isMissingNode() || period.isNull()) {
				throw new KoladaClient.KoladaException(
						where + " " + path(index) + ": expected \"municipality\" and \"period\"");
			}
			int year;
			try {
				year = period.isNumber() ? period.asInt() : Integer.parseInt(period.asString().strip());
			}
			catch (NumberFormatException ex) {
				throw new KoladaClient.KoladaException(
						where + " " + path(index) + ".period: \"" + period.asString() + "\" is not a year");
			}
			// Per row, not per value: the KPI and the area are the same for all three
			// sexes.
			String kpi = text(node, "kpi");
			String areaCode = fromKolada(area);
			int entry = -1;
			for (JsonNode value : node.path("values")) {
				entry++;
				Sex sex = parseSex(text(value, "gender"));
				if (sex == null) {
					throw new KoladaClient.KoladaException(
							where + " " + path(index) + ".values[" + entry + "].gender: expected T, K or M");
				}
				JsonNode number = value.path("value");
				if (!number.isNumber() && !number.isNull() && !number.isMissingNode()) {
					throw new KoladaClient.KoladaException(
							where + " " + path(index) + ".values[" + entry + "].value: expected a number or null");
				}
				Double amount = number.isNumber() ? number.asDouble() : null;
				Missing missing = amount == null ? missing(text(value, "status")) : null;
				values.add(new KoladaClient.KoladaValue(kpi, areaCode, year, sex, amount, missing));
			}
		}
		return values;
	}

	/**
	 * Reads a Kolada answer (or a file saved from one) as a stream, handing each value to
	 * {@code sink} as soon as it is read, so that storing can start before the whole
	 * answer is parsed. Errors name {@code where} and the JSON path, as {@link #values}
	 * does. Returns the {@code next_url} (or {@code next_page}) of the answer, if any.
	 */
	public static String stream(JsonParser parser, String where, Consumer<KoladaClient.KoladaValue> sink) {
		JsonToken token = parser.nextToken();
		if (token != JsonToken.START_OBJECT) {
			throw new KoladaClient.KoladaException(where + " $: expected an object");
		}
		String next = null;
		boolean sawValues = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			token = parser.nextToken();
			if ("values".equals(name)) {
				if (token != JsonToken.START_ARRAY) {
					throw new KoladaClient.KoladaException(where + " $.values: expected an array");
				}
				sawValues = true;
				int index = 0;
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					row(parser, where, index++, sink);
				}
			}
			else if (("next_url".equals(name) || "next_page".equals(name)) && token == JsonToken.VALUE_STRING) {
				next = parser.getString();
			}
			else {
				parser.skipChildren();
			}
		}
		if (!sawValues) {
			throw new KoladaClient.KoladaException(where + " $.values: expected an array");
		}
		return next;
	}

	private record Entry(String gender, Double value, boolean number, String status) {
	}

	private static void row(JsonParser parser, String where, int index, Consumer<KoladaClient.KoladaValue> sink) {
		String kpi = null;
		String area = null;
		Integer year = null;
		String badYear = null;
		List<Entry> entries = new ArrayList<>(3);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (name) {
				case "kpi" -> kpi = token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
				case "municipality" -> area = token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
				case "period" -> {
					if (token == JsonToken.VALUE_NUMBER_INT) {
						year = parser.getIntValue();
					}
					else if (token == JsonToken.VALUE_STRING) {
						try {
							year = Integer.parseInt(parser.getString().strip());
						}
						catch (NumberFormatException ex) {
							badYear = parser.getString();
						}
					}
				}
				case "values" -> {
					if (token != JsonToken.START_ARRAY) {
						parser.skipChildren();
						break;
					}
					int entry = 0;
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						String gender = null;
						Double value = null;
						boolean number = false;
						boolean valid = true;
						String status = null;
						while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
							String field = parser.currentName();
							JsonToken t = parser.nextToken();
							switch (field) {
								case "gender" -> gender = t == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
								case "value" -> {
									if (t.isNumeric()) {
										value = parser.getDoubleValue();
										number = true;
									}
									else if (t != JsonToken.VALUE_NULL) {
										valid = false;
										parser.skipChildren();
									}
								}
								case "status" -> status = t == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
								default -> parser.skipChildren();
							}
						}
						if (!valid) {
							throw new KoladaClient.KoladaException(where + " " + path(index) + ".values[" + entry
									+ "].value: expected a number or null");
						}
						entries.add(new Entry(gender, value, number, status));
						entry++;
					}
				}
				default -> parser.skipChildren();
			}
		}
		if (badYear != null) {
			throw new KoladaClient.KoladaException(
					where + " " + path(index) + ".period: \"" + badYear + "\" is not a year");
		}
		if (area == null || year == null) {
			throw new KoladaClient.KoladaException(
					where + " " + path(index) + ": expected \"municipality\" and \"period\"");
		}
		String areaCode = fromKolada(area);
		for (int e = 0; e < entries.size(); e++) {
			Entry entry = entries.get(e);
			Sex sex = parseSex(entry.gender());
			if (sex == null) {
				throw new KoladaClient.KoladaException(
						where + " " + path(index) + ".values[" + e + "].gender: expected T, K or M");
			}
			sink.accept(new KoladaClient.KoladaValue(kpi, areaCode, year, sex, entry.value(),
					entry.number() ? null : missing(entry.status())));
		}
	}

	private static String path(int index) {
		return "$.values[" + index + "]";
	}

	/** Kolada's genders, the common ones without a detour. */
	private static Sex parseSex(String gender) {
		if (gender == null) {
			return null;
		}
		return switch (gender) {
			case "T" -> Sex.T;
			case "K" -> Sex.K;
			case "M" -> Sex.M;
			default -> Sex.parse(gender).orElse(null);
		};
	}

	private static Missing missing(String status) {
		if (status == null) {
			return Missing.SAKNAS;
		}
		return switch (status.strip()) {
			case "..", "Secret", "sekretess" -> Missing.SEKRETESS;
			case ".", "NotApplicable", "ej tillämplig" -> Missing.EJ_TILLAMPLIG;
			default -> Missing.SAKNAS;
		};
	}

	public static String fromKolada(String areaCode) {
		return areaCode.length() == 4 && areaCode.startsWith("00") && !"0000".equals(areaCode) ? areaCode.substring(2)
				: areaCode;
	}

	public static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

}
