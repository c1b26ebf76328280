package se.stratlas.learning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.learning.Assessment;
import se.stratlas.learning.Evidence;
import se.stratlas.learning.Judgement;
import se.stratlas.learning.Lesson;
import se.stratlas.learning.Proposal;
import se.stratlas.strategy.ElementType;

/**
 * The learning module's SQL: assessments, lessons, proposals and the evidence they cite,
 * read with their evidence in one query per kind.
 */
@Repository
public class LearningRepository {

	private static final RowMapper<Assessment> ASSESSMENT = (rs, n) -> new Assessment(rs.getLong("id"),
			rs.getLong("strategy_id"), rs.getObject("element_key", UUID.class), rs.getLong("cycle_id"),
			Judgement.valueOf(rs.getString("judgement")), rs.getString("motivation"), rs.getString("demo_note"),
			rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

	private final JdbcClient jdbc;

	LearningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Assessment> assessments(long organisationId, Collection<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from learning_assessment where organisation_id = :org and element_key = any(:keys)"
					+ " order by cycle_id desc")
			.param("org", organisationId)
			.param("keys", keys.toArray(UUID[]::new))
			.query(ASSESSMENT)
			.list();
	}

	public List<Assessment> assessmentsOfStrategy(long organisationId, long strategyId) {
		return this.jdbc
			.sql("select * from learning_assessment where organisation_id = :org and strategy_id = :strategy"
					+ " order by cycle_id desc")
			.param("org", organisationId)
			.param("strategy", strategyId)
			.query(ASSESSMENT)
			.list();
	}

	public List<Lesson> lessons(String where, Map<String, Object> params) {
		List<Lesson> lessons = this.jdbc.sql("select * from learning_lesson where " + where + " order by id desc")
			.params(params)
			.query((rs, n) -> lesson(rs, List.of()))
			.list();
		Map<Long, List<Evidence>> evidence = evidence("lesson_id", lessons.stream().map(Lesson::id).toList());
		return lessons.stream().map(l -> withEvidence(l, evidence.getOrDefault(l.id(), List.of()))).toList();
	}

	public List<Proposal> proposals(String where, Map<String, Object> params) {
		List<Proposal> proposals = this.jdbc
			.sql("select * from learning_proposal where " + where + " order by proposed_at desc, id desc")
			.params(params)
			.query((rs, n) -> proposal(rs, List.of()))
			.list();
		Map<Long, List<Evidence>> evidence = evidence("proposal_id", proposals.stream().map(Proposal::id).toList());
		List<Proposal> result = new ArrayList<>();
		for (Proposal p : proposals) {
			result.add(new Proposal(p.id(), p.strategyId(), p.elementKey(), p.cycleId(), p.kind(), p.title(),
					p.nameSv(), p.descriptionSv(), p.childType(), p.indicatorId(), p.targetComparator(),
					p.targetValue(), p.targetDeadline(), p.motivation(), evidence.getOrDefault(p.id(), List.of()),
					p.state(), p.proposedBy(), p.proposedAt(), p.decidedBy(), p.decidedAt(), p.decisionNote(),
					p.appliedVersionId(), p.appliedElementKey(), p.demoNote(), p.version()));
		}
		return result;
	}

	/** Replaces the evidence of a lesson ({@code lesson_id}) or a proposal. */
	public void replaceEvidence(String column, long ownerId, List<Evidence> evidence) {
		if (!column.equals("lesson_id") && !column.equals("proposal_id")) {
			throw new IllegalArgumentException(column);
		}
		this.jdbc.sql("delete from learning_evidence where " + column + " = :id").param("id", ownerId).update();
		for (Evidence e : evidence) {
			this.jdbc
				.sql("insert into learning_evidence (" + column
						+ ", kind, ref_id, label) values (:owner, :kind, :ref, :label)")
				.param("owner", ownerId)
				.param("kind", e.kind().name())
				.param("ref", e.refId())
				.param("label", e.label())
				.update();
		}
	}

	private Map<Long, List<Evidence>> evidence(String column, List<Long> ids) {
		Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return evidence;
		}
		this.jdbc.sql("select * from learning_evidence where " + column + " = any(:ids) order by id")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong(column),
					new Evidence(Evidence.Kind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
							rs.getString("label"))))
			.list()
			.forEach(entry -> evidence.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
		return evidence;
	}

	private static Lesson lesson(ResultSet rs, List<Evidence> evidence) throws SQLException {
		return new Lesson(rs.getLong("id"), rs.getLong("strategy_id"), rs.getObject("element_key", UUID.class),
				rs.getObject("cycle_id", Long.class), rs.getString("body"), evidence, rs.getString("demo_note"),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static Lesson withEvidence(Lesson l, List<Evidence> evidence) {
		return new Lesson(l.id(), l.strategyId(), l.elementKey(), l.cycleId(), l.body(), evidence, l.demoNote(),
				l.version(), l.createdAt(), l.createdBy(), l.updatedAt(), l.updatedBy());
	}

	private static Proposal proposal(ResultSet rs, List<Evidence> evidence) throws SQLException {
		String childType = rs.getString("child_type");
		return new Proposal(rs.getLong("id"), rs.getLong("strategy_id"), rs.getObject("element_key", UUID.class),
				rs.getObject("cycle_id", Long.class), Proposal.Kind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("name_sv"), rs.getString("description_sv"),
				childType == null ? null : ElementType.valueOf(childType), rs.getObject("indicator_id", Long.class),
				rs.getString("target_comparator"), rs.getObject("target_value", Double.class),
				rs.getString("target_deadline"), rs.getString("motivation"), evidence,
				Proposal.State.valueOf(rs.getString("state")), rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
				rs.getString("decision_note"), rs.getObject("applied_version_id", Long.class),
				rs.getObject("applied_element_key", UUID.class), rs.getString("demo_note"), rs.getInt("version"));
	}

}
