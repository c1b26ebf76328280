package se.stratlas.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.shared.Instance;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.ImportProblem;

import io.micrometer.core.instrument.Timer;

import io.micrometer.core.instrument.MeterRegistry;

import io.micrometer.core.instrument.Counter;

/**
 * The log of import runs. A run is recorded in its own transaction, so the log keeps a
 * failed run even though the import itself wrote nothing.
 */
@Component
public class ImportRuns {

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Instance instance;

	/** What a run interrupted by a stopped instance says. */
	static final String INTERRUPTED = "Avbruten: Stratlas stoppades medan importen pågick. "
			+ "Inget av den sparades; kör importen igen.";

	ImportRuns(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, MeterRegistry meters,
			Instance instance) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.instance = instance;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** One run: what it read and changed, or why it failed. */
	public record Run(long id, String source, String description, String status, Instant startedAt, Instant finishedAt,
			String startedBy, int valuesRead, int valuesInserted, int valuesRevised, int valuesUnchanged, String error,
			String phase, int stepsDone, int stepsTotal, List<ImportProblem> problems) {

		public Run {
			problems = problems == null ? List.of() : List.copyOf(problems);
		}

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		/** How far the run has come, 0–100. */
		public int percent() {
			return this.stepsTotal == 0 ? (running() ? 0 : 100) : Math.min(100, this.stepsDone * 100 / this.stepsTotal);
		}

	}

	/**
	 * Records how far a running import has come; visible at once to others (own
	 * transaction).
	 */
	public void progress(long runId, String phase, int stepsDone, int stepsTotal, int valuesRead) {
		this.separate.executeWithoutResult(status -> this.jdbc.sql("""
				update indicators_import_run set phase = :phase, steps_done = :done, steps_total = :total,
				values_read = :read where id = :id and status = 'RUNNING'""")
			.param("phase", phase)
			.param("done", stepsDone)
			.param("total", stepsTotal)
			.param("read", valuesRead)
			.param("id", runId)
			.update());
	}

	public Run run(long organisationId, long runId) {
		return runs(organisationId).stream()
			.filter(r -> r.id() == runId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("run", runId));
	}

	public long start(long organisationId, String source, String description, String actor) {
		return this.separate.execute(status -> this.jdbc
			.sql("""
					insert into indicators_import_run (organisation_id, source, description, status, started_by, instance_id)
					values (:org, :source, :description, 'RUNNING', :actor, :instance) returning id""")
			.param("instance", this.instance.id())
			.param("org", organisationId)
			.param("source", source)
			.param("description", description)
			.param("actor", actor)
			.query(Long.class)
			.single());
	}

	public void succeeded(long runId, int read, IndicatorValues.StoreResult result) {
		this.separate.executeWithoutResult(status -> this.jdbc
			.sql("""
					update indicators_import_run set status = 'SUCCEEDED', finished_at = now(), values_read = :read, steps_done = steps_total,
					values_inserted = :inserted, values_revised = :revised, values_unchanged = :unchanged where id = :id""")
			.param("read", read)
			.param("inserted", result.inserted())
			.param("revised", result.revised())
			.param("unchanged", result.unchanged())
			.param("id", runId)
			.update());
		measure(runId, "succeeded", read);
	}

	/**
	 * Metrics of a finished run: {@code stratlas.imports} (a timer per source and
	 * outcome) and {@code stratlas.imports.values} (values read).
	 */
	private void measure(long runId, String outcome, int read) {
		this.jdbc.sql("select source, started_at from indicators_import_run where id = :id")
			.param("id", runId)
			.query((rs, row) -> {
				String source = rs.getString("source");
				Duration took = Duration.between(rs.getTimestamp("started_at").toInstant(), Instant.now());
				Timer.builder("stratlas.imports")
					.description("Indicator import runs, from start to finish")
					.tag("source", source)
					.tag("outcome", outcome)
					.register(this.meters)
					.record(took);
				Counter.builder("stratlas.imports.values")
					.description("Values read by indicator imports")
					.tag("source", source)
					.register(this.meters)
					.increment(read);
				return source;
			})
			.optional();
	}

	/**
	 * Runs whose instance stopped (killed, crashed) are marked as failed, so that they
	 * can be run again; their transaction never committed.
	 */
	@Scheduled(fixedDelayString = "${stratlas.jobs.reap-every:15s}",
			initialDelayString = "${stratlas.jobs.reap-first:5s}")
	public void reapInterrupted() {
		this.instance.reapInterrupted("indicators_import_run", "error", INTERRUPTED);
	}

	public void failed(long runId, String error) {
		failed(runId, error, List.of());
	}

	/** Records a refused import with every problem it found (at most 1 000 kept). */
	public void failed(long runId, String error, List<ImportProblem> problems) {
		List<ImportProblem> kept = problems.size() > 1000 ? problems.subList(0, 1000) : problems;
		this.separate.executeWithoutResult(status -> this.jdbc.sql("""
				update indicators_import_run set status = 'FAILED', finished_at = now(), error = :error,
				problems = cast(:problems as jsonb) where id = :id""")
			.param("error", error.length() > 4000 ? error.substring(0, 4000) : error)
			.param("problems", kept.isEmpty() ? null : this.json.writeValueAsString(kept))
			.param("id", runId)
			.update());
		measure(runId, "failed", 0);
	}

	public List<Run> runs(long organisationId) {
		return this.jdbc.sql("""
				select * from indicators_import_run where organisation_id = :org order by started_at desc, id desc""")
			.param("org", organisationId)
			.query((rs, row) -> new Run(rs.getLong("id"), rs.getString("source"), rs.getString("description"),
					rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("started_by"), rs.getInt("values_read"), rs.getInt("values_inserted"),
					rs.getInt("values_revised"), rs.getInt("values_unchanged"), rs.getString("error"),
					rs.getString("phase"), rs.getInt("steps_done"), rs.getInt("steps_total"),
					problems(rs.getString("problems"))))
			.list();
	}

	private List<ImportProblem> problems(String stored) {
		if (stored == null) {
			return List.of();
		}
		return Arrays.asList(this.json.readValue(stored, ImportProblem[].class));
	}

}
