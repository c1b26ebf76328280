package se.stratlas.indicators;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisations;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorValues.FirstImport;
import se.stratlas.indicators.IndicatorValues.StoreResult;
import se.stratlas.shared.JobRunner;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/**
 * Imports a Kolada KPI into an indicator: all values of the run are stored in one
 * transaction or none; the run is logged either way; importing the same data again
 * changes nothing.
 */
@Component
public class KoladaImport {

	private final KoladaClient client;

	private final IndicatorRegistry registry;

	private final ImportRuns runs;

	private final TransactionTemplate transactions;

	private final IndicatorValues values;

	private final JobRunner slots;

	private final Areas areas;

	private final Organisations organisations;

	KoladaImport(KoladaClient client, IndicatorRegistry registry, IndicatorValues values, ImportRuns runs,
			TransactionTemplate transactions, JobRunner slots, Areas areas, Organisations organisations) {
		this.values = values;
		this.slots = slots;
		this.areas = areas;
		this.organisations = organisations;
		this.client = client;
		this.registry = registry;
		this.runs = runs;
		this.transactions = transactions;
	}

	/** What an import did. */
	public record Result(long runId, int read, StoreResult stored) {
	}

	/** A started import: its run (to follow) and the result to come. */
	public record Started(long runId, CompletableFuture<Result> result) {
	}

	/**
	 * Imports the Kolada key figure of one of the organisation's indicators (by its id).
	 */
	public Result importFor(long organisationId, long indicatorId, List<String> areaCodes, List<Integer> years,
			String actor) {
		return importKpi(organisationId, this.registry.get(organisationId, indicatorId).code(), areaCodes, years,
				actor);
	}

	public Result importKpi(long organisationId, String indicatorCode, List<String> areaCodes, List<Integer> years,
			String actor) {
		check(areaCodes, years);
		IndicatorDefinition indicator = indicator(organisationId, indicatorCode);
		return this.slots.run(organisationId + "/" + actor, () -> run(organisationId, indicator, areaCodes, years,
				startRun(organisationId, indicator, areaCodes, years, actor)));
	}

	/**
	 * Starts the import in the background and returns at once; the run log shows its
	 * progress (pages fetched, values read) until it has succeeded or failed.
	 */
	public Started start(long organisationId, String indicatorCode, List<String> areaCodes, List<Integer> years,
			String actor) {
		check(areaCodes, years);
		IndicatorDefinition indicator = indicator(organisationId, indicatorCode);
		JobRunner.Slot slot = this.slots.take(organisationId + "/" + actor);
		long run;
		try {
			run = startRun(organisationId, indicator, areaCodes, years, actor);
		}
		catch (RuntimeException ex) {
			slot.close();
			throw ex;
		}
		return new Started(run, this.slots.submit(slot, () -> run(organisationId, indicator, areaCodes, years, run)));
	}

	/**
	 * Starts importing the indicator's Kolada KPI for the years {@code from} to
	 * {@code to} (last year when not given) in the organisation's home county with its
	 * municipalities, and Sweden to compare with.
	 */
	public Started startForHomeArea(long organisationId, long indicatorId, int from, Integer to, String actor) {
		IndicatorDefinition indicator = this.registry.get(organisationId, indicatorId);
		int last = to == null ? Year.now().getValue() - 1 : to;
		List<String> codes = new ArrayList<>(
				this.areas.homeAreas(this.organisations.homeArea(organisationId)).stream().map(Area::code).toList());
		if (!codes.contains(Areas.SWEDEN)) {
			codes.add(Areas.SWEDEN);
		}
		return start(organisationId, indicator.code(), codes,
				IntStream.rangeClosed(Math.min(from, last), last).boxed().toList(), actor);
	}

	/**
	 * The areas and years asked for: some of each, years Kolada can have, no more than it
	 * serves at once.
	 */
	private static void check(List<String> areaCodes, List<Integer> years) {
		List<Violation> violations = new ArrayList<>();
		if (areaCodes == null || areaCodes.isEmpty() || areaCodes.size() > 400
				|| areaCodes.stream().anyMatch(a -> a == null || !a.matches("[0-9]{1,4}"))) {
			violations.add(new Violation("areas", "kolada.areas.invalid"));
		}
		if (years == null || years.isEmpty() || years.size() > 60
				|| years.stream().anyMatch(y -> y == null || y < 1950 || y > 2100)) {
			violations.add(new Violation("years", "kolada.years.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
	}

	private IndicatorDefinition indicator(long organisationId, String indicatorCode) {
		return this.registry.findByCode(organisationId, indicatorCode)
			.orElseThrow(() -> new NotFoundException("indicator", indicatorCode));
	}

	private long startRun(long organisationId, IndicatorDefinition indicator, List<String> areaCodes,
			List<Integer> years, String actor) {
		String kpi = indicator.sourceRef() == null ? indicator.code() : indicator.sourceRef();
		return this.runs.start(organisationId, "KOLADA",
				kpi + " → " + indicator.code() + ", " + areaCodes.size() + " områden, " + years.size() + " år", actor);
	}

	private Result run(long organisationId, IndicatorDefinition indicator, List<String> areaCodes, List<Integer> years,
			long run) {
		String kpi = indicator.sourceRef() == null ? indicator.code() : indicator.sourceRef();
		try {
			KoladaClient.Progress progress = (done, total, read) -> this.runs.progress(run, "Hämtar från Kolada", done,
					total + 1, read);
			Function<KoladaClient.KoladaValue, IndicatorValue.Incoming> toValue = v -> new IndicatorValue.Incoming(
					indicator.id(), v.areaCode(), Period.year(v.year()), v.sex(), v.value(), v.missing(),
					ValueStatus.DEFINITIV);
			// A first import streams the pages straight into the value table as they
			// arrive; later ones
			// are merged (revisions kept) once everything is read.
			record Stored(int read, StoreResult result) {
			}
			Stored stored = this.transactions.execute(status -> {
				Optional<FirstImport> first = this.values.firstImport(List.of(indicator.id()), "Kolada " + kpi, run);
				if (first.isPresent()) {
					try (FirstImport copy = first.get()) {
						this.client.data(kpi, areaCodes, years, progress, v -> copy.add(toValue.apply(v)));
						this.runs.progress(run, "Sparar", 1, 1, 0);
						StoreResult result = copy.finish();
						return new Stored(result.inserted(), result);
					}
				}
				List<IndicatorValue.Incoming> incoming = this.client.data(kpi, areaCodes, years, progress)
					.stream()
					.map(toValue)
					.toList();
				this.runs.progress(run, "Sparar", 1, 1, incoming.size());
				return new Stored(incoming.size(), this.values.store(incoming, "Kolada " + kpi, run));
			});
			this.runs.succeeded(run, stored.read(), stored.result());
			return new Result(run, stored.read(), stored.result());
		}
		catch (RuntimeException ex) {
			this.runs.failed(run, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			throw ex;
		}
	}

}
