package se.stratlas.followup.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.followup.Comment;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Revision;

/**
 * The stored history of contributions: numbered revisions, autosaves that may still grow,
 * state changes, conflict copies, comments, and the revision a frozen product shows. Only
 * {@code Contributions} and {@code ContributionReviews} write it.
 */
@Repository
public class RevisionStore {

	/**
	 * Autosaves by the same writer within this time update one revision instead of adding
	 * one.
	 */
	static final Duration AUTOSAVE_WINDOW = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	RevisionStore(FollowupRepository repository) {
		this.jdbc = repository.jdbc();
	}

	/** The newest revision, when an autosave by the same writer may still grow it. */
	public Optional<Revision> coalescible(Contribution contribution, String actor) {
		return this.jdbc.sql("""
				select * from followup_revision r where contribution_id = :id and revision = :revision
				and kind = 'AUTOSAVE' and not sealed and saved_by = :actor and saved_at > :since
				and not exists (select 1 from followup_product_freeze f where f.contribution_id = r.contribution_id
				and f.revision = r.revision)""")
			.param("id", contribution.id())
			.param("revision", contribution.revision())
			.param("actor", actor)
			.param("since", Timestamp.from(Instant.now().minus(AUTOSAVE_WINDOW)))
			.query(FollowupRepository.REVISION)
			.optional()
			.filter(r -> contribution.approvedRevision() == null || r.revision() > contribution.approvedRevision());
	}

	public String text(long contributionId, int revision) {
		if (revision <= 0) {
			return "";
		}
		return this.jdbc.sql(
				"select body from followup_revision where contribution_id = :id and revision = :revision and kind not in ('STATE', 'CONFLICT_COPY') order by id desc limit 1")
			.param("id", contributionId)
			.param("revision", revision)
			.query(String.class)
			.optional()
			.orElse("");
	}

	public void add(long contributionId, Integer revision, Revision.Kind kind, String body, Fulfilment fulfilment,
			ContributionState state, String note, String actor) {
		this.jdbc.sql("""
				insert into followup_revision (contribution_id, revision, kind, body, fulfilment, state, note, saved_by)
				values (:id, :revision, :kind, :body, :fulfilment, :state, :note, :actor)""")
			.param("id", contributionId)
			.param("revision", revision)
			.param("kind", kind.name())
			.param("body", body)
			.param("fulfilment", fulfilment == null ? null : fulfilment.name())
			.param("state", state.name())
			.param("note", note)
			.param("actor", actor)
			.update();
	}

	public long addComment(long contributionId, Long parentId, Comment.Kind kind, String body, String actor) {
		return this.jdbc.sql("""
				insert into followup_comment (contribution_id, parent_id, kind, body, created_by)
				values (:id, :parent, :kind, :body, :actor) returning id""")
			.param("id", contributionId)
			.param("parent", parentId)
			.param("kind", kind.name())
			.param("body", body)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	/** A contribution's comments, oldest first. */
	public List<Comment> comments(long contributionId) {
		return this.jdbc.sql("select * from followup_comment where contribution_id = :id order by id")
			.param("id", contributionId)
			.query(FollowupRepository.COMMENT)
			.list();
	}

	/** A contribution's revisions, state changes and conflict copies, newest first. */
	public List<Revision> revisions(long contributionId) {
		return this.jdbc.sql("select * from followup_revision where contribution_id = :id order by id desc")
			.param("id", contributionId)
			.query(FollowupRepository.REVISION)
			.list();
	}

	/** The revision a frozen product shows of a contribution, if any. */
	public Integer frozenRevision(long productId, long contributionId) {
		return this.jdbc
			.sql("select revision from followup_product_freeze where product_id = :product and contribution_id = :id")
			.param("product", productId)
			.param("id", contributionId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Seals a contribution's growing autosave, so that what its writer types next becomes
	 * a new revision.
	 */
	public void seal(long contributionId) {
		this.jdbc.sql(
				"update followup_revision set sealed = true where contribution_id = :id and kind = 'AUTOSAVE' and not sealed")
			.param("id", contributionId)
			.update();
	}

	/**
	 * Writes a contribution's text if it still has the expected version; the rows
	 * changed.
	 */
	public int write(long id, int expectedVersion, String text, Fulfilment fulfilment, ContributionState state,
			int revision, String actor) {
		return this.jdbc.sql("""
				update followup_contribution set body = :body, fulfilment = :fulfilment, state = :state,
				revision = :revision, version = version + 1, updated_at = now(), updated_by = :actor
				where id = :id and version = :version""")
			.param("body", text)
			.param("fulfilment", fulfilment == null ? null : fulfilment.name())
			.param("state", state.name())
			.param("revision", revision)
			.param("actor", actor)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
	}

	/** Lets an autosave revision grow to the newest text. */
	public void grow(long revisionId, String text, Fulfilment fulfilment) {
		this.jdbc
			.sql("update followup_revision set body = :body, fulfilment = :fulfilment, saved_at = now() where id = :id")
			.param("body", text)
			.param("fulfilment", fulfilment == null ? null : fulfilment.name())
			.param("id", revisionId)
			.update();
	}

}
