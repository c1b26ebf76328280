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

	KoladaImport(KoladaClient client, IndicatorRegistry registry, ImportRuns runs, TransactionTemplate transactions) {
		this.client = client;
		this.registry = registry;
		this.runs = runs;
		this.transactions = transactions;
	}

	/** What an import did. */
	public record Result(long runId, int read, IndicatorRegistry.StoreResult stored) {
	}

	public Result importKpi(long organisationId, String indicatorCode, List<String> areaCodes, List<Integer> years,
			String actor) {
		IndicatorDefinition indicator = this.registry.findByCode(organisationId, indicatorCode)
			.orElseThrow(() -> new NotFoundException("indicator", indicatorCode));
		String kpi = indicator.sourceRef() == null ? indicator.code() : indicator.sourceRef();
		long run = this.runs.start(organisationId, "KOLADA",
				kpi + " → " + indicator.code() + ", " + areaCodes.size() + " områden, " + years.size() + " år", actor);
		try {
			List<IndicatorValue.Incoming> incoming = this.client.data(kpi, areaCodes, years)
				.stream()
				.map(v -> new IndicatorValue.Incoming(indicator.id(), v.areaCode(), Period.year(v.year()), v.sex(),
						v.value(), v.missing(), ValueStatus.DEFINITIV))
				.toList();
			IndicatorRegistry.StoreResult stored = this.transactions
				.execute(status -> this.registry.store(incoming, "Kolada " + kpi, run));
			this.runs.succeeded(run, incoming.size(), stored);
			return new Result(run, incoming.size(), stored);
		}
		catch (RuntimeException ex) {
			this.runs.failed(run, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			throw ex;
		}
	}

}
