package se.stratlas.strategy.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;

/**
 * The SQL of the strategy module, in one place: only the module's own classes use it.
 */
@Repository
public class StrategyRepository {

	public static final RowMapper<Strategy> STRATEGY = (rs, row) -> new Strategy(rs.getLong("id"),
			nullableLong(rs, "organisation_id"), Strategy.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
			rs.getString("name_sv"), rs.getString("name_en"), rs.getString("description_sv"),
			rs.getString("description_en"), nullableInt(rs, "period_start"), nullableInt(rs, "period_end"),
			nullableLong(rs, "derived_from_id"), rs.getBoolean("published"), rs.getInt("version"),
			rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	public static final RowMapper<StrategyVersion> VERSION = (rs, row) -> {
		Date decided = rs.getDate("decision_date");
		return new StrategyVersion(rs.getLong("id"), rs.getLong("strategy_id"), rs.getInt("number"),
				rs.getString("label"), StrategyStatus.valueOf(rs.getString("status")), rs.getString("decision_body"),
				decided == null ? null : decided.toLocalDate(), rs.getString("decision_note"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	};

	public static final RowMapper<StrategyElement> ELEMENT = (rs, row) -> new StrategyElement(rs.getLong("id"),
			rs.getLong("version_id"), rs.getObject("element_key", UUID.class), nullableLong(rs, "parent_id"),
			rs.getString("path"), ElementType.valueOf(rs.getString("type")), rs.getString("code"),
			rs.getString("name_sv"), rs.getString("name_en"), rs.getString("description_sv"),
			rs.getString("description_en"), strings(rs.getArray("aliases")), rs.getInt("sort_order"),
			rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	private final JdbcClient jdbc;

	StrategyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	public List<Strategy> strategiesVisibleTo(Long organisationId) {
		return this.jdbc.sql("""
				select * from strategy_strategy
				where organisation_id is null or organisation_id = :org or published
				order by kind desc, (organisation_id = :org) desc nulls last, lower(code)""")
			.param("org", organisationId)
			.query(STRATEGY)
			.list();
	}

	public List<Strategy> publishedStrategies() {
		return this.jdbc
			.sql("select * from strategy_strategy where published or organisation_id is null "
					+ "order by kind desc, lower(code)")
			.query(STRATEGY)
			.list();
	}

	public Optional<Strategy> strategy(long id) {
		return this.jdbc.sql("select * from strategy_strategy where id = :id")
			.param("id", id)
			.query(STRATEGY)
			.optional();
	}

	public Optional<Strategy> strategyByCode(Long organisationId, String code) {
		return this.jdbc
			.sql("""
					select * from strategy_strategy
					where coalesce(organisation_id, 0) = coalesce(cast(:org as bigint), 0) and lower(code) = lower(:code)""")
			.param("org", organisationId)
			.param("code", code)
			.query(STRATEGY)
			.optional();
	}

	public List<StrategyVersion> versions(long strategyId) {
		return this.jdbc.sql("select * from strategy_version where strategy_id = :id order by number desc")
			.param("id", strategyId)
			.query(VERSION)
			.list();
	}

	public Optional<StrategyVersion> version(long versionId) {
		return this.jdbc.sql("select * from strategy_version where id = :id")
			.param("id", versionId)
			.query(VERSION)
			.optional();
	}

	public Optional<StrategyVersion> latestVersion(long strategyId) {
		return this.jdbc.sql("select * from strategy_version where strategy_id = :id order by number desc limit 1")
			.param("id", strategyId)
			.query(VERSION)
			.optional();
	}

	public List<StrategyElement> elements(long versionId) {
		return this.jdbc.sql("select * from strategy_element where version_id = :v order by path")
			.param("v", versionId)
			.query(ELEMENT)
			.list();
	}

	public Optional<StrategyElement> element(long id) {
		return this.jdbc.sql("select * from strategy_element where id = :id").param("id", id).query(ELEMENT).optional();
	}

	public Optional<StrategyElement> elementByCode(long versionId, String code) {
		return this.jdbc.sql("select * from strategy_element where version_id = :v and lower(code) = lower(:code)")
			.param("v", versionId)
			.param("code", code)
			.query(ELEMENT)
			.optional();
	}

	/** The element with this key in the latest version of its strategy. */
	public Optional<StrategyElement> latestElementByKey(UUID key) {
		return this.jdbc.sql("""
				select e.* from strategy_element e join strategy_version v on v.id = e.version_id
				where e.element_key = :key order by v.number desc limit 1""")
			.param("key", key)
			.query(ELEMENT)
			.optional();
	}

	public List<StrategyElement> children(long versionId, Long parentId) {
		return this.jdbc.sql("""
				select * from strategy_element where version_id = :v
				and parent_id is not distinct from cast(:parent as bigint) order by sort_order, id""")
			.param("v", versionId)
			.param("parent", parentId)
			.query(ELEMENT)
			.list();
	}

	public int countSubtree(long versionId, String path) {
		return this.jdbc.sql("select count(*) from strategy_element where version_id = :v and path like :p")
			.param("v", versionId)
			.param("p", path + "%")
			.query(Integer.class)
			.single();
	}

	public long insertElement(long versionId, UUID key, StrategyElement parent, ElementDraft draft, int sortOrder,
			String actor) {
		long id = this.jdbc.sql("""
				insert into strategy_element (version_id, element_key, parent_id, path, type, code, name_sv, name_en,
				description_sv, description_en, aliases, sort_order, created_by, updated_by)
				values (:v, :key, :parent, '', :type, :code, :nameSv, :nameEn, :descSv, :descEn, :aliases, :sort,
				:actor, :actor) returning id""")
			.param("v", versionId)
			.param("key", key)
			.param("parent", parent == null ? null : parent.id())
			.param("type", draft.type().name())
			.param("code", draft.code())
			.param("nameSv", draft.nameSv())
			.param("nameEn", draft.nameEn())
			.param("descSv", draft.descriptionSv())
			.param("descEn", draft.descriptionEn())
			.param("aliases", draft.aliases().toArray(String[]::new))
			.param("sort", sortOrder)
			.param("actor", actor)
			.query(Long.class)
			.single();
		this.jdbc.sql("update strategy_element set path = :path where id = :id")
			.param("path", (parent == null ? "/" : parent.path()) + id + "/")
			.param("id", id)
			.update();
		return id;
	}

	public int nextSortOrder(long versionId, Long parentId) {
		return this.jdbc.sql("""
				select coalesce(max(sort_order) + 1, 0) from strategy_element where version_id = :v
				and parent_id is not distinct from cast(:parent as bigint)""")
			.param("v", versionId)
			.param("parent", parentId)
			.query(Integer.class)
			.single();
	}

	public long insertVersion(long strategyId, int number, String label, StrategyStatus status, String decisionBody,
			LocalDate decisionDate, String note, String actor) {
		return this.jdbc
			.sql("""
					insert into strategy_version (strategy_id, number, label, status, decision_body, decision_date,
					decision_note, created_by) values (:s, :n, :label, :status, :body, :date, :note, :actor) returning id""")
			.param("s", strategyId)
			.param("n", number)
			.param("label", label)
			.param("status", status.name())
			.param("body", decisionBody)
			.param("date", decisionDate)
			.param("note", note)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
