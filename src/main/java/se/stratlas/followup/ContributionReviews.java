package se.stratlas.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.followup.internal.Notice;
import se.stratlas.followup.internal.RevisionStore;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;

/**
 * A contribution's way through review: the writer marks it ready (klarmarkera) or takes
 * the mark back, a granskare sends it back with a comment (återremittera) or approves it,
 * never their own last edit; and the comments writers and granskare exchange on it.
 */
@Component
@Transactional
public class ContributionReviews {

	private final FollowupRepository repository;

	private final Contributions contributions;

	private final RevisionStore store;

	private final AuditTrail audit;

	private final Notices notices;

	ContributionReviews(FollowupRepository repository, Contributions contributions, RevisionStore store,
			AuditTrail audit, Notices notices) {
		this.repository = repository;
		this.contributions = contributions;
		this.store = store;
		this.audit = audit;
		this.notices = notices;
	}

	/**
	 * A state change named by its action: {@code ready}, {@code withdraw}, {@code return}
	 * (with a comment) or {@code approve}.
	 */
	public Contribution transition(StratlasPrincipal user, long id, String action, int expectedVersion,
			String comment) {
		this.contributions.get(user.organisationId(), id);
		return switch (action == null ? "" : action) {
			case "ready" -> markReady(user, id, expectedVersion);
			case "withdraw" -> withdraw(user, id, expectedVersion);
			case "return" -> returnForRework(user, id, expectedVersion, comment);
			case "approve" -> approve(user, id, expectedVersion, comment);
			default -> throw new ValidationException("action", "contribution.action.unknown");
		};
	}

	/** Marks the text ready for review (klarmarkera). */
	public Contribution markReady(StratlasPrincipal user, long id, int expectedVersion) {
		Contribution before = this.contributions.editable(user, id);
		if (before.state() != ContributionState.DRAFT && before.state() != ContributionState.RETURNED) {
			throw new ValidationException("", "contribution.ready.notDraft");
		}
		List<ValidationException.Violation> violations = new ArrayList<>();
		if (before.body().isBlank()) {
			violations.add(new ValidationException.Violation("body", "contribution.ready.empty"));
		}
		if (this.contributions.section(before).kind() == SectionKind.GOAL && before.fulfilment() == null) {
			violations.add(new ValidationException.Violation("fulfilment", "contribution.ready.fulfilment"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return move(user, before, expectedVersion, ContributionState.READY, null);
	}

	/** Takes a ready mark back, to go on writing. */
	public Contribution withdraw(StratlasPrincipal user, long id, int expectedVersion) {
		Contribution before = this.contributions.get(user.organisationId(), id);
		if (!this.contributions.writesFor(user, before)) {
			throw new AccessDeniedException("Contribution " + id + " belongs to another unit");
		}
		if (before.state() != ContributionState.READY
				|| !this.contributions.cycle(before).state().acceptsContributions()) {
			throw new ValidationException("", "contribution.withdraw.notReady");
		}
		return move(user, before, expectedVersion, ContributionState.DRAFT, null);
	}

	/** Sends the text back (återremittera) with a comment that says what to fix. */
	public Contribution returnForRework(StratlasPrincipal user, long id, int expectedVersion, String comment) {
		Contribution before = reviewable(user, id);
		String text = Contributions.normalise(comment);
		if (text.isBlank()) {
			throw new ValidationException("comment", "contribution.return.commentRequired");
		}
		Contribution after = move(user, before, expectedVersion, ContributionState.RETURNED, null);
		this.store.addComment(id, null, Comment.Kind.RETURN, text, user.username());
		this.notices.tell(after, Notice.Kind.RETURNED, user.displayName() + ": " + firstLine(text));
		return after;
	}

	/**
	 * Approves the text; a granskare cannot approve a text they last edited themselves.
	 */
	public Contribution approve(StratlasPrincipal user, long id, int expectedVersion, String comment) {
		Contribution before = reviewable(user, id);
		if (user.username().equals(before.updatedBy())) {
			throw new ValidationException("", "contribution.approve.ownText");
		}
		Contribution after = move(user, before, expectedVersion, ContributionState.APPROVED, before.revision());
		String text = Contributions.normalise(comment);
		if (!text.isBlank()) {
			this.store.addComment(id, null, Comment.Kind.APPROVE, text, user.username());
		}
		this.notices.tell(after, Notice.Kind.APPROVED, user.displayName());
		return after;
	}

	private Contribution reviewable(StratlasPrincipal user, long id) {
		Contribution contribution = this.contributions.get(user.organisationId(), id);
		if (!user.can(Role.REVIEWER)) {
			throw new AccessDeniedException("Only a granskare reviews contributions");
		}
		if (!mayReview(user, contribution, this.contributions.cycle(contribution))) {
			throw new ValidationException("", "contribution.review.notReady");
		}
		return contribution;
	}

	private Contribution move(StratlasPrincipal user, Contribution before, int expectedVersion,
			ContributionState target, Integer approvedRevision) {
		int updated = this.repository.jdbc()
			.sql("""
					update followup_contribution set state = :state,
					approved_revision = coalesce(:approved, approved_revision), version = version + 1
					where id = :id and version = :version""")
			.param("state", target.name())
			.param("approved", approvedRevision)
			.param("id", before.id())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(Contributions.ENTITY, before.id(), before);
		}
		this.store.add(before.id(), null, Revision.Kind.STATE, before.body(), before.fulfilment(), target, null,
				user.username());
		this.audit.record(user.organisationId(), user.username(), Contributions.ENTITY, before.id(), "STATE", null,
				Map.of("state", new FieldChange(before.state().name(), target.name())));
		return this.contributions.get(user.organisationId(), before.id());
	}

	/** A comment, or a reply to one. */
	public Comment comment(StratlasPrincipal user, long id, Long parentId, String body) {
		Contribution contribution = this.contributions.get(user.organisationId(), id);
		if (!mayComment(user, contribution)) {
			throw new AccessDeniedException("Not allowed to comment on contribution " + id);
		}
		String text = Contributions.normalise(body);
		if (text.isBlank()) {
			throw new ValidationException("comment", "validation.required");
		}
		if (text.length() > 20_000) {
			throw new ValidationException("comment", "contribution.body.tooLong", 20_000);
		}
		if (parentId != null
				&& this.contributions.comments(user.organisationId(), id).stream().noneMatch(c -> c.id() == parentId)) {
			throw new ValidationException("parentId", "validation.unknown");
		}
		long commentId = this.store.addComment(id, parentId, Comment.Kind.COMMENT, text, user.username());
		return this.contributions.comments(user.organisationId(), id)
			.stream()
			.filter(c -> c.id() == commentId)
			.findFirst()
			.orElseThrow();
	}

	/** Whether the user may send back or approve the contribution now. */
	public boolean mayReview(StratlasPrincipal user, Contribution contribution, Cycle cycle) {
		return user.organisationId() == contribution.organisationId() && user.can(Role.REVIEWER)
				&& cycle.state().acceptsContributions() && contribution.state() == ContributionState.READY;
	}

	/** Whether the user may comment (everyone who writes or reviews). */
	public boolean mayComment(StratlasPrincipal user, Contribution contribution) {
		return user.organisationId() == contribution.organisationId()
				&& (user.can(Role.REVIEWER) || this.contributions.writesFor(user, contribution));
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("");
		return line.length() > 120 ? line.substring(0, 117) + "…" : line;
	}

}
