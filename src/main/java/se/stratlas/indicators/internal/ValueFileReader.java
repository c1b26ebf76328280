package se.stratlas.indicators.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.KoladaClient;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.internal.JsonStat;
import se.stratlas.shared.Texts;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.TableLimits;
import se.stratlas.shared.tables.TableReader;

/**
 * Reads indicator values from a file for an import: Kolada-format JSON, SCB JSON-stat
 * 2.0, or the CSV/XLSX template (streamed row by row). Nothing is stored here; every
 * problem is located (JSON path, or row and column) and returned with the values.
 */
@Component
public class ValueFileReader {

	private final IndicatorRegistry registry;

	private final Areas areas;

	private final JsonMapper json;

	ValueFileReader(IndicatorRegistry registry, Areas areas, JsonMapper json) {
		this.registry = registry;
		this.areas = areas;
		this.json = json;
	}

	public record Parsed(String format, List<IndicatorValue.Incoming> values, List<ImportProblem> problems) {
	}

	public Parsed parse(long organisationId, String name, byte[] content) {
		String lower = name.toLowerCase(Locale.ROOT);
		List<ImportProblem> problems = new ArrayList<>();
		List<IndicatorValue.Incoming> values = new ArrayList<>();
		if (lower.endsWith(".json")) {
			JsonNode body;
			try {
				body = this.json.readTree(content);
			}
			catch (RuntimeException ex) {
				return new Parsed("JSON", values,
						List.of(ImportProblem.at(name, "the file is not JSON: " + Texts.firstLine(ex))));
			}
			if ("dataset".equals(body.path("class").asString(""))) {
				readJsonStat(organisationId, name, body, values, problems);
				duplicates(name, values, problems);
				return new Parsed("SCB JSON-stat", values, problems);
			}
			readKolada(organisationId, name, body, values, problems);
			duplicates(name, values, problems);
			return new Parsed("Kolada JSON", values, problems);
		}
		if (lower.endsWith(".csv") || lower.endsWith(".xlsx")) {
			// Read as a stream: each row becomes a value (or a problem) as it comes, so
			// the
			// memory an import takes is bounded by the rows' values, not the file.
			TableRows table = new TableRows(organisationId, values, problems);
			try {
				TableReader.read(name, content, TableLimits.VALUES, table);
			}
			catch (ImportRefusedException ex) {
				return new Parsed("tabell", values, ex.problems());
			}
			table.finish();
			return new Parsed(lower.endsWith(".csv") ? "CSV" : "XLSX", values, problems);
		}
		return new Parsed("okänt", values, List
			.of(ImportProblem.at(name, "only .json (Kolada or SCB JSON-stat), .csv and .xlsx can be imported")));
	}

	/**
	 * The same indicator, area, period and sex twice in one file is refused: which of the
	 * two would be meant?
	 */
	private static void duplicates(String name, List<IndicatorValue.Incoming> values, List<ImportProblem> problems) {
		Set<String> seen = new HashSet<>();
		for (IndicatorValue.Incoming value : values) {
			String key = value.indicatorId() + "|" + value.areaCode() + "|" + value.period().code() + "|" + value.sex();
			if (!seen.add(key) && problems.size() < MAX_PROBLEMS) {
				problems.add(ImportProblem.at(name, "the value for area " + value.areaCode() + ", period "
						+ value.period().code() + ", sex " + value.sex() + " is given twice; give each value once"));
			}
		}
	}

	private void readKolada(long organisationId, String name, JsonNode body, List<IndicatorValue.Incoming> values,
			List<ImportProblem> problems) {
		List<KoladaClient.KoladaValue> rows;
		try {
			rows = KoladaValues.values(body, name);
		}
		catch (KoladaClient.KoladaException ex) {
			problems.add(ImportProblem.at(name, ex.getMessage().substring(name.length()).strip()));
			return;
		}
		Map<String, Optional<IndicatorDefinition>> byKpi = new HashMap<>();
		int index = 0;
		for (KoladaClient.KoladaValue row : rows) {
			String where = name + " $.values[" + index++ + "]";
			Optional<IndicatorDefinition> indicator = byKpi.computeIfAbsent(row.kpi(),
					kpi -> indicatorFor(organisationId, kpi));
			if (indicator.isEmpty()) {
				problems.add(ImportProblem.at(where + ".kpi", "no indicator has the Kolada id " + row.kpi()
						+ "; define one with that code or source id first"));
				continue;
			}
			if (!this.areas.exists(row.areaCode())) {
				problems.add(ImportProblem.at(where + ".municipality", "unknown area " + row.areaCode()));
				continue;
			}
			if (row.value() != null && !Double.isFinite(row.value())) {
				problems.add(ImportProblem.at(where + ".value", "the value is too large a number"));
				continue;
			}
			values.add(new IndicatorValue.Incoming(indicator.get().id(), row.areaCode(), Period.year(row.year()),
					row.sex(), row.value(), row.missing(), ValueStatus.DEFINITIV));
		}
	}

