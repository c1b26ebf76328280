package se.stratlas.indicators;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.shared.NotFoundException;

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

	private final se.stratlas.shared.JobRunner slots;

	KoladaImport(KoladaClient client, IndicatorRegistry registry, ImportRuns runs, TransactionTemplate transactions,
			se.stratlas.shared.JobRunner slots) {
		this.slots = slots;
		this.client = client;
		this.registry = registry;
		this.runs = runs;
		this.transactions = transactions;
	}

	/** What an import did. */
	public record Result(long runId, int read, IndicatorRegistry.StoreResult stored) {
	}

	/** A started import: its run (to follow) and the result to come. */
	public record Started(long runId, java.util.concurrent.CompletableFuture<Result> result) {
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
		se.stratlas.shared.JobRunner.Slot slot = this.slots.take(organisationId + "/" + actor);
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
	 * The areas and years asked for: some of each, years Kolada can have, no more than it
	 * serves at once.
	 */
	private static void check(List<String> areaCodes, List<Integer> years) {
		List<se.stratlas.shared.ValidationException.Violation> violations = new java.util.ArrayList<>();
		if (areaCodes == null || areaCodes.isEmpty() || areaCodes.size() > 400
				|| areaCodes.stream().anyMatch(a -> a == null || !a.matches("[0-9]{1,4}"))) {
			violations.add(new se.stratlas.shared.ValidationException.Violation("areas", "kolada.areas.invalid"));
		}
		if (years == null || years.isEmpty() || years.size() > 60
				|| years.stream().anyMatch(y -> y == null || y < 1950 || y > 2100)) {
			violations.add(new se.stratlas.shared.ValidationException.Violation("years", "kolada.years.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new se.stratlas.shared.ValidationException(violations);
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
			java.util.function.Function<KoladaClient.KoladaValue, IndicatorValue.Incoming> toValue = v -> new IndicatorValue.Incoming(
					indicator.id(), v.areaCode(), Period.year(v.year()), v.sex(), v.value(), v.missing(),
					ValueStatus.DEFINITIV);
			// A first import streams the pages straight into the value table as they
			// arrive; later ones
			// are merged (revisions kept) once everything is read.
			record Stored(int read, IndicatorRegistry.StoreResult result) {
			}
			Stored stored = this.transactions.execute(status -> {
				java.util.Optional<IndicatorRegistry.FirstImport> first = this.registry
					.firstImport(List.of(indicator.id()), "Kolada " + kpi, run);
				if (first.isPresent()) {
					try (IndicatorRegistry.FirstImport copy = first.get()) {
						this.client.data(kpi, areaCodes, years, progress, v -> copy.add(toValue.apply(v)));
						this.runs.progress(run, "Sparar", 1, 1, 0);
						IndicatorRegistry.StoreResult result = copy.finish();
						return new Stored(result.inserted(), result);
					}
				}
				List<IndicatorValue.Incoming> incoming = this.client.data(kpi, areaCodes, years, progress)
					.stream()
					.map(toValue)
					.toList();
				this.runs.progress(run, "Sparar", 1, 1, incoming.size());
				return new Stored(incoming.size(), this.registry.store(incoming, "Kolada " + kpi, run));
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
