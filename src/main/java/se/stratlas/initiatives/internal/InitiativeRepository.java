package se.stratlas.initiatives.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.actors.Partnership;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.initiatives.Parts.Funding;
import se.stratlas.initiatives.Parts.SdgEffect;

/**
 * The SQL of the initiatives module. Participants come without the actors' names: those
 * belong to the actors module, which the callers ask.
 */
@Repository
public class InitiativeRepository {

	public static final RowMapper<Initiative> INITIATIVE = (rs, row) -> new Initiative(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getString("name"), rs.getString("acronym"),
			InitiativeType.valueOf(rs.getString("type")), Status.valueOf(rs.getString("status")),
			rs.getString("description"), rs.getString("purpose"), rs.getString("target_group"), rs.getString("outputs"),
			rs.getString("outcomes"), rs.getString("expected_effects"), date(rs, "start_date"), date(rs, "end_date"),
			nullableLong(rs, "owner_unit_id"), nullableLong(rs, "predecessor_id"), strings(rs.getArray("area_codes")),
			strings(rs.getArray("links")), rs.getString("demo_note"), rs.getInt("version"),
			rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	public static final RowMapper<Assessment> ASSESSMENT = (rs, row) -> new Assessment(rs.getLong("id"),
			rs.getObject("direction_key", UUID.class), rs.getString("level_code"), rs.getInt("score"),
			rs.getString("actor_note"), rs.getString("target_group_note"), rs.getString("geography_note"),
			rs.getString("narrative"), rs.getString("assessed_by"), rs.getTimestamp("assessed_at").toInstant());

	private final JdbcClient jdbc;

	InitiativeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	public Optional<Initiative> initiative(long organisationId, long id) {
		return this.jdbc.sql("select * from initiatives_initiative where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(INITIATIVE)
			.optional();
	}

	/**
	 * The initiatives matching the filter; {@code elementKeys} null means any element.
	 */
	public List<Initiative> find(long organisationId, InitiativeFilter filter, Collection<UUID> elementKeys) {
		StringBuilder sql = new StringBuilder(
				"select i.* from initiatives_initiative i where i.organisation_id = :org");
		List<Object[]> params = new ArrayList<>();
		String q = filter.q() == null ? null : filter.q().strip();
		if (q != null && !q.isEmpty()) {
			sql.append(
					" and (i.search @@ websearch_to_tsquery('swedish', :q) or i.name ilike :like or i.acronym ilike :like)");
			params.add(new Object[] { "q", q });
			params.add(new Object[] { "like", "%" + q.replace("%", "\\%").replace("_", "\\_") + "%" });
		}
		if (filter.status() != null) {
			sql.append(" and i.status = :status");
			params.add(new Object[] { "status", filter.status().name() });
		}
		if (filter.type() != null) {
			sql.append(" and i.type = :type");
			params.add(new Object[] { "type", filter.type().name() });
		}
		if (elementKeys != null) {
			sql.append(" and exists (select 1 from initiatives_contribution c where c.initiative_id = i.id"
					+ " and c.element_key = any(:keys))");
			params.add(new Object[] { "keys", elementKeys.toArray(UUID[]::new) });
		}
		if (filter.areaCode() != null) {
			sql.append(" and :area = any(i.area_codes)");
			params.add(new Object[] { "area", filter.areaCode() });
		}
		if (filter.source() != null || filter.year() != null) {
			sql.append(" and exists (select 1 from initiatives_funding f where f.initiative_id = i.id");
			if (filter.source() != null) {
				sql.append(" and f.source = :source");
				params.add(new Object[] { "source", filter.source().name() });
			}
			if (filter.year() != null) {
				sql.append(" and f.year = :year");
				params.add(new Object[] { "year", filter.year() });
			}
			sql.append(")");
		}
		if (q != null && !q.isEmpty()) {
			sql.append(" order by ts_rank(i.search, websearch_to_tsquery('swedish', :q)) desc, lower(i.name)");
		}
		else {
			sql.append(" order by lower(i.name)");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("org", organisationId);
		for (Object[] param : params) {
			statement = statement.param((String) param[0], param[1]);
		}
		return statement.query(INITIATIVE).list();
	}

	public Map<Long, List<Funding>> fundingOf(Long[] ids) {
		Map<Long, List<Funding>> byInitiative = new HashMap<>();
		this.jdbc.sql("select * from initiatives_funding where initiative_id = any(:ids) order by year, source")
			.param("ids", ids)
			.query((rs, row) -> byInitiative.computeIfAbsent(rs.getLong("initiative_id"), k -> new ArrayList<>())
				.add(new Funding(rs.getLong("id"), FundingSource.valueOf(rs.getString("source")), rs.getInt("year"),
						rs.getBigDecimal("amount_sek"), rs.getString("note"))))
			.list();
		return byInitiative;
	}

	/** An actor taking part in an initiative, by id. */
	public record ParticipantRow(long initiativeId, long actorId, Partnership.Role role) {
	}

	/** The participants of these initiatives, by actor id (the names live in actors). */
	public List<ParticipantRow> participantsOf(Long[] ids) {
		return this.jdbc
			.sql("select initiative_id, actor_id, role from initiatives_participant"
					+ " where initiative_id = any(:ids) order by actor_id, role")
			.param("ids", ids)
			.query((rs, row) -> new ParticipantRow(rs.getLong("initiative_id"), rs.getLong("actor_id"),
					Partnership.Role.valueOf(rs.getString("role"))))
			.list();
	}

	public Map<Long, List<Object[]>> contributionsOf(Long[] ids) {
		Map<Long, List<Object[]>> byInitiative = new HashMap<>();
		this.jdbc.sql("""
				select initiative_id, element_key, is_primary, motivation from initiatives_contribution
				where initiative_id = any(:ids) order by is_primary desc""")
			.param("ids", ids)
			.query((rs, row) -> byInitiative.computeIfAbsent(rs.getLong("initiative_id"), k -> new ArrayList<>())
				.add(new Object[] { rs.getObject("element_key", UUID.class), rs.getBoolean("is_primary"),
						rs.getString("motivation") }))
			.list();
		return byInitiative;
	}

	public Map<Long, List<Assessment>> assessmentsOf(Long[] ids) {
		Map<Long, List<Assessment>> byInitiative = new HashMap<>();
		this.jdbc.sql("select * from initiatives_assessment where initiative_id = any(:ids) order by id")
			.param("ids", ids)
			.query((rs, row) -> byInitiative.computeIfAbsent(rs.getLong("initiative_id"), k -> new ArrayList<>())
				.add(ASSESSMENT.mapRow(rs, row)))
			.list();
		return byInitiative;
	}

	public Map<Long, List<SdgEffect>> sdgEffectsOf(Long[] ids) {
		Map<Long, List<SdgEffect>> byInitiative = new HashMap<>();
		this.jdbc.sql("select * from initiatives_sdg_effect where initiative_id = any(:ids) order by sdg_code")
			.param("ids", ids)
			.query((rs, row) -> byInitiative.computeIfAbsent(rs.getLong("initiative_id"), k -> new ArrayList<>())
				.add(new SdgEffect(rs.getLong("id"), rs.getString("sdg_code"), rs.getBoolean("direct"),
						rs.getBoolean("positive"), rs.getString("note"), rs.getString("goal_conflict"))))
			.list();
		return byInitiative;
	}

	public List<Funding> funding(long initiativeId) {
		return this.jdbc.sql("select * from initiatives_funding where initiative_id = :id order by year, source")
			.param("id", initiativeId)
			.query((rs, row) -> new Funding(rs.getLong("id"), FundingSource.valueOf(rs.getString("source")),
					rs.getInt("year"), rs.getBigDecimal("amount_sek"), rs.getString("note")))
			.list();
	}

	public List<Object[]> contributions(long initiativeId) {
		return this.jdbc.sql("""
				select element_key, is_primary, motivation from initiatives_contribution where initiative_id = :id
				order by is_primary desc""")
			.param("id", initiativeId)
			.query((rs,
					row) -> new Object[] { rs.getObject("element_key", UUID.class), rs.getBoolean("is_primary"),
							rs.getString("motivation") })
			.list();
	}

	public List<Assessment> assessmentsOfInitiative(long initiativeId) {
		return this.jdbc.sql("select * from initiatives_assessment where initiative_id = :id order by id")
			.param("id", initiativeId)
			.query(ASSESSMENT)
			.list();
	}

	public List<Assessment> assessmentsOfApplication(long applicationId) {
		return this.jdbc.sql("select * from initiatives_assessment where application_id = :id order by id")
			.param("id", applicationId)
			.query(ASSESSMENT)
			.list();
	}

	public List<SdgEffect> sdgEffects(long initiativeId) {
		return this.jdbc.sql("select * from initiatives_sdg_effect where initiative_id = :id order by sdg_code")
			.param("id", initiativeId)
			.query((rs, row) -> new SdgEffect(rs.getLong("id"), rs.getString("sdg_code"), rs.getBoolean("direct"),
					rs.getBoolean("positive"), rs.getString("note"), rs.getString("goal_conflict")))
			.list();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	public static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	public static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
