package se.stratlas.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisations;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.internal.JsonStat;
import se.stratlas.indicators.internal.PeriodType;
import se.stratlas.shared.JobRunner;
import se.stratlas.shared.Texts;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.shared.tables.TableLimits;
import se.stratlas.shared.tables.TableReader;

/**
 * Imports indicator values from a file: Kolada-format JSON, SCB JSON-stat 2.0, or the
 * CSV/XLSX template. Everything is checked before anything is stored; one problem
 * anywhere and nothing is imported, with every problem located (JSON path, or row and
 * column). Each run is logged.
 */
@Component
public class IndicatorFileImport {

	/** The template's columns. */
	public static final List<String> COLUMNS = List.of("indikator*", "område*", "period*", "kön", "värde", "saknas",
			"status");

	private static final Pattern SCB_PERIOD = Pattern.compile("(\\d{4})(?:([MKHT])(\\d{1,2}))?");

	private final IndicatorRegistry registry;

	private final IndicatorValues values;

	private final ImportRuns runs;

	private final Areas areas;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final ScbClient scb;

	private final JobRunner slots;

	private final Organisations organisations;

	IndicatorFileImport(IndicatorRegistry registry, IndicatorValues values, ImportRuns runs, Areas areas,
			JsonMapper json, TransactionTemplate transactions, ScbClient scb, JobRunner slots,
			Organisations organisations) {
		this.organisations = organisations;
		this.slots = slots;
		this.scb = scb;
		this.registry = registry;
		this.values = values;
		this.runs = runs;
		this.areas = areas;
		this.json = json;
		this.transactions = transactions;
	}

	/**
	 * The file was not imported; nothing was stored. Each problem says where and what.
	 */
	public static class ImportRefused extends ImportRefusedException {

		ImportRefused(List<ImportProblem> problems) {
			super(problems);
		}

	}

	/** What an import did. */
	public record Result(long runId, String format, int read, IndicatorValues.StoreResult stored) {
	}

	/**
	 * The template with example rows from the organisation (its first own indicator, its
	 * home county and a municipality) and a sheet that explains every column.
	 */
	public byte[] template(long organisationId) {
		return TableFiles.xlsx(List.of(templateTable(organisationId), HELP));
	}

	/** The template as CSV (the example rows; the help sheet is the XLSX's). */
	public byte[] templateCsv(long organisationId) {
		return TableFiles.csv(templateTable(organisationId));
	}

	private static final Table HELP = new Table("Hjälp", List.of("kolumn", "vad", "exempel"),
			List.of(List.of("indikator*", "indikatorns kod i Stratlas (se Indikatorer)", "EGEN_SYSS"),
					List.of("område*", "områdeskod: 0000 Sverige, länskod (20), kommunkod (2080)", "2080"),
					List.of("period*", "år 2024, halvår 2024H1, tertial 2024T1, kvartal 2024Q2 eller månad 2024-05",
							"2024"),
					List.of("kön", "T = totalt (tomt betyder T), K = kvinnor, M = män", "T"),
					List.of("värde", "talet, med komma eller punkt; tomt när värdet saknas", "97,5"),
					List.of("saknas", "när värdet är tomt: saknas, sekretess eller ej tillämpligt", "sekretess"),
					List.of("status", "definitiv (tomt) eller preliminär (p)", "preliminär"),
					List.of("", "Samma indikator, område, period och kön får bara stå en gång per fil. Hela filen "
							+ "importeras eller ingenting; varje fel anges med rad och kolumn.", "")));

	private Table templateTable(long organisationId) {
		String code = this.registry.definitions(organisationId)
			.stream()
			.filter(d -> d.source() == IndicatorKinds.Source.OWN)
			.map(IndicatorDefinition::code)
			.findFirst()
			.orElse("EGEN_1");
		List<Area> home = this.areas.homeAreas(this.organisations.homeArea(organisationId));
		String first = home.isEmpty() ? Areas.SWEDEN : home.getFirst().code();
		String second = home.size() > 1 ? home.get(1).code() : Areas.SWEDEN;
		return new Table("Värden", COLUMNS,
				List.of(List.of(code, first, "2024", "T", 97.5, "", "definitiv"),
						List.of(code, second, "2024", "K", "", "sekretess", ""),
						List.of(code, second, "2025", "M", 88.0, "", "preliminär")));
	}

	/** A started import: its run (to follow on the run page) and the result to come. */
	public record Started(long runId, CompletableFuture<Result> result) {
	}

	/**
	 * Imports a file now (on an import thread, the caller waits); the run log records it.
	 */
	public Result importFile(long organisationId, String filename, byte[] content, String actor) {
		String name = filename == null ? "fil" : filename;
		return this.slots.run(organisationId + "/" + actor,
				() -> fileRun(organisationId, name, content, this.runs.start(organisationId, "FIL", name, actor)));
	}

