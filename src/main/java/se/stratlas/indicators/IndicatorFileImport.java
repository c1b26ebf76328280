package se.stratlas.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisations;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.internal.ValueFileReader.Parsed;
import se.stratlas.indicators.internal.ValueFileReader;
import se.stratlas.shared.JobRunner;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

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

	private final IndicatorRegistry registry;

	private final IndicatorValues values;

	private final ValueFileReader reader;

	private final ImportRuns runs;

	private final Areas areas;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final ScbClient scb;

	private final JobRunner slots;

	private final Organisations organisations;

	IndicatorFileImport(IndicatorRegistry registry, IndicatorValues values, ValueFileReader reader, ImportRuns runs,
			Areas areas, JsonMapper json, TransactionTemplate transactions, ScbClient scb, JobRunner slots,
			Organisations organisations) {
		this.organisations = organisations;
		this.slots = slots;
		this.scb = scb;
		this.registry = registry;
		this.values = values;
		this.reader = reader;
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
			Parsed parsed = this.reader.parse(organisationId, name, content);
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
			this.reader.readJsonStat(organisationId, "SCB " + tableId, body, values, problems);
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

}