	public void readJsonStat(long organisationId, String name, JsonNode body, List<IndicatorValue.Incoming> values,
			List<ImportProblem> problems) {
		List<JsonStat.Cell> cells;
		try {
			cells = JsonStat.read(body);
		}
		catch (JsonStat.JsonStatException ex) {
			problems.add(ImportProblem.at(name, ex.getMessage()));
			return;
		}
		if (cells.isEmpty()) {
			return;
		}
		Map<String, String> first = cells.getFirst().categories();
		String region = dimension(first, "Region");
		String time = dimension(first, "Tid");
		String sexDimension = dimension(first, "Kon");
		String contents = dimension(first, "ContentsCode");
		if (region == null || time == null || contents == null) {
			problems.add(ImportProblem.at(name + " $.id", "expected the dimensions Region, Tid and ContentsCode"));
			return;
		}
		Map<String, Optional<IndicatorDefinition>> byContents = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			JsonStat.Cell cell = cells.get(i);
			String where = name + " $.value[" + i + "]";
			String code = cell.categories().get(contents);
			Optional<IndicatorDefinition> indicator = byContents.computeIfAbsent(code,
					c -> indicatorFor(organisationId, c));
			if (indicator.isEmpty()) {
				problems.add(ImportProblem.at(where, "no indicator has the SCB contents code " + code));
				continue;
			}
			String area = "00".equals(cell.categories().get(region)) ? Areas.SWEDEN : cell.categories().get(region);
			if (!this.areas.exists(area)) {
				problems.add(ImportProblem.at(where, "unknown region " + area));
				continue;
			}
			Sex sex = sexDimension == null ? Sex.T : Sex.parse(cell.categories().get(sexDimension)).orElse(null);
			if (sex == null) {
				problems.add(ImportProblem.at(where, "unknown sex " + cell.categories().get(sexDimension)));
				continue;
			}
			Period period = JsonStat.scbPeriod(cell.categories().get(time));
			if (period == null) {
				problems.add(ImportProblem.at(where, "unknown period " + cell.categories().get(time)));
				continue;
			}
			if (cell.value() != null && !Double.isFinite(cell.value())) {
				problems.add(ImportProblem.at(where, "the value is too large a number"));
				continue;
			}
			Missing missing = cell.value() != null ? null : "..".equals(cell.status()) ? Missing.SEKRETESS
					: ".".equals(cell.status()) ? Missing.EJ_TILLAMPLIG : Missing.SAKNAS;
			values.add(new IndicatorValue.Incoming(indicator.get().id(), area, period, sex, cell.value(), missing,
					"p".equalsIgnoreCase(cell.status()) ? ValueStatus.PRELIMINAR : ValueStatus.DEFINITIV));
		}
	}

	/** At most this many problems are listed; one is enough to refuse the file. */
	private static final int MAX_PROBLEMS = 1000;

	/**
	 * The template's rows, one at a time: the header names the columns, each row after it
	 * is a value or a problem. The same indicator, area, period and sex twice in a file
	 * is a problem (which one would be meant?), as is a number that does not fit a
	 * double.
	 */
	private final class TableRows implements TableReader.Rows {

		private final long organisationId;

		private final List<IndicatorValue.Incoming> values;

		private final List<ImportProblem> problems;

		private final Map<String, Optional<IndicatorDefinition>> byCode = new HashMap<>();

		private final Map<String, Integer> seen = new HashMap<>();

		private Map<String, Integer> columns;

		private int more;

		TableRows(long organisationId, List<IndicatorValue.Incoming> values, List<ImportProblem> problems) {
			this.organisationId = organisationId;
			this.values = values;
			this.problems = problems;
		}

		private void problem(int row, String column, String message) {
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(new ImportProblem(row, column, message));
			}
			else {
				this.more++;
			}
		}

		void finish() {
			if (this.columns == null && this.problems.isEmpty()) {
				this.problems.add(new ImportProblem(1, "", "the file is empty"));
			}
			if (this.more > 0) {
				this.problems.add(ImportProblem.at("fil", this.more + " more problems are not listed"));
			}
		}

		@Override
		public void row(int at, List<String> row) {
			if (this.columns == null) {
				this.columns = new HashMap<>();
				for (int i = 0; i < row.size(); i++) {
					this.columns.put(row.get(i).strip().toLowerCase(Locale.ROOT).replace("*", ""), i);
				}
				for (String column : List.of("indikator", "område", "period", "värde")) {
					if (!this.columns.containsKey(column)) {
						problem(1, column, "the column is missing from the header");
					}
				}
				return;
			}
			if (!this.problems.isEmpty() && this.problems.getFirst().row() == 1) {
				return;
			}
			if (row.stream().allMatch(String::isBlank)) {
				return;
			}
			String code = cell(row, this.columns, "indikator");
			Optional<IndicatorDefinition> indicator = this.byCode.computeIfAbsent(code,
					c -> ValueFileReader.this.registry.findByCode(this.organisationId, c));
			if (indicator.isEmpty()) {
				problem(at, "indikator", "unknown indicator \"" + Texts.abbreviate(code, 60) + "\"");
			}
			String area = cell(row, this.columns, "område");
			boolean areaKnown = ValueFileReader.this.areas.exists(area);
			if (!areaKnown) {
				problem(at, "område", "unknown area code \"" + Texts.abbreviate(area, 60) + "\"");
			}
			Period period = null;
			try {
				period = Period.parse(cell(row, this.columns, "period"));
			}
			catch (IllegalArgumentException ex) {
				problem(at, "period", Texts.abbreviate(ex.getMessage(), 200));
			}
			String sexText = cell(row, this.columns, "kön");
			Sex sex = sexText.isBlank() ? Sex.T : Sex.parse(sexText).orElse(null);
			if (sex == null) {
				problem(at, "kön",
						"expected T (total), K (women) or M (men), not \"" + Texts.abbreviate(sexText, 20) + "\"");
			}
			String valueText = cell(row, this.columns, "värde").replace(" ", "")
				.replace("\u00a0", "")
				.replace(',', '.');
			String missingText = cell(row, this.columns, "saknas").toLowerCase(Locale.ROOT);
			String statusText = cell(row, this.columns, "status").toLowerCase(Locale.ROOT);
			Double value = null;
			Missing missing = null;
			if (valueText.isBlank()) {
				missing = switch (missingText) {
					case "sekretess", ".." -> Missing.SEKRETESS;
					case "ej tillämplig", "ej tillämpligt", "." -> Missing.EJ_TILLAMPLIG;
					default -> Missing.SAKNAS;
				};
			}
			else {
				try {
					value = new BigDecimal(valueText).doubleValue();
					if (!Double.isFinite(value)) {
						problem(at, "värde", "\"" + Texts.abbreviate(valueText, 40) + "\" is too large a number");
						value = null;
					}
				}
				catch (NumberFormatException ex) {
					problem(at, "värde", "\"" + Texts.abbreviate(valueText, 40) + "\" is not a number");
				}
			}
			ValueStatus status = switch (statusText) {
				case "", "definitiv", "d" -> ValueStatus.DEFINITIV;
				case "preliminär", "preliminar", "p" -> ValueStatus.PRELIMINAR;
				default -> {
					problem(at, "status",
							"expected definitiv or preliminär (p), not \"" + Texts.abbreviate(statusText, 20) + "\"");
					yield null;
				}
			};
			if (indicator.isPresent() && areaKnown && period != null && sex != null && status != null
					&& (value != null || missing != null)) {
				String key = indicator.get().id() + "|" + area + "|" + period.code() + "|" + sex;
				Integer first = this.seen.putIfAbsent(key, at);
				if (first != null) {
					problem(at, "värde",
							"the same indicator, area, period and sex as row " + first + "; give each value once");
					return;
				}
				this.values
					.add(new IndicatorValue.Incoming(indicator.get().id(), area, period, sex, value, missing, status));
			}
		}

	}

	private Optional<IndicatorDefinition> indicatorFor(long organisationId, String sourceId) {
		return this.registry.definitions(organisationId)
			.stream()
			.filter(d -> sourceId.equals(d.sourceRef()) || sourceId.equals(d.code())
					|| (d.sourceRef() != null && d.sourceRef().endsWith(":" + sourceId)))
			.findFirst();
	}

	private static String dimension(Map<String, String> categories, String name) {
		return categories.keySet()
			.stream()
			.filter(k -> k.equalsIgnoreCase(name)
					|| k.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

	private static String cell(List<String> row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= row.size() || row.get(index) == null ? "" : row.get(index).strip();
	}

}