	/**
	 * Starts a file import in the background and returns at once; its run shows how far
	 * it has come and, if refused, every problem.
	 */
	public Started start(long organisationId, String filename, byte[] content, String actor) {
		String name = filename == null ? "fil" : filename;
		JobRunner.Slot slot = this.slots.take(organisationId + "/" + actor);
		long run;
		try {
			run = this.runs.start(organisationId, "FIL", name, actor);
		}
		catch (RuntimeException ex) {
			slot.close();
			throw ex;
		}
		return new Started(run, this.slots.submit(slot, () -> fileRun(organisationId, name, content, run)));
	}

	private Result fileRun(long organisationId, String name, byte[] content, long run) {
		try {
			this.runs.progress(run, "Läser filen", 0, 2, 0);
			Parsed parsed = parse(organisationId, name, content);
			if (!parsed.problems().isEmpty()) {
				throw new ImportRefused(parsed.problems());
			}
			this.runs.progress(run, "Sparar", 1, 2, parsed.values().size());
			IndicatorValues.StoreResult stored = this.transactions
				.execute(status -> this.values.store(parsed.values(), parsed.format() + " " + name, run));
			this.runs.succeeded(run, parsed.values().size(), stored);
			return new Result(run, parsed.format(), parsed.values().size(), stored);
		}
		catch (ImportRefused ex) {
			this.runs.failed(run, ex.problems().size() + " problem: " + ex.problems().getFirst().where() + " "
					+ ex.problems().getFirst().message(), ex.problems());
			throw ex;
		}
		catch (RuntimeException ex) {
			this.runs.failed(run, String.valueOf(ex.getMessage()));
			throw new ImportRefused(List.of(ImportProblem.at(name, String.valueOf(ex.getMessage()))));
		}
	}

	/**
	 * Fetches a table from SCB (JSON-stat 2.0) and imports it like a file: all or
	 * nothing, logged.
	 */
	public Result importScb(long organisationId, String tableId, Map<String, List<String>> selection, String actor) {
		return this.slots.run(organisationId + "/" + actor, () -> scbRun(organisationId, tableId, selection,
				this.runs.start(organisationId, "SCB", tableId + " " + selection, actor)));
	}

	/** Starts an SCB fetch in the background, like {@link #start}. */
	public Started startScb(long organisationId, String tableId, Map<String, List<String>> selection, String actor) {
		JobRunner.Slot slot = this.slots.take(organisationId + "/" + actor);
		long run;
		try {
			run = this.runs.start(organisationId, "SCB", tableId + " " + selection, actor);
		}
		catch (RuntimeException ex) {
			slot.close();
			throw ex;
		}
		return new Started(run, this.slots.submit(slot, () -> scbRun(organisationId, tableId, selection, run)));
	}

	private Result scbRun(long organisationId, String tableId, Map<String, List<String>> selection, long run) {
		try {
			this.runs.progress(run, "Hämtar från SCB", 0, 3, 0);
			JsonNode body = this.scb.data(tableId, selection);
			this.runs.progress(run, "Läser JSON-stat", 1, 3, 0);
			List<ImportProblem> problems = new ArrayList<>();
			List<IndicatorValue.Incoming> values = new ArrayList<>();
			readJsonStat(organisationId, "SCB " + tableId, body, values, problems);
			if (!problems.isEmpty()) {
				throw new ImportRefused(problems);
			}
			this.runs.progress(run, "Sparar", 2, 3, values.size());
			IndicatorValues.StoreResult stored = this.transactions
				.execute(status -> this.values.store(values, "SCB " + tableId, run));
			this.runs.succeeded(run, values.size(), stored);
			return new Result(run, "SCB JSON-stat", values.size(), stored);
		}
		catch (ImportRefused ex) {
			this.runs.failed(run, ex.problems().getFirst().where() + " " + ex.problems().getFirst().message(),
					ex.problems());
			throw ex;
		}
		catch (RuntimeException ex) {
			this.runs.failed(run, String.valueOf(ex.getMessage()));
			throw ex;
		}
	}

	private record Parsed(String format, List<IndicatorValue.Incoming> values, List<ImportProblem> problems) {
	}

	private Parsed parse(long organisationId, String name, byte[] content) {
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
			rows = KoladaClient.values(body, name);
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

	private void readJsonStat(long organisationId, String name, JsonNode body, List<IndicatorValue.Incoming> values,
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
			Period period = scbPeriod(cell.categories().get(time));
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
					c -> IndicatorFileImport.this.registry.findByCode(this.organisationId, c));
			if (indicator.isEmpty()) {
				problem(at, "indikator", "unknown indicator \"" + Texts.abbreviate(code, 60) + "\"");
			}
			String area = cell(row, this.columns, "område");
			boolean areaKnown = IndicatorFileImport.this.areas.exists(area);
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

	/**
	 * SCB writes "2024", "2024M05", "2024K2" (quarter), "2024H1" and sometimes "2024T1".
	 */
	static Period scbPeriod(String code) {
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

	private static String cell(List<String> row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= row.size() || row.get(index) == null ? "" : row.get(index).strip();
	}

}
