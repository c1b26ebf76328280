package se.stratlas.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Areas;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/** An indicator's targets: a value to reach (or keep) by a deadline, in an area. */
@Component
public class IndicatorTargets {

	private static final RowMapper<Target> TARGET = (rs, row) -> new Target(rs.getLong("id"),
			rs.getLong("indicator_id"), rs.getString("area_code"), Sex.valueOf(rs.getString("sex")),
			Target.Comparator.valueOf(rs.getString("comparator")), rs.getDouble("value"), rs.getBoolean("relative"),
			Period.parse(rs.getString("deadline")),
			rs.getString("baseline_period") == null ? null : Period.parse(rs.getString("baseline_period")),
			rs.getString("note"));

	private final JdbcClient jdbc;

	private final IndicatorRegistry registry;

	private final Areas areas;

	IndicatorTargets(JdbcClient jdbc, IndicatorRegistry registry, Areas areas) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.areas = areas;
	}

	/** Adds a target. */
	@Transactional
	public Target addTarget(long organisationId, long indicatorId, String areaCode, Sex sex,
			Target.Comparator comparator, Double value, boolean relative, String deadline, String baseline, String note,
			String actor) {
		this.registry.get(organisationId, indicatorId);
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

	/**
	 * Sets the indicator's target for the area (null: any) and sex, in place of the
	 * targets it had there (a decided revision of the strategy's targets).
	 * @return the new target and the ones it replaced
	 */
	@Transactional
	public Replacement replaceTarget(long organisationId, long indicatorId, String areaCode, Sex sex,
			Target.Comparator comparator, Double value, String deadline, String note, String actor) {
		Sex which = sex == null ? Sex.T : sex;
		List<Target> replaced = targets(indicatorId).stream()
			.filter(t -> Objects.equals(t.areaCode(), areaCode) && t.sex() == which)
			.toList();
		Target added = addTarget(organisationId, indicatorId, areaCode, which, comparator, value, false, deadline, null,
				note, actor);
		for (Target old : replaced) {
			this.jdbc.sql("delete from indicators_target where id = :id").param("id", old.id()).update();
		}
		return new Replacement(added, replaced);
	}

	/** A target set in place of others. */
	public record Replacement(Target target, List<Target> replaced) {
	}

	/** The targets of many indicators, in one query. */
	@Transactional(readOnly = true)
	public List<Target> targets(Collection<Long> indicatorIds) {
		return this.jdbc.sql("select * from indicators_target where indicator_id = any(:ids) order by id")
			.param("ids", indicatorIds.toArray(Long[]::new))
			.query(TARGET)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Target> targets(long indicatorId) {
		return this.jdbc.sql("select * from indicators_target where indicator_id = :i order by id")
			.param("i", indicatorId)
			.query(TARGET)
			.list();
	}

}
