package se.stratlas.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

	private final se.stratlas.audit.AuditTrail audit;

	private final se.stratlas.strategy.StrategyCatalog strategies;

	IndicatorRegistry(JdbcClient jdbc, JdbcTemplate template, Areas areas, se.stratlas.audit.AuditTrail audit,
			se.stratlas.strategy.StrategyCatalog strategies) {
		this.audit = audit;
		this.strategies = strategies;
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

	/** The definitions linked to any of the strategy elements, by code. */
	@Transactional(readOnly = true)
	public List<IndicatorDefinition> linkedTo(long organisationId, java.util.Collection<java.util.UUID> elementKeys) {
		return this.jdbc.sql("""
				select * from indicators_definition where organisation_id = :org and element_keys && :keys
				order by code""")
			.param("org", organisationId)
			.param("keys", elementKeys.toArray(java.util.UUID[]::new))
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
	 * Labels an indicator's values as invented demo values; the label is shown wherever
	 * the indicator appears.
	 */
	@Transactional
	public void labelDemo(long organisationId, long indicatorId, String note) {
		this.jdbc.sql("update indicators_definition set demo_note = :note where id = :id and organisation_id = :org")
			.param("note", note)
			.param("id", indicatorId)
			.param("org", organisationId)
			.update();
	}

	/**
	 * Defines an indicator; a computed one's expressions must parse and name known
	 * indicators.
	 */
	@Transactional
	public IndicatorDefinition define(long organisationId, IndicatorDefinition.Draft draft, String actor) {
		String code = Texts.clean(draft.code());
		List<Violation> violations = check(organisationId, null, draft);
		if (code == null || !code.matches("[A-Za-z][A-Za-z0-9_.]{0,39}")) {
			violations.add(new Violation("code", "indicator.code.invalid"));
		}
		else if (findByCode(organisationId, code).isPresent()) {
			violations.add(new Violation("code", "indicator.code.taken"));
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
	 * The rules a definition keeps, for a new one ({@code id} null) and a changed one: a
	 * name, decimals 0–6, a finite factor, one source id per indicator, expressions that
	 * parse and name known indicators.
	 */
	private List<Violation> check(long organisationId, Long id, IndicatorDefinition.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		if (Texts.clean(draft.nameSv()) == null) {
			violations.add(new Violation("nameSv", "validation.required"));
		}
		else if (draft.nameSv().strip().length() > 500) {
			violations.add(new Violation("nameSv", "validation.tooLong", 500));
		}
		if (draft.nameEn() != null && draft.nameEn().strip().length() > 500) {
			violations.add(new Violation("nameEn", "validation.tooLong", 500));
		}
		if (draft.unit() != null && draft.unit().strip().length() > 100) {
			violations.add(new Violation("unit", "validation.tooLong", 100));
		}
		if (draft.decimals() < 0 || draft.decimals() > 6) {
			violations.add(new Violation("decimals", "indicator.decimals.range"));
		}
		if (draft.factor() != null && (!Double.isFinite(draft.factor()) || draft.factor() == 0)) {
			violations.add(new Violation("factor", "indicator.factor.invalid"));
		}
		if (draft.polarity() == null || draft.kind() == null || draft.source() == null) {
			violations.add(new Violation("source", "validation.required"));
		}
		String sourceRef = Texts.clean(draft.sourceRef());
		if (sourceRef != null && sourceRef.length() > 100) {
			violations.add(new Violation("sourceRef", "validation.tooLong", 100));
		}
		else if (sourceRef != null && draft.source() != null && draft.source() != Source.OWN
				&& draft.source() != Source.COMPUTED) {
			definitions(organisationId).stream()
				.filter(d -> d.source() == draft.source() && sourceRef.equalsIgnoreCase(d.sourceRef())
						&& (id == null || d.id() != id))
				.findFirst()
				.ifPresent(other -> violations
					.add(new Violation("sourceRef", "indicator.sourceRef.taken", sourceRef, other.code())));
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
		return violations;
	}

	/**
	 * Changes a definition (not its code, which texts and formulas refer to); a stale
	 * {@code expectedVersion} is an edit conflict. Every change is in the history.
	 */
	@Transactional
	public IndicatorDefinition update(long organisationId, long id, int expectedVersion,
			IndicatorDefinition.Draft draft, String actor) {
		IndicatorDefinition before = get(organisationId, id);
		List<Violation> violations = check(organisationId, id, draft);
		if (draft.source() == Source.COMPUTED && (draft.numerator() + " " + draft.denominator())
			.matches("(?s).*\\b" + java.util.regex.Pattern.quote(before.code()) + "\\b.*")) {
			violations.add(new Violation("numerator", "indicator.expression.invalid", "refers to itself"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		int updated = this.jdbc.sql("""
				update indicators_definition set name_sv = :nameSv, name_en = :nameEn, description = :description,
				unit = :unit, decimals = :decimals, polarity = :polarity, kind = :kind, source = :source,
				source_ref = :sourceRef, by_sex = :bySex, numerator = :numerator, denominator = :denominator,
				factor = :factor, updated_by = :actor, updated_at = now(), version = version + 1
				where id = :id and organisation_id = :org and version = :version""")
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
			.param("id", id)
			.param("org", organisationId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new se.stratlas.shared.EditConflictException("indicator", id, before);
		}
		IndicatorDefinition after = get(organisationId, id);
		java.util.Map<String, se.stratlas.audit.AuditEvent.FieldChange> changes = new java.util.LinkedHashMap<>();
		IndicatorDefinition.Draft was = before.draft();
		IndicatorDefinition.Draft now = after.draft();
		changes.put("nameSv", change(was.nameSv(), now.nameSv()));
		changes.put("nameEn", change(was.nameEn(), now.nameEn()));
		changes.put("description", change(was.description(), now.description()));
		changes.put("unit", change(was.unit(), now.unit()));
		changes.put("decimals", change(was.decimals(), now.decimals()));
		changes.put("polarity", change(was.polarity(), now.polarity()));
		changes.put("kind", change(was.kind(), now.kind()));
		changes.put("source", change(was.source(), now.source()));
		changes.put("sourceRef", change(was.sourceRef(), now.sourceRef()));
		changes.put("bySex", change(was.bySex(), now.bySex()));
		changes.put("numerator", change(was.numerator(), now.numerator()));
		changes.put("denominator", change(was.denominator(), now.denominator()));
		changes.put("factor", change(was.factor(), now.factor()));
		this.audit.record(organisationId, actor, "indicator", id, "UPDATED", after.code(), changes);
		return after;
	}

	private static se.stratlas.audit.AuditEvent.FieldChange change(Object before, Object after) {
		return new se.stratlas.audit.AuditEvent.FieldChange(before instanceof Enum<?> e ? e.name() : before,
				after instanceof Enum<?> e ? e.name() : after);
	}

	/**
	 * Stores values: inserts the new, revises the changed (keeping the previous state in
	 * the history) and leaves the unchanged alone. Runs in the caller's transaction. The
	 * values travel to PostgreSQL with COPY into a staging table and are merged there in
	 * three statements.
	 */
	@Transactional
	public StoreResult store(List<IndicatorValue.Incoming> incoming, String source, Long importRunId) {
		Map<String, IndicatorValue.Incoming> unique = new java.util.LinkedHashMap<>();
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
				.query((java.sql.ResultSet rs) -> {
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
			ordered.sort(java.util.Comparator.comparingLong(IndicatorValue.Incoming::indicatorId)
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

	/**
	 * Whether the organisation has an indicator that measures a strategy element and has
	 * values: the step of setting up a new organisation that makes dashboards and reports
	 * show figures.
	 */
	@Transactional(readOnly = true)
	public boolean anyLinkedWithValues(long organisationId) {
		return this.jdbc.sql("""
				select exists (select 1 from indicators_definition d where d.organisation_id = :org
				and cardinality(d.element_keys) > 0
				and exists (select 1 from indicators_value v where v.indicator_id = d.id))""")
			.param("org", organisationId)
			.query(Boolean.class)
			.single();
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
		link(organisationId, indicatorId, elementKeys, "system");
	}

	/**
	 * Links an indicator to strategy elements, replacing the earlier links; the change is
	 * in the history (the elements by name).
	 */
	@Transactional
	public void link(long organisationId, long indicatorId, java.util.Collection<java.util.UUID> elementKeys,
			String actor) {
		IndicatorDefinition indicator = get(organisationId, indicatorId);
		java.util.Set<java.util.UUID> before = elementKeys(indicatorId);
		java.util.Set<java.util.UUID> after = new java.util.LinkedHashSet<>(elementKeys);
		for (java.util.UUID key : after) {
			if (!before.contains(key) && this.strategies.latestElement(organisationId, key).isEmpty()) {
				throw new ValidationException("elementKey", "validation.unknown");
			}
		}
		if (before.equals(after)) {
			return;
		}
		this.jdbc
			.sql("update indicators_definition set element_keys = :keys, version = version + 1, updated_at = now(), "
					+ "updated_by = :actor where id = :id")
			.param("keys", after.toArray(java.util.UUID[]::new))
			.param("actor", actor)
			.param("id", indicatorId)
			.update();
		this.audit.record(organisationId, actor, "indicator", indicatorId, "LINKED", indicator.code(),
				java.util.Map.of("links", new se.stratlas.audit.AuditEvent.FieldChange(names(organisationId, before),
						names(organisationId, after))));
	}

	/** Adds one link (from an element's page). */
	@Transactional
	public void linkElement(long organisationId, long indicatorId, java.util.UUID elementKey, String actor) {
		java.util.Set<java.util.UUID> keys = new java.util.LinkedHashSet<>(
				elementKeys(get(organisationId, indicatorId).id()));
		keys.add(elementKey);
		link(organisationId, indicatorId, keys, actor);
	}

	/** Removes one link. */
	@Transactional
	public void unlinkElement(long organisationId, long indicatorId, java.util.UUID elementKey, String actor) {
		java.util.Set<java.util.UUID> keys = new java.util.LinkedHashSet<>(
				elementKeys(get(organisationId, indicatorId).id()));
		keys.remove(elementKey);
		link(organisationId, indicatorId, keys, actor);
	}

	private java.util.List<String> names(long organisationId, java.util.Collection<java.util.UUID> keys) {
		return keys.stream()
			.map(key -> this.strategies.latestElement(organisationId, key)
				.map(e -> e.label(java.util.Locale.forLanguageTag("sv")))
				.orElse("?"))
			.sorted()
			.toList();
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
		else if (!Double.isFinite(value) || Math.abs(value) > 1e15) {
			violations.add(new Violation("value", "value.range"));
		}
		if (note != null && note.length() > 20_000) {
			violations.add(new Violation("note", "validation.tooLong", 20_000));
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

	/** The targets of many indicators, in one query. */
	@Transactional(readOnly = true)
	public List<Target> targets(java.util.Collection<Long> indicatorIds) {
		return this.jdbc.sql("select * from indicators_target where indicator_id = any(:ids) order by id")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query((rs, row) -> new Target(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("area_code"),
					Sex.valueOf(rs.getString("sex")), Target.Comparator.valueOf(rs.getString("comparator")),
					rs.getDouble("value"), rs.getBoolean("relative"), Period.parse(rs.getString("deadline")),
					rs.getString("baseline_period") == null ? null : Period.parse(rs.getString("baseline_period")),
					rs.getString("note")))
			.list();
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

	/** The values as CSV rows for COPY, each ended by {@code tail}. */
	private static String csv(java.util.Collection<IndicatorValue.Incoming> values, String tail) {
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

		private final org.postgresql.copy.CopyIn copy;

		private final java.util.Set<Long> indicators;

		private final java.util.Set<String> seen = new java.util.HashSet<>();

		private final StringBuilder buffer = new StringBuilder(1 << 17);

		private final String tail;

		private int count;

		private boolean finished;

		private FirstImport(org.postgresql.copy.CopyIn copy, java.util.Set<Long> indicators, String tail) {
			this.copy = copy;
			this.indicators = indicators;
			this.tail = tail;
		}

		public void add(IndicatorValue.Incoming value) {
			if (!this.indicators.contains(value.indicatorId())) {
				throw new ValidationException("indicatorId", "indicator.unknown");
			}
			if (!IndicatorRegistry.this.areas.exists(value.areaCode())) {
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
			byte[] bytes = this.buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (java.sql.SQLException ex) {
				throw new org.springframework.dao.DataIntegrityViolationException("COPY failed", ex);
			}
		}

		/** Ends the copy; the values are stored when the transaction commits. */
		public StoreResult finish() {
			flush();
			try {
				this.copy.endCopy();
			}
			catch (java.sql.SQLException ex) {
				throw new org.springframework.dao.DataIntegrityViolationException("COPY failed", ex);
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
				catch (java.sql.SQLException ex) {
					// The transaction is rolled back anyway.
				}
			}
		}

	}

	/**
	 * Starts a {@link FirstImport} when none of the indicators has values yet (else
	 * empty: use {@link #store}). Must run in the caller's transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public java.util.Optional<FirstImport> firstImport(java.util.Collection<Long> indicatorIds, String source,
			Long importRunId) {
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
				.query((java.sql.ResultSet rs) -> {
				});
		}
		boolean any = this.jdbc.sql("select exists (select 1 from indicators_value where indicator_id = any(:ids))")
			.param("ids", ids)
			.query(Boolean.class)
			.single();
		if (any) {
			return java.util.Optional.empty();
		}
		java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils
			.getConnection(this.template.getDataSource());
		try {
			org.postgresql.copy.CopyIn copy = connection.unwrap(org.postgresql.PGConnection.class)
				.getCopyAPI()
				.copyIn("copy indicators_value (indicator_id, area_code, period, period_start, sex, value, missing, "
						+ "status, source, import_run_id) from stdin with (format csv)");
			return java.util.Optional.of(new FirstImport(copy, java.util.Set.of(ids),
					"," + csvText(source) + "," + (importRunId == null ? "" : importRunId) + "\n"));
		}
		catch (java.sql.SQLException ex) {
			throw new org.springframework.dao.DataAccessResourceFailureException("COPY could not start", ex);
		}
	}

	/** A text as one CSV field, quoted. */
	private static String csvText(String text) {
		return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private void copy(String sql, String csv) {
		this.template.execute((java.sql.Connection connection) -> {
			try {
				return connection.unwrap(org.postgresql.PGConnection.class)
					.getCopyAPI()
					.copyIn(sql, new java.io.StringReader(csv));
			}
			catch (java.io.IOException ex) {
				throw new java.sql.SQLException(ex);
			}
		});
	}

}
