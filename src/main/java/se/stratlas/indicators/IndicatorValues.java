package se.stratlas.indicators;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.shared.ValidationException;

/**
 * Indicator values: storing them and reading series and a value's history. Storing is
 * idempotent: a value that did not change is left alone, a changed one is revised and its
 * previous state kept in the history.
 */
@Component
public class IndicatorValues {

	private static final RowMapper<IndicatorValue> VALUE = (rs, row) -> {
		double value = rs.getDouble("value");
		boolean missing = rs.wasNull();
		long run = rs.getLong("import_run_id");
		Long runId = rs.wasNull() ? null : run;
		String reason = rs.getString("missing");
		return new IndicatorValue(rs.getLong("indicator_id"), rs.getString("area_code"),
				Period.parse(rs.getString("period")), Sex.valueOf(rs.getString("sex")), missing ? null : value,
				reason == null ? null : Missing.valueOf(reason), ValueStatus.valueOf(rs.getString("status")),
				rs.getString("source"), runId, rs.getTimestamp("retrieved_at").toInstant());
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Areas areas;

	IndicatorValues(JdbcClient jdbc, JdbcTemplate template, Areas areas) {
		this.jdbc = jdbc;
		this.template = template;
		this.areas = areas;
	}

	/** How a batch of values changed what was stored. */
	public record StoreResult(int inserted, int revised, int unchanged) {
	}

	/**
	 * Stores values: inserts the new, revises the changed (keeping the previous state in
	 * the history) and leaves the unchanged alone. Runs in the caller's transaction. The
	 * values travel to PostgreSQL with COPY into a staging table and are merged there in
	 * three statements.
	 */
	@Transactional
	public StoreResult store(List<IndicatorValue.Incoming> incoming, String source, Long importRunId) {
		Map<String, IndicatorValue.Incoming> unique = new LinkedHashMap<>();
		for (IndicatorValue.Incoming value : incoming) {
			if (!this.areas.exists(value.areaCode())) {
				throw new ValidationException("areaCode", "area.unknown", value.areaCode());
			}
			unique.put(key(value.indicatorId(), value.areaCode(), value.period().code(), value.sex().name()), value);
		}
		if (unique.isEmpty()) {
			return new StoreResult(0, 0, 0);
		}
		Long[] indicatorIds = unique.values()
			.stream()
			.map(IndicatorValue.Incoming::indicatorId)
			.distinct()
			.toArray(Long[]::new);
		int known = this.jdbc.sql("select count(*) from indicators_definition where id = any(:ids)")
			.param("ids", indicatorIds)
			.query(Integer.class)
			.single();
		if (known != indicatorIds.length) {
			throw new ValidationException("indicatorId", "indicator.unknown");
		}
		// One import per indicator at a time: the first import of an indicator goes
		// straight into
		// the value table, and two of them at once must not both think they are first.
		for (Long indicatorId : indicatorIds) {
			this.jdbc.sql("select pg_advisory_xact_lock(4711, cast(:id as integer))")
				.param("id", indicatorId)
				.query((ResultSet rs) -> {
				});
		}
		boolean first = !this.jdbc.sql("select exists (select 1 from indicators_value where indicator_id = any(:ids))")
			.param("ids", indicatorIds)
			.query(Boolean.class)
			.single();
		if (first) {
			String tail = "," + csvText(source) + "," + (importRunId == null ? "" : importRunId) + "\n";
			// In primary-key order, so that the index grows at its end.
			List<IndicatorValue.Incoming> ordered = new ArrayList<>(unique.values());
			ordered.sort(Comparator.comparingLong(IndicatorValue.Incoming::indicatorId)
				.thenComparing(IndicatorValue.Incoming::areaCode)
				.thenComparing(v -> v.period().code())
				.thenComparing(v -> v.sex().name()));
			copy("copy indicators_value (indicator_id, area_code, period, period_start, sex, value, missing, status, "
					+ "source, import_run_id) from stdin with (format csv)", csv(ordered, tail));
			return new StoreResult(unique.size(), 0, 0);
		}
		this.template.execute(
				"""
						create temporary table if not exists indicators_stage (indicator_id bigint, area_code text, period text,
						period_start date, sex char(1), value double precision, missing text, status text) on commit delete rows""");
		copy("copy indicators_stage from stdin with (format csv)", csv(unique.values(), "\n"));
		int revised = this.jdbc
			.sql("""
					insert into indicators_value_history (indicator_id, area_code, period, sex, value, missing, status,
					source, import_run_id, retrieved_at, replaced_by_run)
					select v.indicator_id, v.area_code, v.period, v.sex, v.value, v.missing, v.status, v.source,
					v.import_run_id, v.retrieved_at, :run from indicators_value v join indicators_stage s
					on s.indicator_id = v.indicator_id and s.area_code = v.area_code and s.period = v.period and s.sex = v.sex
					where v.indicator_id = any(:ids)
					and (v.value, v.missing, v.status) is distinct from (s.value, s.missing, s.status)""")
			.param("run", importRunId)
			.param("ids", indicatorIds)
			.update();
		this.jdbc.sql("""
				update indicators_value v set value = s.value, missing = s.missing, status = s.status, source = :source,
				import_run_id = :run, retrieved_at = now() from indicators_stage s
				where v.indicator_id = any(:ids) and s.indicator_id = v.indicator_id and s.area_code = v.area_code
				and s.period = v.period and s.sex = v.sex
				and (v.value, v.missing, v.status) is distinct from (s.value, s.missing, s.status)""")
			.param("source", source)
			.param("run", importRunId)
			.param("ids", indicatorIds)
			.update();
		int inserted = this.jdbc
			.sql("""
					insert into indicators_value (indicator_id, area_code, period, period_start, sex, value, missing, status,
					source, import_run_id) select s.indicator_id, s.area_code, s.period, s.period_start, s.sex, s.value,
					s.missing, s.status, :source, :run from indicators_stage s
					on conflict (indicator_id, area_code, period, sex) do nothing""")
			.param("source", source)
			.param("run", importRunId)
			.update();
		this.template.execute("truncate indicators_stage");
		return new StoreResult(inserted, revised, unique.size() - inserted - revised);
	}

	/** The values of an indicator for some areas and one sex, ordered by period. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> series(long indicatorId, List<String> areaCodes, Sex sex) {
		return this.jdbc.sql("""
				select * from indicators_value where indicator_id = :id and area_code = any(:areas) and sex = :sex
				order by area_code, period_start""")
			.param("id", indicatorId)
			.param("areas", areaCodes.toArray(String[]::new))
			.param("sex", sex.name())
			.query(VALUE)
			.list();
	}

	/** The earlier states of one value, newest first. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> history(long indicatorId, String areaCode, Period period, Sex sex) {
		return this.jdbc.sql("""
				select * from indicators_value_history where indicator_id = :id and area_code = :area
				and period = :period and sex = :sex order by replaced_at desc""")
			.param("id", indicatorId)
			.param("area", areaCode)
			.param("period", period.code())
			.param("sex", sex.name())
			.query(VALUE)
			.list();
	}

	private static String key(long indicator, String area, String period, String sex) {
		return indicator + "|" + area + "|" + period + "|" + sex;
	}

	/** The values as CSV rows for COPY, each ended by {@code tail}. */
	private static String csv(Collection<IndicatorValue.Incoming> values, String tail) {
		StringBuilder csv = new StringBuilder(values.size() * 56);
		for (IndicatorValue.Incoming value : values) {
			appendCsv(csv, value, tail);
		}
		return csv.toString();
	}

	private static void appendCsv(StringBuilder csv, IndicatorValue.Incoming value, String tail) {
		csv.append(value.indicatorId())
			.append(',')
			.append(value.areaCode())
			.append(',')
			.append(value.period().code())
			.append(',')
			.append(value.period().start())
			.append(',')
			.append(value.sex().name())
			.append(',')
			.append(value.value() == null ? "" : Double.toString(value.value()))
			.append(',')
			.append(value.missing() == null ? "" : value.missing().name())
			.append(',')
			.append(value.status().name())
			.append(tail);
	}

	/**
	 * A first import of indicators that have no values yet, streamed straight into the
	 * value table while the source is still being read (PostgreSQL inserts on its own
	 * core while the caller parses). Every value is checked as it comes: its indicator,
	 * its area, no duplicates. Nothing is visible before the caller's transaction
	 * commits; a refused value, or closing without {@link #finish()}, cancels the whole
	 * copy.
	 */
	public final class FirstImport implements AutoCloseable {

		private final CopyIn copy;

		private final Set<Long> indicators;

		private final Set<String> seen = new HashSet<>();

		private final StringBuilder buffer = new StringBuilder(1 << 17);

		private final String tail;

		private int count;

		private boolean finished;

		private FirstImport(CopyIn copy, Set<Long> indicators, String tail) {
			this.copy = copy;
			this.indicators = indicators;
			this.tail = tail;
		}

		public void add(IndicatorValue.Incoming value) {
			if (!this.indicators.contains(value.indicatorId())) {
				throw new ValidationException("indicatorId", "indicator.unknown");
			}
			if (!IndicatorValues.this.areas.exists(value.areaCode())) {
				throw new ValidationException("areaCode", "area.unknown", value.areaCode());
			}
			if (!this.seen.add(key(value.indicatorId(), value.areaCode(), value.period().code(), value.sex().name()))) {
				throw new ValidationException("period", "indicator.value.duplicate", value.areaCode(),
						value.period().code(), value.sex().name());
			}
			appendCsv(this.buffer, value, this.tail);
			this.count++;
			if (this.buffer.length() > 120_000) {
				flush();
			}
		}

		private void flush() {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new DataIntegrityViolationException("COPY failed", ex);
			}
		}

		/** Ends the copy; the values are stored when the transaction commits. */
		public StoreResult finish() {
			flush();
			try {
				this.copy.endCopy();
			}
			catch (SQLException ex) {
				throw new DataIntegrityViolationException("COPY failed", ex);
			}
			this.finished = true;
			return new StoreResult(this.count, 0, 0);
		}

		@Override
		public void close() {
			if (!this.finished && this.copy.isActive()) {
				try {
					this.copy.cancelCopy();
				}
				catch (SQLException ex) {
					// The transaction is rolled back anyway.
				}
			}
		}

	}

