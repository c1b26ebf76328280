package se.stratlas.followup.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.followup.Comment;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.Product;
import se.stratlas.followup.Revision;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigures;
import se.stratlas.shared.NotFoundException;

/**
 * The SQL the follow-up services share: the row mappers and the reads of cycles,
 * sections, contributions and products. Only the follow-up module uses it.
 */
@Repository
public class FollowupRepository {

	public static final RowMapper<Cycle> CYCLE = (rs, row) -> new Cycle(rs.getLong("id"), rs.getLong("organisation_id"),
			rs.getString("name"), CycleKind.valueOf(rs.getString("kind")), rs.getString("period_code"),
			nullableLong(rs, "strategy_id"), nullableLong(rs, "strategy_version_id"),
			CycleState.valueOf(rs.getString("state")), date(rs, "opens_on"), date(rs, "due_on"),
			date(rs, "review_due_on"), date(rs, "publish_on"), nullableLong(rs, "copied_from_id"),
			rs.getString("demo_note"), rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"));

	public static final RowMapper<Section> SECTION = (rs, row) -> new Section(rs.getLong("id"), rs.getLong("cycle_id"),
			rs.getInt("position"), rs.getString("chapter"), rs.getString("title"), rs.getString("guidance"),
			SectionKind.valueOf(rs.getString("kind")),
			rs.getString("perspective") == null ? null : Perspective.valueOf(rs.getString("perspective")),
			rs.getObject("element_key", UUID.class), strings(rs.getArray("indicator_codes")),
			SectionTopic.valueOf(rs.getString("topic")));

	public static final RowMapper<Contribution> CONTRIBUTION = (rs, row) -> new Contribution(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getLong("cycle_id"), rs.getLong("section_id"), rs.getLong("unit_id"),
			nullableLong(rs, "responsible_user_id"), date(rs, "due_on"),
			ContributionState.valueOf(rs.getString("state")), rs.getString("body"),
			rs.getString("fulfilment") == null ? null : Fulfilment.valueOf(rs.getString("fulfilment")),
			rs.getInt("revision"), (Integer) rs.getObject("approved_revision"), nullableLong(rs, "previous_id"),
			rs.getString("demo_note"), rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"));

	public static final RowMapper<Revision> REVISION = (rs, row) -> new Revision(rs.getLong("id"),
			rs.getLong("contribution_id"), (Integer) rs.getObject("revision"),
			Revision.Kind.valueOf(rs.getString("kind")), rs.getString("body"), rs.getString("fulfilment"),
			rs.getString("state"), rs.getString("note"), instant(rs, "saved_at"), rs.getString("saved_by"));

	public static final RowMapper<Comment> COMMENT = (rs, row) -> new Comment(rs.getLong("id"),
			rs.getLong("contribution_id"), nullableLong(rs, "parent_id"), Comment.Kind.valueOf(rs.getString("kind")),
			rs.getString("body"), instant(rs, "created_at"), rs.getString("created_by"));

	public static final RowMapper<UnitFigures> FIGURES = (rs, row) -> new UnitFigures(rs.getLong("id"),
			rs.getLong("unit_id"), rs.getString("period_code"), rs.getBigDecimal("budget"), rs.getBigDecimal("outcome"),
			rs.getBigDecimal("forecast"), rs.getBigDecimal("previous_year"), rs.getBigDecimal("savings_target"),
			(Integer) rs.getObject("employees"), (Integer) rs.getObject("employees_change"),
			(Integer) rs.getObject("permanent_employees"), rs.getBigDecimal("sick_leave_pct"),
			rs.getBigDecimal("worked_hours"), rs.getString("source_note"), rs.getInt("version"),
			instant(rs, "updated_at"), rs.getString("updated_by"));

	public static final RowMapper<Notice> NOTICE = (rs, row) -> new Notice(rs.getLong("id"), rs.getLong("user_id"),
			nullableLong(rs, "contribution_id"), Notice.Kind.valueOf(rs.getString("kind")), date(rs, "due_on"),
			rs.getString("message"), instant(rs, "created_at"),
			rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());

	private final JdbcClient jdbc;

	public FollowupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	public Cycle cycle(long organisationId, long id) {
		return this.jdbc.sql("select * from followup_cycle where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(CYCLE)
			.optional()
			.orElseThrow(() -> new NotFoundException("cycle", id));
	}

	public List<Cycle> cycles(long organisationId) {
		return this.jdbc
			.sql("select * from followup_cycle where organisation_id = :org order by period_code desc, name, id desc")
			.param("org", organisationId)
			.query(CYCLE)
			.list();
	}

	public List<Section> sections(long cycleId) {
		return this.jdbc.sql("select * from followup_section where cycle_id = :cycle order by position, id")
			.param("cycle", cycleId)
			.query(SECTION)
			.list();
	}

	public Section section(long cycleId, long id) {
		return this.jdbc.sql("select * from followup_section where cycle_id = :cycle and id = :id")
			.param("cycle", cycleId)
			.param("id", id)
			.query(SECTION)
			.optional()
			.orElseThrow(() -> new NotFoundException("section", id));
	}

	public List<Contribution> contributions(long cycleId) {
		return this.jdbc.sql("""
				select c.* from followup_contribution c join followup_section s on s.id = c.section_id
				where c.cycle_id = :cycle order by s.position, s.id, c.unit_id""")
			.param("cycle", cycleId)
			.query(CONTRIBUTION)
			.list();
	}

	public Contribution contribution(long organisationId, long id) {
		return this.jdbc.sql("select * from followup_contribution where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(CONTRIBUTION)
			.optional()
			.orElseThrow(() -> new NotFoundException("contribution", id));
	}

	/** The sections each product of the cycle uses. */
	public Map<Long, Set<Long>> productSections(long cycleId) {
		Map<Long, Set<Long>> sections = new HashMap<>();
		this.jdbc.sql("""
				select ps.product_id, ps.section_id from followup_product_section ps
				join followup_product p on p.id = ps.product_id where p.cycle_id = :cycle""")
			.param("cycle", cycleId)
			.query((rs, row) -> sections.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2)))
			.list();
		return sections;
	}

	public List<Product> products(long cycleId) {
		Map<Long, Set<Long>> sections = productSections(cycleId);
		return this.jdbc.sql("select * from followup_product where cycle_id = :cycle order by id")
			.param("cycle", cycleId)
			.query((rs, row) -> new Product(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("name"),
					ProductKind.valueOf(rs.getString("kind")),
					rs.getTimestamp("frozen_at") == null ? null : rs.getTimestamp("frozen_at").toInstant(),
					rs.getString("frozen_by"), Set.copyOf(sections.getOrDefault(rs.getLong("id"), Set.of())),
					rs.getInt("version")))
			.list();
	}

	/** Adds a cycle; its id. */
	public long insertCycle(long organisationId, Cycle.Draft clean, Long strategyId, Long copiedFromId, String actor) {
		return this.jdbc.sql("""
				insert into followup_cycle (organisation_id, name, kind, period_code, strategy_id, strategy_version_id,
				opens_on, due_on, review_due_on, publish_on, copied_from_id, created_by, updated_by)
				values (:org, :name, :kind, :period, :strategy, :version, :opens, :due, :review, :publish, :source,
				:actor, :actor) returning id""")
			.param("org", organisationId)
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("period", clean.periodCode())
			.param("strategy", strategyId)
			.param("version", clean.strategyVersionId())
			.param("opens", clean.opensOn())
			.param("due", clean.dueOn())
			.param("review", clean.reviewDueOn())
			.param("publish", clean.publishOn())
			.param("source", copiedFromId)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	/** Changes a cycle's form if it still has the expected version; the rows changed. */
	public int updateCycle(long organisationId, long id, int expectedVersion, Cycle.Draft clean, Long strategyId,
			String actor) {
		return this.jdbc.sql("""
				update followup_cycle set name = :name, kind = :kind, period_code = :period, strategy_id = :strategy,
				strategy_version_id = :version, opens_on = :opens, due_on = :due, review_due_on = :review,
				publish_on = :publish, version = version + 1, updated_at = now(), updated_by = :actor
				where id = :id and organisation_id = :org and version = :expected""")
			.param("name", clean.name())
			.param("kind", clean.kind().name())
			.param("period", clean.periodCode())
			.param("strategy", strategyId)
			.param("version", clean.strategyVersionId())
			.param("opens", clean.opensOn())
			.param("due", clean.dueOn())
			.param("review", clean.reviewDueOn())
			.param("publish", clean.publishOn())
			.param("actor", actor)
			.param("id", id)
			.param("org", organisationId)
			.param("expected", expectedVersion)
			.update();
	}

	/** Adds a section to a cycle at a position; {@code copiedFrom} names its original. */
	public long insertSection(long cycleId, int position, Section.Draft draft, Long copiedFrom) {
		return this.jdbc.sql("""
				insert into followup_section (cycle_id, position, chapter, title, guidance, kind, perspective,
				element_key, indicator_codes, topic, copied_from_id) values (:cycle, :position, :chapter, :title,
				:guidance, :kind, :perspective, :element, :indicators, :topic, :source)
				returning id""")
			.param("cycle", cycleId)
			.param("position", position)
			.param("chapter", draft.chapter())
			.param("title", draft.title())
			.param("guidance", draft.guidance())
			.param("kind", draft.kind().name())
			.param("perspective", draft.perspective() == null ? null : draft.perspective().name())
			.param("element", draft.elementKey())
			.param("indicators", draft.indicatorCodes().toArray(String[]::new))
			.param("topic", (draft.topic() == null ? SectionTopic.GENERAL : draft.topic()).name())
			.param("source", copiedFrom)
			.query(Long.class)
			.single();
	}

	public static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	public static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	public static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
