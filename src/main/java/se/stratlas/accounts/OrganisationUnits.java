package se.stratlas.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * The units of an organisation, as a hierarchy with materialized paths. A rapportör's
 * rights follow their unit: they cover the unit and every unit under it
 * ({@link #unitAndBelow}).
 */
@Component
public class OrganisationUnits {

	private static final RowMapper<OrganisationUnit> UNIT = (rs, row) -> {
		long parent = rs.getLong("parent_id");
		return new OrganisationUnit(rs.getLong("id"), rs.getLong("organisation_id"), rs.wasNull() ? null : parent,
				rs.getString("path"), OrganisationUnit.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getInt("version"));
	};

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	OrganisationUnits(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The organisation's units in tree order. */
	public List<OrganisationUnit> list(long organisationId) {
		return this.jdbc.sql("select * from accounts_unit where organisation_id = :org order by path")
			.param("org", organisationId)
			.query(UNIT)
			.list();
	}

	public OrganisationUnit get(long organisationId, long id) {
		return this.jdbc.sql("select * from accounts_unit where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(UNIT)
			.optional()
			.orElseThrow(() -> new NotFoundException("unit", id));
	}

	/** The unit's id and the ids of all units below it. */
	public Set<Long> unitAndBelow(long unitId) {
		return Set.copyOf(this.jdbc.sql("""
				select u.id from accounts_unit u join accounts_unit top on top.id = :id
				where u.organisation_id = top.organisation_id and u.path like top.path || '%'""")
			.param("id", unitId)
			.query(Long.class)
			.list());
	}

	/** Unit names by id, for lists. */
	public Map<Long, String> names(long organisationId) {
		return list(organisationId).stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name));
	}

	@Transactional
	public OrganisationUnit create(long organisationId, Long parentId, OrganisationUnit.Kind kind, String name,
			String actor) {
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		if (kind == null) {
			throw new ValidationException("kind", "validation.required");
		}
		if (list(organisationId).stream().anyMatch(u -> u.name().equalsIgnoreCase(clean))) {
			throw new ValidationException("name", "unit.name.taken");
		}
		OrganisationUnit parent = parentId == null ? null : get(organisationId, parentId);
		long id = this.jdbc.sql("""
				insert into accounts_unit (organisation_id, parent_id, kind, name) values (:org, :parent, :kind, :name)
				returning id""")
			.param("org", organisationId)
			.param("parent", parentId)
			.param("kind", kind.name())
			.param("name", clean)
			.query(Long.class)
			.single();
		this.jdbc.sql("update accounts_unit set path = :path where id = :id")
			.param("path", (parent == null ? "/" : parent.path()) + id + "/")
			.param("id", id)
			.update();
		this.audit.record(organisationId, actor, "unit", id, "CREATED", clean,
				Map.of("name", new FieldChange(null, clean)));
		return get(organisationId, id);
	}

	/** Returns the unit with this name, creating it (under the parent) the first time. */
	@Transactional
	public OrganisationUnit ensure(long organisationId, Long parentId, OrganisationUnit.Kind kind, String name,
			String actor) {
		return list(organisationId).stream()
			.filter(u -> u.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseGet(() -> create(organisationId, parentId, kind, name, actor));
	}

	/** Places a user in a unit (or none). */
	@Transactional
	public void assign(long organisationId, long userId, Long unitId, String actor) {
		if (unitId != null) {
			get(organisationId, unitId);
		}
		int updated = this.jdbc
			.sql("update accounts_user set unit_id = :unit where id = :id and organisation_id = :org")
			.param("unit", unitId)
			.param("id", userId)
			.param("org", organisationId)
			.update();
		if (updated == 0) {
			throw new NotFoundException("user", userId);
		}
		this.audit.record(organisationId, actor, UserAccounts.ENTITY, userId, "UPDATED", null,
				Map.of("unit", new FieldChange(null, unitId)));
	}

}
