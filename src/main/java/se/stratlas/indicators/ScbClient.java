package se.stratlas.indicators;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stratlas.shared.ValidationException;

/**
 * A client for SCB's PxWeb API v2: a table's data for a selection, as JSON-stat 2.0. The
 * base URL is configurable ({@code stratlas.scb.base-url}); tests point it at recorded
 * fixtures.
 */
@Component
public class ScbClient {

	/**
	 * SCB's table ids and dimension codes: letters, digits, _ and - (TAB638,
	 * ContentsCode).
	 */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,60}");

	/**
	 * A dimension's value codes and selection expressions: 2480, 2024M05, *, FROM(2023),
	 * TOP(5).
	 */
	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.+*(),-]{1,60}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper json;

	private final String baseUrl;

	ScbClient(JsonMapper json,
			@Value("${stratlas.scb.base-url:https://statistikdatabasen.scb.se/api/v2}") String baseUrl) {
		this.json = json;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** SCB answered with something Stratlas cannot use. */
	public static class ScbException extends RuntimeException {

		ScbException(String message) {
			super(message);
		}

	}

	/**
	 * The table's data for the selection: dimension code → the value codes wanted (e.g.
	 * Region → 2480, 24; Tid → 2023, 2024).
	 */
	public JsonNode data(String tableId, Map<String, List<String>> selection) {
		if (tableId == null || !CODE.matcher(tableId).matches()) {
			throw new ValidationException("table", "scb.table.invalid");
		}
		if (selection == null || selection.isEmpty()) {
			throw new ValidationException("selection", "validation.required");
		}
		selection.forEach((dimension, values) -> {
			if (!CODE.matcher(dimension).matches()
					|| values.stream().anyMatch(v -> v == null || !VALUE.matcher(v).matches())) {
				throw new ValidationException("selection", "scb.selection.invalid", dimension);
			}
		});
		String query = selection.entrySet()
			.stream()
			.map(e -> encode("valueCodes[" + e.getKey() + "]") + "=" + encode(String.join(",", e.getValue())))
			.collect(Collectors.joining("&"));
		String url = this.baseUrl + "/tables/" + encode(tableId) + "/data?lang=sv&outputFormat=json-stat2"
				+ (query.isEmpty() ? "" : "&" + query);
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new ScbException(url + ": SCB answered HTTP " + response.statusCode());
			}
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new ScbException(url + ": " + (ex.getMessage() == null
					? "SCB could not be reached (" + ex.getClass().getSimpleName() + ")" : ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ScbException(url + ": interrupted");
		}
		catch (RuntimeException ex) {
			if (ex instanceof ScbException) {
				throw ex;
			}
			throw new ScbException(url + ": the answer is not JSON (" + ex.getMessage() + ")");
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
