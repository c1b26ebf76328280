package se.stratlas.indicators.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import se.stratlas.indicators.Period;

/**
 * Reads a JSON-stat 2.0 dataset (as SCB's PxWeb API v2 gives it) into cells: one per
 * combination of categories, with its value (null when missing) and status. Category
 * indexes may be objects or arrays; statuses an object or an array. Problems are reported
 * with their JSON path.
 */
public final class JsonStat {

	private static final Pattern SCB_PERIOD = Pattern.compile("(\\d{4})(?:([MKHT])(\\d{1,2}))?");

	private JsonStat() {
	}

	/** One cell: the category code of each dimension, the value and the status symbol. */
	public record Cell(Map<String, String> categories, Double value, String status) {
	}

	/** A dataset that is not JSON-stat 2.0 as expected: where and what. */
	public static class JsonStatException extends IllegalArgumentException {

		JsonStatException(String path, String problem) {
			super(path + ": " + problem);
		}

	}

	public static List<Cell> read(JsonNode dataset) {
		if (!"dataset".equals(dataset.path("class").asString(""))) {
			throw new JsonStatException("$.class", "expected \"dataset\"");
		}
		JsonNode ids = dataset.path("id");
		JsonNode sizes = dataset.path("size");
		if (!ids.isArray() || !sizes.isArray() || ids.size() != sizes.size() || ids.isEmpty()) {
			throw new JsonStatException("$.id/$.size", "expected two arrays of the same length");
		}
		List<String> dimensions = new ArrayList<>();
		List<List<String>> categories = new ArrayList<>();
		int total = 1;
		for (int d = 0; d < ids.size(); d++) {
			String id = ids.get(d).asString();
			dimensions.add(id);
			List<String> codes = categories(dataset.path("dimension").path(id), "$.dimension." + id);
			if (codes.size() != sizes.get(d).asInt()) {
				throw new JsonStatException("$.size[" + d + "]", "says " + sizes.get(d).asInt() + " but dimension " + id
						+ " has " + codes.size() + " categories");
			}
			categories.add(codes);
			total *= codes.size();
		}
		JsonNode values = dataset.path("value");
		Map<Integer, Double> byIndex = new HashMap<>();
		if (values.isArray()) {
			if (values.size() != total) {
				throw new JsonStatException("$.value", "has " + values.size() + " values for " + total + " cells");
			}
			for (int i = 0; i < values.size(); i++) {
				byIndex.put(i, number(values.get(i), "$.value[" + i + "]"));
			}
		}
		else if (values.isObject()) {
			for (var entry : values.properties()) {
				byIndex.put(index(entry.getKey(), total, "$.value"),
						number(entry.getValue(), "$.value." + entry.getKey()));
			}
		}
		else {
			throw new JsonStatException("$.value", "expected an array or an object");
		}
		Map<Integer, String> statuses = new HashMap<>();
		JsonNode status = dataset.path("status");
		if (status.isArray()) {
			for (int i = 0; i < status.size(); i++) {
				if (!status.get(i).isNull()) {
					statuses.put(i, status.get(i).asString());
				}
			}
		}
		else if (status.isObject()) {
			for (var entry : status.properties()) {
				statuses.put(index(entry.getKey(), total, "$.status"), entry.getValue().asString());
			}
		}
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			Map<String, String> at = new LinkedHashMap<>();
			int rest = i;
			for (int d = dimensions.size() - 1; d >= 0; d--) {
				List<String> codes = categories.get(d);
				at.put(dimensions.get(d), codes.get(rest % codes.size()));
				rest /= codes.size();
			}
			Map<String, String> ordered = new LinkedHashMap<>();
			dimensions.forEach(dimension -> ordered.put(dimension, at.get(dimension)));
			cells.add(new Cell(ordered, byIndex.get(i), statuses.get(i)));
		}
		return cells;
	}

	private static List<String> categories(JsonNode dimension, String path) {
		JsonNode index = dimension.path("category").path("index");
		if (index.isArray()) {
			List<String> codes = new ArrayList<>();
			index.forEach(code -> codes.add(code.asString()));
			return codes;
		}
		if (index.isObject()) {
			String[] codes = new String[index.size()];
			for (var entry : index.properties()) {
				int position = entry.getValue().asInt(-1);
				if (position < 0 || position >= codes.length || codes[position] != null) {
					throw new JsonStatException(path + ".category.index." + entry.getKey(), "bad position " + position);
				}
				codes[position] = entry.getKey();
			}
			return List.of(codes);
		}
		JsonNode label = dimension.path("category").path("label");
		if (label.isObject() && label.size() == 1) {
			return List.of(label.properties().iterator().next().getKey());
		}
		throw new JsonStatException(path + ".category.index", "expected an array or an object");
	}

	private static Double number(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber()) {
			throw new JsonStatException(path, "expected a number or null");
		}
		return node.asDouble();
	}

	private static int index(String key, int total, String path) {
		try {
			int index = Integer.parseInt(key);
			if (index < 0 || index >= total) {
				throw new JsonStatException(path + "." + key, "is outside 0–" + (total - 1));
			}
			return index;
		}
		catch (NumberFormatException ex) {
			throw new JsonStatException(path + "." + key, "expected a cell index");
		}
	}

	/**
	 * SCB writes "2024", "2024M05", "2024K2" (quarter), "2024H1" and sometimes "2024T1".
	 */
	public static Period scbPeriod(String code) {
		if (code == null) {
			return null;
		}
		Matcher matcher = SCB_PERIOD.matcher(code.strip());
		if (!matcher.matches()) {
			return null;
		}
		int year = Integer.parseInt(matcher.group(1));
		if (matcher.group(2) == null) {
			return Period.year(year);
		}
		int part = Integer.parseInt(matcher.group(3));
		try {
			return switch (matcher.group(2)) {
				case "M" -> Period.month(year, part);
				case "K" -> new Period(PeriodType.QUARTER, year, part);
				case "H" -> new Period(PeriodType.HALF_YEAR, year, part);
				default -> Period.tertial(year, part);
			};
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
