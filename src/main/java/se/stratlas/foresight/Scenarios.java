package se.stratlas.foresight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.strategy.StrategyCatalog;

/** Scenarios and the dimensions of the future of a foresight project. */
@Component
@Transactional
public class Scenarios {

	static final String ENTITY = "foresight_scenario";

	static final RowMapper<Scenario> SCENARIO = (rs, row) -> new Scenario(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getString("project"), rs.getString("name"),
			(Integer) rs.getObject("horizon_year"), rs.getString("narrative"),
			Scanning.strings(rs.getArray("preconditions")), Scanning.strings(rs.getArray("consequences")),
			(Double) rs.getObject("axis_x"), (Double) rs.getObject("axis_y"), Scanning.uuids(rs, "element_keys"),
			rs.getString("demo_note"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
			rs.getString("updated_by"));

	private final JdbcClient jdbc;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	Scenarios(JdbcClient jdbc, StrategyCatalog strategies, AuditTrail audit) {
		this.jdbc = jdbc;
		this.strategies = strategies;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Scenario> list(long organisationId) {
		return this.jdbc.sql("select * from foresight_scenario where organisation_id = :org order by project, id")
			.param("org", organisationId)
			.query(SCENARIO)
			.list();
	}

	@Transactional(readOnly = true)
	public Scenario get(long organisationId, long id) {
		return this.jdbc.sql("select * from foresight_scenario where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query(SCENARIO)
			.optional()
			.orElseThrow(() -> new NotFoundException("scenario", id));
	}

	/** Scenarios whose name, narrative or lists contain the words. */
	@Transactional(readOnly = true)
	public List<Scenario> search(long organisationId, String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select * from foresight_scenario where organisation_id = :org and lower(name || ' ' || coalesce(narrative, '')
					|| ' ' || array_to_string(preconditions, ' ') || ' ' || array_to_string(consequences, ' ')) like :q
					order by id""")
			.param("org", organisationId)
			.param("q", "%" + q.strip().toLowerCase(Locale.ROOT) + "%")
			.query(SCENARIO)
			.list();
	}

	/** The scenarios matching the words, or all of them when no words are given. */
	@Transactional(readOnly = true)
	public List<Scenario> find(long organisationId, String q) {
		return q == null || q.isBlank() ? list(organisationId) : search(organisationId, q);
	}

	/** The chosen scenarios, for comparing side by side (in the order given). */
	@Transactional(readOnly = true)
	public List<Scenario> compare(long organisationId, List<Long> ids) {
		List<Scenario> chosen = new ArrayList<>();
		for (long id : ids == null ? List.<Long>of() : ids.stream().distinct().toList()) {
			chosen.add(get(organisationId, id));
		}
		return chosen;
	}

	public Scenario create(StratlasPrincipal user, Scenario.Draft draft) {
		return create(user, draft, null);
	}

	public Scenario create(StratlasPrincipal user, Scenario.Draft draft, String demoNote) {
		Scanning.requireWriter(user);
		Scenario.Draft clean = validate(user.organisationId(), draft);
		long id = this.jdbc.sql("""
				insert into foresight_scenario (organisation_id, project, name, horizon_year, narrative, preconditions,
				consequences, axis_x, axis_y, element_keys, demo_note, created_by, updated_by)
				values (:org, :project, :name, :horizon, :narrative, :pre, :cons, :x, :y, :keys, :demo, :actor, :actor)
				returning id""")
			.param("org", user.organisationId())
			.params(parameters(clean))
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "CREATED", clean.name(),
				Map.of("narrative", new FieldChange(null, clean.narrative())));
		return get(user.organisationId(), id);
	}

	public Scenario update(StratlasPrincipal user, long id, int expectedVersion, Scenario.Draft draft) {
		Scanning.requireWriter(user);
		Scenario before = get(user.organisationId(), id);
		Scenario.Draft clean = validate(user.organisationId(), draft);
		int updated = this.jdbc.sql("""
				update foresight_scenario set project = :project, name = :name, horizon_year = :horizon,
				narrative = :narrative, preconditions = :pre, consequences = :cons, axis_x = :x, axis_y = :y,
				element_keys = :keys, version = version + 1, updated_at = now(), updated_by = :actor
				where id = :id and organisation_id = :org and version = :version""")
			.params(parameters(clean))
			.param("actor", user.username())
			.param("id", id)
			.param("org", user.organisationId())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", clean.name(),
				Map.of("narrative", new FieldChange(before.narrative(), clean.narrative()), "name",
						new FieldChange(before.name(), clean.name())));
		return get(user.organisationId(), id);
	}

	private static Map<String, Object> parameters(Scenario.Draft d) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("project", d.project());
		p.put("name", d.name());
		p.put("horizon", d.horizonYear());
		p.put("narrative", d.narrative());
		p.put("pre", d.preconditions().toArray(String[]::new));
		p.put("cons", d.consequences().toArray(String[]::new));
		p.put("x", d.axisX());
		p.put("y", d.axisY());
		p.put("keys", d.elementKeys().toArray(UUID[]::new));
		return p;
	}

	private Scenario.Draft validate(long organisationId, Scenario.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		String name = Texts.clean(draft.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		if (draft.horizonYear() != null && (draft.horizonYear() < 2000 || draft.horizonYear() > 2200)) {
			violations.add(new Violation("horizonYear", "scenario.horizon.range"));
		}
		if ((draft.axisX() == null) != (draft.axisY() == null)) {
			violations.add(new Violation("axisY", "scenario.axes.both"));
		}
		for (Double axis : Arrays.asList(draft.axisX(), draft.axisY())) {
			if (axis != null && (axis < -1 || axis > 1)) {
				violations.add(new Violation("axisX", "scenario.axes.range"));
				break;
			}
		}
		List<UUID> keys = draft.elementKeys() == null ? List.of()
				: draft.elementKeys().stream().filter(Objects::nonNull).distinct().toList();
		for (UUID key : keys) {
			if (this.strategies.latestElement(organisationId, key).isEmpty()) {
				violations.add(new Violation("elementKeys", "validation.unknown"));
				break;
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new Scenario.Draft(Texts.clean(draft.project()), name, draft.horizonYear(),
				Texts.clean(draft.narrative()), lines(draft.preconditions()), lines(draft.consequences()),
				draft.axisX(), draft.axisY(), keys);
	}

	private static List<String> lines(List<String> lines) {
		return lines == null ? List.of() : lines.stream().map(Texts::clean).filter(Objects::nonNull).toList();
	}

	@Transactional(readOnly = true)
	public List<Scenario.Dimension> dimensions(long organisationId) {
		return this.jdbc.sql("select * from foresight_dimension where organisation_id = :org order by project, id")
			.param("org", organisationId)
			.query((rs, row) -> new Scenario.Dimension(rs.getLong("id"), rs.getLong("organisation_id"),
					rs.getString("project"), rs.getString("name"), Scanning.strings(rs.getArray("factors")),
					rs.getString("demo_note")))
			.list();
	}

	/** Adds a dimension of the future with its factors (one per line, blanks dropped). */
	public Scenario.Dimension addDimension(StratlasPrincipal user, String project, String name, List<String> factors,
			String demoNote) {
		Scanning.requireWriter(user);
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("dimension", "validation.required");
		}
		long id = this.jdbc.sql("""
				insert into foresight_dimension (organisation_id, project, name, factors, demo_note, created_by)
				values (:org, :project, :name, :factors, :demo, :actor) returning id""")
			.param("org", user.organisationId())
			.param("project", Texts.clean(project))
			.param("name", clean)
			.param("factors", lines(factors).toArray(String[]::new))
			.param("demo", demoNote)
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), "foresight_dimension", id, "CREATED", clean,
				Map.of());
		return new Scenario.Dimension(id, user.organisationId(), Texts.clean(project), clean, lines(factors), demoNote);
	}

}
