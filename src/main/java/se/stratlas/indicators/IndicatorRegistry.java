package se.stratlas.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.internal.ComputedIndicator;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;

/**
 * Indicator definitions: defining, reading and changing them (every change in the
 * history). Their values are {@link IndicatorValues}, their links to strategy elements
 * {@link IndicatorLinks}, their targets {@link IndicatorTargets}.
 */
@Component
public class IndicatorRegistry {

	static final RowMapper<IndicatorDefinition> DEFINITION = (rs, row) -> {
		double factor = rs.getDouble("factor");
		return new IndicatorDefinition(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"),
				rs.getString("name_sv"), rs.getString("name_en"), rs.getString("description"), rs.getString("unit"),
				rs.getInt("decimals"), Polarity.valueOf(rs.getString("polarity")), Kind.valueOf(rs.getString("kind")),
				Source.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getBoolean("by_sex"),
				rs.getString("numerator"), rs.getString("denominator"), rs.wasNull() ? null : factor,
				rs.getString("demo_note"), rs.getInt("version"));
	};

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	IndicatorRegistry(JdbcClient jdbc, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
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
							.collect(Collectors.toSet()));
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
			.matches("(?s).*\\b" + Pattern.quote(before.code()) + "\\b.*")) {
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
			throw new EditConflictException("indicator", id, before);
		}
		IndicatorDefinition after = get(organisationId, id);
		Map<String, FieldChange> changes = new LinkedHashMap<>();
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

	private static FieldChange change(Object before, Object after) {
		return new FieldChange(before instanceof Enum<?> e ? e.name() : before,
				after instanceof Enum<?> e ? e.name() : after);
	}

}
