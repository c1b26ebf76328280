package se.stratlas.indicators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;

/**
 * A client for the Kolada API (v3, tolerating the v2 shapes): KPI metadata and data per
 * KPI, area and year, following the pages. The base URL is configurable
 * ({@code stratlas.kolada.base-url}); tests point it at recorded fixtures.
 */
@Component
public class KoladaClient {

	/** At most this many years per request, as the API refuses longer lists. */
	static final int MAX_YEARS = 25;

	private final HttpClient http;

	private final JsonMapper json;

	private final String baseUrl;

	KoladaClient(JsonMapper json, @Value("${stratlas.kolada.base-url:https://api.kolada.se/v3}") String baseUrl) {
		this.json = json;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** A KPI's metadata. */
	public record Kpi(String id, String title, String description, String unit, boolean dividedByGender,
			String municipalityType) {
	}

	/**
	 * One value as Kolada gives it; {@code areaCode} is already Stratlas's (a region
	 * "0020" becomes "20", Sweden stays "0000").
	 */
	public record KoladaValue(String kpi, String areaCode, int year, Sex sex, Double value, Missing missing) {
	}

	/**
	 * Kolada answered with something Stratlas cannot use: where (URL and JSON path) and
	 * what.
	 */
	public static class KoladaException extends RuntimeException {

		KoladaException(String message) {
			super(message);
		}

	}

	public List<Kpi> kpis(List<String> ids) {
		List<Kpi> kpis = new ArrayList<>();
		for (JsonNode node : pages(this.baseUrl + "/kpi/" + String.join(",", ids))) {
			kpis.add(
					new Kpi(text(node, "id"), text(node, "title"), text(node, "description"), text(node, "unit"),
							node.path("is_divided_by_gender").asBoolean(false)
									|| node.path("is_divided_by_gender").asInt(0) == 1,
							text(node, "municipality_type")));
		}
		return kpis;
	}

	/** The values of a KPI for the areas (Stratlas codes) and years given. */
	public List<KoladaValue> data(String kpi, List<String> areaCodes, List<Integer> years) {
		return data(kpi, areaCodes, years, (done, total, read) -> {
		});
	}

	/** Told after each page: requests done, requests known so far, values read. */
	public interface Progress {

		void page(int done, int total, int valuesRead);

	}

	/** As {@link #data(String, List, List)}, telling {@code progress} after each page. */
	public List<KoladaValue> data(String kpi, List<String> areaCodes, List<Integer> years, Progress progress) {
		List<KoladaValue> values = new ArrayList<>();
		data(kpi, areaCodes, years, progress, values::add);
		return values;
	}

	/**
	 * As {@link #data(String, List, List, Progress)}, handing each value to {@code sink}
	 * as soon as it is read from the answer (pages are parsed as they stream in).
	 */
	public void data(String kpi, List<String> areaCodes, List<Integer> years, Progress progress,
			java.util.function.Consumer<KoladaValue> sink) {
		List<String> koladaAreas = areaCodes.stream().map(KoladaClient::toKolada).toList();
		int[] read = { 0 };
		java.util.function.Consumer<KoladaValue> counting = value -> {
			read[0]++;
			sink.accept(value);
		};
		for (int from = 0; from < years.size(); from += MAX_YEARS) {
			List<Integer> chunk = years.subList(from, Math.min(years.size(), from + MAX_YEARS));
			String url = this.baseUrl + "/data/kpi/" + kpi + "/municipality/" + String.join(",", koladaAreas) + "/year/"
					+ String.join(",", chunk.stream().map(String::valueOf).toList());
			String next = url;
			int chunks = (years.size() + MAX_YEARS - 1) / MAX_YEARS;
			int done = 0;
			while (next != null && !next.isBlank()) {
				String following = streamPage(next, counting);
				done++;
				progress.page(from / MAX_YEARS * 1 + done, chunks + (following == null ? 0 : 1) + done - 1, read[0]);
				next = following;
				if (done > 1000) {
					throw new KoladaException(url + ": more than 1000 pages");
				}
			}
		}
	}

	/** Fetches one page and streams its values; returns the next page's URL, if any. */
	private String streamPage(String url, java.util.function.Consumer<KoladaValue> sink) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<java.io.InputStream> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofInputStream());
			try (java.io.InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new KoladaException(url + ": Kolada answered HTTP " + response.statusCode());
				}
				try (tools.jackson.core.JsonParser parser = this.json.createParser(body)) {
					return stream(parser, url, sink);
				}
				catch (tools.jackson.core.JacksonException ex) {
					throw new KoladaException(url + ": the answer is not JSON (" + Texts.firstLine(ex) + ")");
				}
			}
		}
		catch (IOException ex) {
			throw new KoladaException(url + ": " + (ex.getMessage() == null
					? "Kolada could not be reached (" + ex.getClass().getSimpleName() + ")" : ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KoladaException(url + ": interrupted");
		}
	}

	/**
	 * The values of one Kolada answer (or a file saved from one): {@code where} names the
	 * URL or file in error messages, which also give the JSON path.
	 */
	public static List<KoladaValue> values(JsonNode body, String where) {
		JsonNode rows = body.path("values");
		if (!rows.isArray()) {
			throw new KoladaException(where + " $.values: expected an array");
		}
		List<KoladaValue> values = new ArrayList<>(rows.size() * 3);
		int index = -1;
		for (JsonNode node : rows) {
			index++;
			String area = text(node, "municipality");
			JsonNode period = node.path("period");
			if (area == null || period.isMissingNode() || period.isNull()) {
				throw new KoladaException(where + " " + path(index) + ": expected \"municipality\" and \"period\"");
			}
			int year;
			try {
				year = period.isNumber() ? period.asInt() : Integer.parseInt(period.asString().strip());
			}
			catch (NumberFormatException ex) {
				throw new KoladaException(
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
					throw new KoladaException(
							where + " " + path(index) + ".values[" + entry + "].gender: expected T, K or M");
				}
				JsonNode number = value.path("value");
				if (!number.isNumber() && !number.isNull() && !number.isMissingNode()) {
					throw new KoladaException(
							where + " " + path(index) + ".values[" + entry + "].value: expected a number or null");
				}
				Double amount = number.isNumber() ? number.asDouble() : null;
				Missing missing = amount == null ? missing(text(value, "status")) : null;
				values.add(new KoladaValue(kpi, areaCode, year, sex, amount, missing));
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
	public static String stream(tools.jackson.core.JsonParser parser, String where,
			java.util.function.Consumer<KoladaValue> sink) {
		tools.jackson.core.JsonToken token = parser.nextToken();
		if (token != tools.jackson.core.JsonToken.START_OBJECT) {
			throw new KoladaException(where + " $: expected an object");
		}
		String next = null;
		boolean sawValues = false;
		while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			token = parser.nextToken();
			if ("values".equals(name)) {
				if (token != tools.jackson.core.JsonToken.START_ARRAY) {
					throw new KoladaException(where + " $.values: expected an array");
				}
				sawValues = true;
				int index = 0;
				while (parser.nextToken() == tools.jackson.core.JsonToken.START_OBJECT) {
					row(parser, where, index++, sink);
				}
			}
			else if (("next_url".equals(name) || "next_page".equals(name))
					&& token == tools.jackson.core.JsonToken.VALUE_STRING) {
				next = parser.getString();
			}
			else {
				parser.skipChildren();
			}
		}
		if (!sawValues) {
			throw new KoladaException(where + " $.values: expected an array");
		}
		return next;
	}

	private record Entry(String gender, Double value, boolean number, String status) {
	}

	private static void row(tools.jackson.core.JsonParser parser, String where, int index,
			java.util.function.Consumer<KoladaValue> sink) {
		String kpi = null;
		String area = null;
		Integer year = null;
		String badYear = null;
		List<Entry> entries = new ArrayList<>(3);
		while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			tools.jackson.core.JsonToken token = parser.nextToken();
			switch (name) {
				case "kpi" -> kpi = token == tools.jackson.core.JsonToken.VALUE_NULL ? null : parser.getValueAsString();
				case "municipality" ->
					area = token == tools.jackson.core.JsonToken.VALUE_NULL ? null : parser.getValueAsString();
				case "period" -> {
					if (token == tools.jackson.core.JsonToken.VALUE_NUMBER_INT) {
						year = parser.getIntValue();
					}
					else if (token == tools.jackson.core.JsonToken.VALUE_STRING) {
						try {
							year = Integer.parseInt(parser.getString().strip());
						}
						catch (NumberFormatException ex) {
							badYear = parser.getString();
						}
					}
				}
				case "values" -> {
					if (token != tools.jackson.core.JsonToken.START_ARRAY) {
						parser.skipChildren();
						break;
					}
					int entry = 0;
					while (parser.nextToken() == tools.jackson.core.JsonToken.START_OBJECT) {
						String gender = null;
						Double value = null;
						boolean number = false;
						boolean valid = true;
						String status = null;
						while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
							String field = parser.currentName();
							tools.jackson.core.JsonToken t = parser.nextToken();
							switch (field) {
								case "gender" -> gender = t == tools.jackson.core.JsonToken.VALUE_NULL ? null
										: parser.getValueAsString();
								case "value" -> {
									if (t.isNumeric()) {
										value = parser.getDoubleValue();
										number = true;
									}
									else if (t != tools.jackson.core.JsonToken.VALUE_NULL) {
										valid = false;
										parser.skipChildren();
									}
								}
								case "status" -> status = t == tools.jackson.core.JsonToken.VALUE_NULL ? null
										: parser.getValueAsString();
								default -> parser.skipChildren();
							}
						}
						if (!valid) {
							throw new KoladaException(where + " " + path(index) + ".values[" + entry
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
			throw new KoladaException(where + " " + path(index) + ".period: \"" + badYear + "\" is not a year");
		}
		if (area == null || year == null) {
			throw new KoladaException(where + " " + path(index) + ": expected \"municipality\" and \"period\"");
		}
		String areaCode = fromKolada(area);
		for (int e = 0; e < entries.size(); e++) {
			Entry entry = entries.get(e);
			Sex sex = parseSex(entry.gender());
			if (sex == null) {
				throw new KoladaException(where + " " + path(index) + ".values[" + e + "].gender: expected T, K or M");
			}
			sink.accept(new KoladaValue(kpi, areaCode, year, sex, entry.value(),
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

	private List<JsonNode> pages(String firstUrl) {
		List<JsonNode> nodes = new ArrayList<>();
		String url = firstUrl;
		int pages = 0;
		while (url != null && !url.isBlank()) {
			if (++pages > 1000) {
				throw new KoladaException(firstUrl + ": more than 1000 pages");
			}
			JsonNode body = get(url);
			JsonNode values = body.path("values");
			if (!values.isArray()) {
				throw new KoladaException(url + " $.values: expected an array");
			}
			values.forEach(nodes::add);
			String next = text(body, "next_url");
			url = next != null ? next : text(body, "next_page");
		}
		return nodes;
	}

	private JsonNode get(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new KoladaException(url + ": Kolada answered HTTP " + response.statusCode());
			}
			try {
				return this.json.readTree(response.body());
			}
			catch (RuntimeException ex) {
				throw new KoladaException(url + ": the answer is not JSON (" + ex.getMessage() + ")");
			}
		}
		catch (IOException ex) {
			throw new KoladaException(url + ": " + (ex.getMessage() == null
					? "Kolada could not be reached (" + ex.getClass().getSimpleName() + ")" : ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KoladaException(url + ": interrupted");
		}
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

	/**
	 * Stratlas's county code "20" is Kolada's region "0020"; municipalities and Sweden
	 * are the same.
	 */
	static String toKolada(String areaCode) {
		return areaCode.length() == 2 ? "00" + areaCode : areaCode;
	}

	static String fromKolada(String areaCode) {
		return areaCode.length() == 4 && areaCode.startsWith("00") && !"0000".equals(areaCode) ? areaCode.substring(2)
				: areaCode;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

}
