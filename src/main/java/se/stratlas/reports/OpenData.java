package se.stratlas.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import se.stratlas.reports.internal.DatasetCells;
import se.stratlas.reports.internal.DatasetCells.Column;
import se.stratlas.reports.internal.DatasetCells.Value;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.TableFiles;

/**
 * The tables of published editions as open data: CSV by RFC 4180 (comma, decimal point,
 * UTF-8), JSON with stable keys, indicator series as JSON-stat 2.0 (the format SCB
 * serves). A value with a note ("73 (preliminärt)", "– saknas") becomes a number and a
 * status, so that a machine reads the number and a person the reason. The DCAT-AP-SE
 * catalogue of these datasets is {@link DataCatalogue}'s.
 */
@Component
public class OpenData {

	/** CC0: the datasets are free to use. */
	public static final String LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/";

	private final PublishedEditions editions;

	OpenData(PublishedEditions editions) {
		this.editions = editions;
	}

	/** A dataset as a CSV file: the name it is offered under, and its bytes. */
	public record CsvFile(String fileName, byte[] body) {
	}

	/** A published dataset, by the edition's address and its name. */
	public Editions.Dataset dataset(String slug, String name) {
		return this.editions.datasets(slug)
			.stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("dataset", name));
	}

	/**
	 * A published dataset as CSV ({@link #csv(Editions.Dataset)}), named for what it
	 * holds.
	 */
	public CsvFile csv(String slug, String name) {
		Editions.Dataset dataset = dataset(slug, name);
		return new CsvFile(fileName(dataset) + ".csv", csv(dataset));
	}

	/** A published dataset as JSON ({@link #json(Editions.Dataset)}). */
	public Map<String, Object> json(String slug, String name) {
		return json(dataset(slug, name));
	}

	/**
	 * A published indicator series as JSON-stat 2.0, updated when its edition was
	 * published.
	 * @throws NotFoundException when the dataset is not an indicator series
	 */
	public Map<String, Object> jsonStat(String slug, String name) {
		Edition edition = this.editions.edition(slug);
		return jsonStat(dataset(slug, name), DateTimeFormatter.ISO_INSTANT.format(edition.publishedAt()));
	}

	/** A file name that says what the dataset holds. */
	public static String fileName(Editions.Dataset dataset) {
		return DatasetCells.key(dataset.caption()).replace('_', '-');
	}

	/**
	 * The dataset as CSV by RFC 4180: a header of stable keys, commas, CRLF, UTF-8
	 * without a byte order mark, numbers with a decimal point; a number column with notes
	 * has a status column beside it.
	 */
	public static byte[] csv(Editions.Dataset dataset) {
		List<Column> columns = DatasetCells.columns(dataset);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			List<String> header = new ArrayList<>();
			for (Column column : columns) {
				header.add(column.key());
				if (column.status()) {
					header.add(column.key() + "_status");
				}
			}
			printer.printRecord(header);
			for (List<Object> row : dataset.rows()) {
				List<Object> record = new ArrayList<>();
				for (int c = 0; c < columns.size(); c++) {
					Object cell = c < row.size() ? row.get(c) : null;
					Column column = columns.get(c);
					if (column.number()) {
						Value value = DatasetCells.value(cell);
						record.add(value.number() == null ? "" : value.number().toPlainString());
						if (column.status()) {
							record.add(value.status() == null ? "" : value.status());
						}
					}
					else {
						Object plain = DatasetCells.plain(cell);
						record.add(plain == null ? "" : TableFiles.safeText(plain.toString()));
					}
				}
				printer.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The dataset as JSON: its title, the columns (key, label, type) and the rows as
	 * objects with those keys; numbers as numbers (or null), notes under
	 * {@code <key>_status}.
	 */
	public static Map<String, Object> json(Editions.Dataset dataset) {
		List<Column> columns = DatasetCells.columns(dataset);
		List<Map<String, Object>> described = new ArrayList<>();
		for (Column column : columns) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("key", column.key());
			c.put("label", column.label());
			c.put("type", column.number() ? "number" : "string");
			described.add(c);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<Object> row : dataset.rows()) {
			Map<String, Object> record = new LinkedHashMap<>();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				Object cell = c < row.size() ? row.get(c) : null;
				if (column.number()) {
					Value value = DatasetCells.value(cell);
					record.put(column.key(), value.number());
					if (column.status()) {
						record.put(column.key() + "_status", value.status());
					}
				}
				else {
					Object plain = DatasetCells.plain(cell);
					record.put(column.key(), plain == null || "".equals(plain) ? null : plain.toString());
				}
			}
			rows.add(record);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", dataset.name());
		body.put("title", dataset.caption());
		body.put("license", LICENSE);
		body.put("columns", described);
		body.put("rows", rows);
		return body;
	}

	/** Whether the dataset is an indicator series that JSON-stat can describe. */
	public static boolean isSeries(Editions.Dataset dataset) {
		List<String> keys = DatasetCells.columns(dataset).stream().map(Column::key).toList();
		return keys.containsAll(List.of(INDICATOR_CODE, AREA_CODE, SEX, PERIOD, VALUE));
	}

	static final String INDICATOR_CODE = "indikatorkod";

	static final String AREA_CODE = "omradeskod";

	static final String SEX = "kon";

	static final String PERIOD = "period";

	static final String VALUE = "varde";

	/**
	 * An indicator series as a JSON-stat 2.0 dataset: dimensions indicator, area, sex and
	 * time (with their roles), the values in that order, a status per value that has a
	 * note, the unit and the source.
	 * @throws NotFoundException when the dataset is not an indicator series
	 */
	public static Map<String, Object> jsonStat(Editions.Dataset dataset, String updated) {
		if (!isSeries(dataset)) {
			throw new NotFoundException("jsonstat", dataset.name());
		}
		List<String> keys = DatasetCells.columns(dataset).stream().map(Column::key).toList();
		int indicatorCode = keys.indexOf(INDICATOR_CODE);
		int indicatorName = keys.indexOf("indikator");
		int areaCode = keys.indexOf(AREA_CODE);
		int areaName = keys.indexOf("omrade");
		int sex = keys.indexOf(SEX);
		int period = keys.indexOf(PERIOD);
		int value = keys.indexOf(VALUE);
		int unit = keys.indexOf("enhet");
		Map<String, String> indicators = new LinkedHashMap<>();
		Map<String, String> areaLabels = new LinkedHashMap<>();
		Map<String, String> sexes = new LinkedHashMap<>();
		Map<String, String> periods = new LinkedHashMap<>();
		for (List<Object> row : dataset.rows()) {
			indicators.putIfAbsent(text(row, indicatorCode),
					indicatorName < 0 ? text(row, indicatorCode) : text(row, indicatorName));
			areaLabels.putIfAbsent(text(row, areaCode), areaName < 0 ? text(row, areaCode) : text(row, areaName));
			sexes.putIfAbsent(text(row, sex), text(row, sex));
			periods.putIfAbsent(text(row, period), text(row, period));
		}
		List<String> indicatorIds = new ArrayList<>(indicators.keySet());
		List<String> areaIds = new ArrayList<>(areaLabels.keySet());
		List<String> sexIds = new ArrayList<>(sexes.keySet());
		List<String> periodIds = new ArrayList<>(periods.keySet());
		int size = indicatorIds.size() * areaIds.size() * sexIds.size() * periodIds.size();
		List<BigDecimal> values = new ArrayList<>(Collections.nCopies(size, null));
		Map<String, String> status = new LinkedHashMap<>();
		for (List<Object> row : dataset.rows()) {
			int index = ((indicatorIds.indexOf(text(row, indicatorCode)) * areaIds.size()
					+ areaIds.indexOf(text(row, areaCode))) * sexIds.size() + sexIds.indexOf(text(row, sex)))
					* periodIds.size() + periodIds.indexOf(text(row, period));
			Value v = DatasetCells.value(row.get(value));
			values.set(index, v.number());
			if (v.status() != null) {
				status.put(String.valueOf(index), v.status());
			}
		}
		Map<String, Object> dimension = new LinkedHashMap<>();
		dimension.put("indikator", category("Indikator", indicatorIds, indicators,
				unit < 0 || dataset.rows().isEmpty() ? null : text(dataset.rows().getFirst(), unit)));
		dimension.put("omrade", category("Område", areaIds, areaLabels, null));
		dimension.put("kon", category("Kön", sexIds, sexes, null));
		dimension.put("tid", category("Period", periodIds, periods, null));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", "2.0");
		body.put("class", "dataset");
		body.put("label", dataset.caption());
		body.put("source", "Stratlas; indikatorernas källor anges i rapporten");
		body.put("updated", updated);
		body.put("id", List.of("indikator", "omrade", "kon", "tid"));
		body.put("size", List.of(indicatorIds.size(), areaIds.size(), sexIds.size(), periodIds.size()));
		body.put("role", Map.of("metric", List.of("indikator"), "geo", List.of("omrade"), "time", List.of("tid")));
		body.put("dimension", dimension);
		body.put("value", values);
		if (!status.isEmpty()) {
			body.put("status", status);
		}
		return body;
	}

	private static Map<String, Object> category(String label, List<String> ids, Map<String, String> labels,
			String unit) {
		Map<String, Object> index = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			index.put(ids.get(i), i);
		}
		Map<String, Object> category = new LinkedHashMap<>();
		category.put("index", index);
		category.put("label", labels);
		if (unit != null) {
			Map<String, Object> units = new LinkedHashMap<>();
			for (String id : ids) {
				units.put(id, Map.of("label", unit));
			}
			category.put("unit", units);
		}
		return Map.of("label", label, "category", category);
	}

	private static String text(List<Object> row, int column) {
		Object cell = column < 0 || column >= row.size() ? null : DatasetCells.plain(row.get(column));
		return cell == null ? "" : cell.toString();
	}

}
