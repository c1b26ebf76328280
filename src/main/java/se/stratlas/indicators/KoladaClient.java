package se.stratlas.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.internal.KoladaValues;
import se.stratlas.shared.Texts;

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

		public KoladaException(String message) {
			super(message);
		}

	}

	public List<Kpi> kpis(List<String> ids) {
		List<Kpi> kpis = new ArrayList<>();
		for (JsonNode node : pages(this.baseUrl + "/kpi/" + String.join(",", ids))) {
			kpis.add(new Kpi(KoladaValues.text(node, "id"), KoladaValues.text(node, "title"),
					KoladaValues.text(node, "description"), KoladaValues.text(node, "unit"),
					node.path("is_divided_by_gender").asBoolean(false)
							|| node.path("is_divided_by_gender").asInt(0) == 1,
					KoladaValues.text(node, "municipality_type")));
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
			Consumer<KoladaValue> sink) {
		List<String> koladaAreas = areaCodes.stream().map(KoladaClient::toKolada).toList();
		int[] read = { 0 };
		Consumer<KoladaValue> counting = value -> {
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
	private String streamPage(String url, Consumer<KoladaValue> sink) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new KoladaException(url + ": Kolada answered HTTP " + response.statusCode());
				}
				try (JsonParser parser = this.json.createParser(body)) {
					return KoladaValues.stream(parser, url, sink);
				}
				catch (JacksonException ex) {
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
			String next = KoladaValues.text(body, "next_url");
			url = next != null ? next : KoladaValues.text(body, "next_page");
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

	/**
	 * Stratlas's county code "20" is Kolada's region "0020"; municipalities and Sweden
	 * are the same.
	 */
	static String toKolada(String areaCode) {
		return areaCode.length() == 2 ? "00" + areaCode : areaCode;
	}

}