	/**
	 * Starts a {@link FirstImport} when none of the indicators has values yet (else
	 * empty: use {@link #store}). Must run in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<FirstImport> firstImport(Collection<Long> indicatorIds, String source, Long importRunId) {
		Long[] ids = indicatorIds.stream().distinct().sorted().toArray(Long[]::new);
		int known = this.jdbc.sql("select count(*) from indicators_definition where id = any(:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single();
		if (known != ids.length) {
			throw new ValidationException("indicatorId", "indicator.unknown");
		}
		for (Long indicatorId : ids) {
			this.jdbc.sql("select pg_advisory_xact_lock(4711, cast(:id as integer))")
				.param("id", indicatorId)
				.query((ResultSet rs) -> {
				});
		}
		boolean any = this.jdbc.sql("select exists (select 1 from indicators_value where indicator_id = any(:ids))")
			.param("ids", ids)
			.query(Boolean.class)
			.single();
		if (any) {
			return Optional.empty();
		}
		Connection connection = DataSourceUtils.getConnection(this.template.getDataSource());
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy indicators_value (indicator_id, area_code, period, period_start, sex, value, missing, "
						+ "status, source, import_run_id) from stdin with (format csv)");
			return Optional.of(new FirstImport(copy, Set.of(ids),
					"," + csvText(source) + "," + (importRunId == null ? "" : importRunId) + "\n"));
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY could not start", ex);
		}
	}

	/** A text as one CSV field, quoted. */
	private static String csvText(String text) {
		return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private void copy(String sql, String csv) {
		this.template.execute((Connection connection) -> {
			try {
				return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
			}
			catch (IOException ex) {
				throw new SQLException(ex);
			}
		});
	}

}
