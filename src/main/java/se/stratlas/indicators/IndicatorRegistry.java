package se.stratlas.indicators;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * Indicator definitions and their values. Storing values is idempotent: a value that did
 * not change is left alone, a changed one is revised and its previous state kept in the
 * history.
 */
@Component
public class IndicatorRegistry {

	private static final RowMapper<IndicatorDefinition> DEFINITION = (rs, row) -> {
		double factor = rs.getDouble("factor");
		return new IndicatorDefinition(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"),
				rs.getString("name_sv"), rs.getString("name_en"), rs.getString("description"), rs.getString("unit"),
				rs.getInt("decimals"), Polarity.valueOf(rs.getString("polarity")), Kind.valueOf(rs.getString("kind")),
				Source.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getBoolean("by_sex"),
				rs.getString("numerator"), rs.getString("denominator"), rs.wasNull() ? null : factor,
				rs.getString("demo_note"), rs.getInt("version"));
	};

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

	IndicatorRegistry(JdbcClient jdbc, JdbcTemplate template, Areas areas) {
		this.jdbc = jdbc;
		this.template = template;
		this.areas = areas;
	}

	/** How a batch of values changed what was stored. */
	public record StoreResult(int inserted, int revised, int unchanged) {
	}

	@Transactional(readOnly = true)
	public List<IndicatorDefinition> definitions(long organisationId) {
		return this.jdbc.sql("select * from indicators_definition where organisation_id = :org order by code")
			.param("org", organisationId)
			.query(DEFINITION)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<IndicatorDefinition> findByCode(long organisationId, String code) {
		return this.jdbc.sql("select * from indicators_definition where organisation_id = :org and code = :code")
			.param("org", organisationId)
			.param("code", code)
			.query(DEFINITION)
			.optional();
	}

	@Transactional(readOnly = true)
	public IndicatorDefinition get(long organisationId, long id) {
		return this.jdbc.sql("select * from indicators_definition where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(DEFINITION)
			.optional()
			.orElseThrow(() -> new NotFoundException("indicator", id));
	}

	/**
	 * Defines an indicator; a computed one's expressions must parse and name known
	 * indicators.
	 */
	@Transactional
	public IndicatorDefinition define(long organisationId, IndicatorDefinition.Draft draft, String actor) {
		List<Violation> violations = new ArrayList<>();
		String code = Texts.clean(draft.code());
		if (code == null || !code.matches("[A-Za-z][A-Za-z0-9_.]{0,39}")) {
			violations.add(new Violation("code", "indicator.code.invalid"));
		}
		else if (findByCode(organisationId, code).isPresent()) {
			violations.add(new Violation("code", "indicator.code.taken"));
		}
		if (Texts.clean(draft.nameSv()) == null) {
			violations.add(new Violation("nameSv", "validation.required"));
		}
		if (draft.polarity() == null || draft.kind() == null || draft.source() == null) {
			violations.add(new Violation("source", "validation.required"));
		}
		if (draft.source() == Source.COMPUTED) {
			try {
				ComputedIndicator.parse(draft.numerator(), draft.denominator(),
						draft.factor() == null ? 1 : draft.factor(),
						definitions(organisationId).stream()
							.map(IndicatorDefinition::code)
							.collect(java.util.stream.Collectors.toSet()));
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation("numerator", "indicator.expression.invalid", ex.getMessage()));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		long id = this.jdbc.sql("""
				insert into indicators_definition (organisation_id, code, name_sv, name_en, description, unit, decimals,
				polarity, kind, source, source_ref, by_sex, numerator, denominator, factor, created_by, updated_by)
				values (:org, :code, :nameSv, :nameEn, :description, :unit, :decimals, :polarity, :kind, :source,
				:sourceRef, :bySex, :numerator, :denominator, :factor, :actor, :actor) returning id""")
			.param("org", organisationId)
			.param("code", code)
			.param("nameSv", draft.nameSv().strip())
			.param("nameEn", Texts.clean(draft.nameEn()))
			.param("description", Texts.clean(draft.description()))
			.param("unit", Texts.clean(draft.unit()))
			.param("decimals", draft.decimals())
			.param("polarity", draft.polarity().name())
			.param("kind", draft.kind().name())
			.param("source", draft.source().name())
			.param("sourceRef", Texts.clean(draft.sourceRef()))
			.param("bySex", draft.bySex())
			.param("numerator", Texts.clean(draft.numerator()))
			.param("denominator", Texts.clean(draft.denominator()))
			.param("factor", draft.factor())
			.param("actor", actor)
			.query(Long.class)
			.single();
		return get(organisationId, id);
	}

	/**
	 * Stores values: inserts the new, revises the changed (keeping the previous state in
	 * the history) and leaves the unchanged alone. Runs in the caller's transaction.
	 */
	@Transactional
	public StoreResult store(List<IndicatorValue.Incoming> incoming, String source, Long importRunId) {
		Map<String, Object[]> existing = new HashMap<>();
		Long[] indicatorIds = incoming.stream()
			.map(IndicatorValue.Incoming::indicatorId)
			.distinct()
			.toArray(Long[]::new);
		this.jdbc.sql("""
				select indicator_id, area_code, period, sex, value, missing, status from indicators_value
				where indicator_id = any(:ids)""").param("ids", indicatorIds).query((rs, row) -> {
			double value = rs.getDouble("value");
			Double number = rs.wasNull() ? null : value;
			existing.put(
					key(rs.getLong("indicator_id"), rs.getString("area_code"), rs.getString("period"),
							rs.getString("sex")),
					new Object[] { number, rs.getString("missing"), rs.getString("status") });
			return null;
		}).list();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> revisions = new ArrayList<>();
		int unchanged = 0;
		Timestamp now = new Timestamp(System.currentTimeMillis());
		for (IndicatorValue.Incoming value : incoming) {
			if (!this.areas.exists(value.areaCode())) {
				throw new ValidationException("areaCode", "area.unknown", value.areaCode());
			}
			String missing = value.missing() == null ? null : value.missing().name();
			Object[] before = existing
				.get(key(value.indicatorId(), value.areaCode(), value.period().code(), value.sex().name()));
			Object[] row = { value.indicatorId(), value.areaCode(), value.period().code(),
					java.sql.Date.valueOf(value.period().start()), value.sex().name(), value.value(), missing,
					value.status().name(), source, importRunId, now };
			if (before == null) {
				inserts.add(row);
			}
			else if (!Objects.equals(before[0], value.value()) || !Objects.equals(before[1], missing)
					|| !Objects.equals(before[2], value.status().name())) {
				revisions.add(row);
			}
			else {
				unchanged++;
			}
		}
		this.template.batchUpdate(
				"""
						insert into indicators_value (indicator_id, area_code, period, period_start, sex, value, missing, status,
						source, import_run_id, retrieved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				inserts);
		for (Object[] row : revisions) {
			this.template.update("""
					insert into indicators_value_history (indicator_id, area_code, period, sex, value, missing, status,
					source, import_run_id, retrieved_at, replaced_by_run)
					select indicator_id, area_code, period, sex, value, missing, status, source, import_run_id,
					retrieved_at, ? from indicators_value
					where indicator_id = ? and area_code = ? and period = ? and sex = ?""", importRunId, row[0], row[1],
					row[2], row[4]);
		}
		this.template.batchUpdate("""
				update indicators_value set value = ?, missing = ?, status = ?, source = ?, import_run_id = ?,
				retrieved_at = ? where indicator_id = ? and area_code = ? and period = ? and sex = ?""",
				revisions.stream()
					.map(r -> new Object[] { r[5], r[6], r[7], r[8], r[9], r[10], r[0], r[1], r[2], r[4] })
					.toList());
		return new StoreResult(inserts.size(), revisions.size(), unchanged);
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

	/** The strategy elements an indicator is linked to. */
	@Transactional(readOnly = true)
	public java.util.Set<java.util.UUID> elementKeys(long indicatorId) {
		return this.jdbc.sql("select element_keys from indicators_definition where id = :id")
			.param("id", indicatorId)
			.query((rs, row) -> {
				java.sql.Array array = rs.getArray("element_keys");
				return array == null ? java.util.Set.<java.util.UUID>of()
						: java.util.Set.of((java.util.UUID[]) array.getArray());
			})
			.single();
	}

	/** Links an indicator to strategy elements (replacing the earlier links). */
	@Transactional
	public void link(long organisationId, long indicatorId, java.util.Collection<java.util.UUID> elementKeys) {
		get(organisationId, indicatorId);
		this.jdbc.sql("update indicators_definition set element_keys = :keys, version = version + 1 where id = :id")
			.param("keys", elementKeys.toArray(java.util.UUID[]::new))
			.param("id", indicatorId)
			.update();
	}

	/** Adds a target. */
	@Transactional
	public Target addTarget(long organisationId, long indicatorId, String areaCode, Sex sex,
			Target.Comparator comparator, Double value, boolean relative, String deadline, String baseline, String note,
			String actor) {
		get(organisationId, indicatorId);
		List<Violation> violations = new ArrayList<>();
		if (areaCode != null && !this.areas.exists(areaCode)) {
			violations.add(new Violation("areaCode", "area.unknown", areaCode));
		}
		if (comparator == null) {
			violations.add(new Violation("comparator", "validation.required"));
		}
		if (value == null) {
			violations.add(new Violation("value", "validation.required"));
		}
		Period deadlinePeriod = null;
		Period baselinePeriod = null;
		try {
			deadlinePeriod = Period.parse(deadline);
		}
		catch (IllegalArgumentException ex) {
			violations.add(new Violation("deadline", "period.invalid", ex.getMessage()));
		}
		if (baseline != null && !baseline.isBlank()) {
			try {
				baselinePeriod = Period.parse(baseline);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation("baseline", "period.invalid", ex.getMessage()));
			}
		}
		if (relative && baselinePeriod == null) {
			violations.add(new Violation("baseline", "target.baseline.required"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		long id = this.jdbc.sql("""
				insert into indicators_target (indicator_id, area_code, sex, comparator, value, relative, deadline,
				baseline_period, note, created_by) values (:i, :area, :sex, :comparator, :value, :relative, :deadline,
				:baseline, :note, :actor) returning id""")
			.param("i", indicatorId)
			.param("area", areaCode)
			.param("sex", (sex == null ? Sex.T : sex).name())
			.param("comparator", comparator.name())
			.param("value", value)
			.param("relative", relative)
			.param("deadline", deadlinePeriod.code())
			.param("baseline", baselinePeriod == null ? null : baselinePeriod.code())
			.param("note", Texts.clean(note))
			.param("actor", actor)
			.query(Long.class)
			.single();
		return targets(indicatorId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Target> targets(long indicatorId) {
		return this.jdbc.sql("select * from indicators_target where indicator_id = :i order by id")
			.param("i", indicatorId)
			.query((rs, row) -> new Target(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("area_code"),
					Sex.valueOf(rs.getString("sex")), Target.Comparator.valueOf(rs.getString("comparator")),
					rs.getDouble("value"), rs.getBoolean("relative"), Period.parse(rs.getString("deadline")),
					rs.getString("baseline_period") == null ? null : Period.parse(rs.getString("baseline_period")),
					rs.getString("note")))
			.list();
	}

	private static String key(long indicator, String area, String period, String sex) {
		return indicator + "|" + area + "|" + period + "|" + sex;
	}

}
