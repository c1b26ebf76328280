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
	 * "0024" becomes "24", Sweden stays "0000").
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
		List<String> koladaAreas = areaCodes.stream().map(KoladaClient::toKolada).toList();
		for (int from = 0; from < years.size(); from += MAX_YEARS) {
			List<Integer> chunk = years.subList(from, Math.min(years.size(), from + MAX_YEARS));
			String url = this.baseUrl + "/data/kpi/" + kpi + "/municipality/" + String.join(",", koladaAreas) + "/year/"
					+ String.join(",", chunk.stream().map(String::valueOf).toList());
			String next = url;
			int chunks = (years.size() + MAX_YEARS - 1) / MAX_YEARS;
			int done = 0;
			while (next != null && !next.isBlank()) {
				JsonNode page = get(next);
				values.addAll(values(page, next));
				done++;
				String following = text(page, "next_url") != null ? text(page, "next_url") : text(page, "next_page");
				progress.page(from / MAX_YEARS * 1 + done, chunks + (following == null ? 0 : 1) + done - 1,
						values.size());
				next = following;
				if (done > 1000) {
					throw new KoladaException(url + ": more than 1000 pages");
				}
			}
		}
		return values;
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
	 * Stratlas's county code "24" is Kolada's region "0024"; municipalities and Sweden
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
