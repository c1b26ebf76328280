package se.stratlas.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.followup.internal.RevisionStore;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Reading and writing contributions. A rapportör writes for their unit (and the units
 * under it) or where they are named responsible, a strateg everywhere; a granskare sends
 * a text back with a comment or approves it, never their own last edit
 * ({@link ContributionReviews}). Every text is kept as a revision; a save that lost a
 * race to another writer gets both versions and a merge.
 */
@Component
@Transactional
public class Contributions {

	static final String ENTITY = "followup_contribution";

	/** Longest text a contribution may hold, in characters. */
	public static final int MAX_LENGTH = 200_000;

	/** A report product that uses a contribution's section, and how it shows the text. */
	public record Usage(Product product, Integer frozenRevision, boolean changedAfterFreeze) {
	}

	/** A contribution opened, with its section and the report products that use it. */
	public record Opened(Contribution contribution, Section section, List<Usage> usage) {
	}

	/** One line of a to-do list. */
	public record Task(Contribution contribution, Section section, Cycle cycle, boolean review) {
	}

	private final FollowupRepository repository;

	private final OrganisationUnits units;

	private final AuditTrail audit;

	private final RevisionStore store;

	Contributions(FollowupRepository repository, OrganisationUnits units, AuditTrail audit, RevisionStore store) {
		this.repository = repository;
		this.units = units;
		this.audit = audit;
		this.store = store;
	}

	@Transactional(readOnly = true)
	public Contribution get(long organisationId, long id) {
		return this.repository.contribution(organisationId, id);
	}

	@Transactional(readOnly = true)
	public Section section(Contribution contribution) {
		return this.repository.section(contribution.cycleId(), contribution.sectionId());
	}

	@Transactional(readOnly = true)
	public Cycle cycle(Contribution contribution) {
		return this.repository.cycle(contribution.organisationId(), contribution.cycleId());
	}

	/** Whether the user may change the text now. */
	public boolean mayEdit(StratlasPrincipal user, Contribution contribution, Cycle cycle) {
		return cycle.state().acceptsContributions() && contribution.state().editable() && writesFor(user, contribution);
	}

	/** Whether the user writes for the contribution's unit, whatever its state. */
	public boolean writesFor(StratlasPrincipal user, Contribution contribution) {
		if (user.organisationId() != contribution.organisationId()) {
			return false;
		}
		if (user.can(Role.STRATEGIST)) {
			return true;
		}
		if (!user.can(Role.REPORTER)) {
			return false;
		}
		if (contribution.responsibleUserId() != null && contribution.responsibleUserId() == user.userId()) {
			return true;
		}
		return user.unitId() != null && this.units.unitAndBelow(user.unitId()).contains(contribution.unitId());
	}

	/**
	 * Whether the user sees a text while it is worked on (drafts, returned and ready
	 * texts, their history and comments): the unit's writers, granskare, strateger and
	 * administrators. Other readers, a rapportör of another unit among them, see the last
	 * approved text only.
	 */
	public boolean seesWorkInProgress(StratlasPrincipal user, Contribution contribution) {
		return user.organisationId() == contribution.organisationId()
				&& (user.can(Role.REVIEWER) || writesFor(user, contribution));
	}

	/**
	 * The contribution as the user may read it: as it is, or, for those who do not see
	 * work in progress, with its last approved text (empty before the first approval).
	 */
	/**
	 * The contribution as {@link #readable} gives it, opened by someone who may be about
	 * to edit it: an autosave revision that is still growing is sealed, so that whatever
	 * its writer types next becomes a new revision and a save based on what this reader
	 * saw is compared with exactly that text.
	 */
	@Transactional
	public Contribution open(StratlasPrincipal user, long id) {
		Contribution contribution = readable(user, id);
		if (contribution.state().editable() && writesFor(user, contribution)) {
			this.store.seal(id);
		}
		return contribution;
	}

	/**
	 * A contribution {@link #open opened}, with its section and where it is used: what
	 * the API gives for one contribution.
	 */
	@Transactional
	public Opened opened(StratlasPrincipal user, long id) {
		Contribution contribution = open(user, id);
		return new Opened(contribution, section(contribution), usage(contribution));
	}

	@Transactional(readOnly = true)
	public Contribution readable(StratlasPrincipal user, long id) {
		Contribution contribution = get(user.organisationId(), id);
		if (contribution.state() == ContributionState.APPROVED || seesWorkInProgress(user, contribution)) {
			return contribution;
		}
		if (contribution.approvedRevision() == null) {
			return contribution.showing("", null, 0);
		}
		// The newest approval carries the goal fulfilment that was approved with the
		// text.
		Revision approved = revisions(user, id).stream().findFirst().orElse(null);
		return contribution.showing(this.store.text(id, contribution.approvedRevision()),
				approved == null || approved.fulfilment() == null ? null : Fulfilment.valueOf(approved.fulfilment()),
				contribution.approvedRevision());
	}

	/**
	 * The history the user may read: all of it, or only the approvals for those who do
	 * not see work in progress.
	 */
	@Transactional(readOnly = true)
	public List<Revision> revisions(StratlasPrincipal user, long id) {
		Contribution contribution = get(user.organisationId(), id);
		List<Revision> all = revisions(user.organisationId(), id);
		if (seesWorkInProgress(user, contribution)) {
			return all;
		}
		return all.stream()
			.filter(r -> r.kind() == Revision.Kind.STATE && ContributionState.APPROVED.name().equals(r.state()))
			.toList();
	}

	/** The comments the user may read: none for those who do not see work in progress. */
	@Transactional(readOnly = true)
	public List<Comment> comments(StratlasPrincipal user, long id) {
		Contribution contribution = get(user.organisationId(), id);
		return seesWorkInProgress(user, contribution) ? comments(user.organisationId(), id) : List.of();
	}

	Contribution editable(StratlasPrincipal user, long id) {
		Contribution contribution = get(user.organisationId(), id);
		Cycle cycle = cycle(contribution);
		if (!writesFor(user, contribution)) {
			throw new AccessDeniedException("Contribution " + id + " belongs to another unit");
		}
		if (!cycle.state().acceptsContributions()) {
			throw new ValidationException("", "contribution.cycleNotOpen");
		}
		if (!contribution.state().editable()) {
			throw new ValidationException("", "contribution.locked");
		}
		return contribution;
	}

	/**
	 * Saves a text. {@code baseRevision} is the revision the writer started from; when
	 * someone else saved in between, nothing is overwritten: the writer's text is kept as
	 * a conflict copy and a {@link ContributionConflictException} carries both versions
	 * and a merge.
	 * @param autosave an automatic save of a draft; several by one writer within a few
	 * minutes make one revision
	 */
	@Transactional(noRollbackFor = ContributionConflictException.class)
	public Contribution save(StratlasPrincipal user, long id, int expectedVersion, int baseRevision, String body,
			Fulfilment fulfilment, boolean autosave) {
		Contribution before = editable(user, id);
		String text = normalise(body);
		if (text.length() > MAX_LENGTH) {
			throw new ValidationException("body", "contribution.body.tooLong", MAX_LENGTH);
		}
		if (before.version() != expectedVersion) {
			if (before.revision() != baseRevision) {
				throw conflict(user, before, baseRevision, text, fulfilment, !autosave);
			}
			// Only the state moved since the writer opened the text (a review, a ready
			// mark):
			// their text is still based on the current one.
			expectedVersion = before.version();
		}
		if (text.equals(before.body()) && fulfilment == before.fulfilment()) {
			return before;
		}
		ContributionState state = switch (before.state()) {
			case NOT_STARTED, APPROVED -> ContributionState.DRAFT;
			default -> before.state();
		};
		Optional<Revision> coalesce = autosave ? this.store.coalescible(before, user.username()) : Optional.empty();
		int revision = coalesce.map(Revision::revision).orElse(before.revision() + 1);
		int updated = this.store.write(id, expectedVersion, text, fulfilment, state, revision, user.username());
		if (updated == 0) {
			throw conflict(user, get(user.organisationId(), id), baseRevision, text, fulfilment, !autosave);
		}
		if (coalesce.isPresent()) {
			this.store.grow(coalesce.get().id(), text, fulfilment);
		}
		else {
			this.store.add(id, revision, autosave ? Revision.Kind.AUTOSAVE : Revision.Kind.SAVE, text, fulfilment,
					state, null, user.username());
		}
		if (!autosave) {
			this.audit.record(user.organisationId(), user.username(), ENTITY, id, "UPDATED", null,
					Map.of("revision", new FieldChange(before.revision(), revision), "state",
							new FieldChange(before.state().name(), state.name())));
		}
		return get(user.organisationId(), id);
	}

	private ContributionConflictException conflict(StratlasPrincipal user, Contribution current, int baseRevision,
			String mine, Fulfilment fulfilment, boolean keepCopy) {
		String base = this.store.text(current.id(), baseRevision);
		TextDiff.Merge merge = TextDiff.merge(base, mine, current.body(), "Din version",
				"Sparad version (" + current.updatedBy() + ")");
		if (keepCopy) {
			this.store.add(current.id(), null, Revision.Kind.CONFLICT_COPY, mine, fulfilment, current.state(),
					"Sparades inte: " + current.updatedBy() + " hade sparat en nyare version", user.username());
		}
		return new ContributionConflictException(current, mine, merge);
	}

	/**
	 * Takes the text of the same section in the previous cycle as a starting point: an
	 * explicit action, refused when the contribution already has a text.
	 */
	public Contribution copyPrevious(StratlasPrincipal user, long id, int expectedVersion) {
		Contribution before = editable(user, id);
		Contribution previous = previous(before)
			.orElseThrow(() -> new ValidationException("", "contribution.copy.noPrevious"));
		if (!before.body().isBlank()) {
			throw new ValidationException("", "contribution.copy.notEmpty");
		}
		String source = previousCycleName(previous);
		int updated = this.repository.jdbc()
			.sql("""
					update followup_contribution set body = :body, fulfilment = null, state = 'DRAFT', revision = revision + 1,
					version = version + 1, updated_at = now(), updated_by = :actor where id = :id and version = :version""")
			.param("body", previous.body())
			.param("actor", user.username())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(ENTITY, id, before);
		}
		this.store.add(id, before.revision() + 1, Revision.Kind.COPY, previous.body(), null, ContributionState.DRAFT,
				"Kopierad från " + source, user.username());
		this.audit.record(user.organisationId(), user.username(), ENTITY, id, "COPIED", source, Map.of());
		return get(user.organisationId(), id);
	}

	/**
	 * The same unit's answer to the same section in the cycle this one was copied from.
	 */
	@Transactional(readOnly = true)
	public Optional<Contribution> previous(Contribution contribution) {
		if (contribution.previousId() == null) {
			return Optional.empty();
		}
		return this.repository.jdbc()
			.sql("select * from followup_contribution where id = :id and organisation_id = :org")
			.param("id", contribution.previousId())
			.param("org", contribution.organisationId())
			.query(FollowupRepository.CONTRIBUTION)
			.optional()
			.filter(c -> !c.body().isBlank());
	}

	private String previousCycleName(Contribution previous) {
		return this.repository.cycle(previous.organisationId(), previous.cycleId()).name();
	}

	@Transactional(readOnly = true)
	public List<Comment> comments(long organisationId, long id) {
		get(organisationId, id);
		return this.store.comments(id);
	}

	/** Every revision, state change and conflict copy, newest first. */
	@Transactional(readOnly = true)
	public List<Revision> revisions(long organisationId, long id) {
		get(organisationId, id);
		return this.store.revisions(id);
	}

	/** One stored text of the history (a numbered revision or a conflict copy). */
	@Transactional(readOnly = true)
	public Revision revision(long organisationId, long contributionId, long revisionId) {
		return revisions(organisationId, contributionId).stream()
			.filter(r -> r.id() == revisionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("revision", revisionId));
	}

	/** The text a contribution had at a revision number ("" before the first). */
	@Transactional(readOnly = true)
	public String textAt(long organisationId, long contributionId, int revision) {
		get(organisationId, contributionId);
		return this.store.text(contributionId, revision);
	}

	/** The report products that use the contribution's section, and what they show. */
	@Transactional(readOnly = true)
	public List<Usage> usage(Contribution contribution) {
		List<Usage> usage = new ArrayList<>();
		for (Product product : this.repository.products(contribution.cycleId())) {
			if (!product.sectionIds().contains(contribution.sectionId())) {
				continue;
			}
			Integer frozen = product.frozen() ? this.store.frozenRevision(product.id(), contribution.id()) : null;
			usage.add(new Usage(product, frozen, product.frozen()
					&& (frozen == null ? contribution.revision() > 0 : contribution.revision() != frozen)));
		}
		return usage;
	}

	/**
	 * What the user has to do: texts to write for their unit or where they are
	 * responsible, and for a granskare the texts waiting for review; deadlines first.
	 */
	@Transactional(readOnly = true)
	public List<Task> tasks(StratlasPrincipal user) {
		List<Task> tasks = new ArrayList<>();
		for (Cycle cycle : this.repository.cycles(user.organisationId())) {
			if (!cycle.state().acceptsContributions()) {
				continue;
			}
			Map<Long, Section> sections = new HashMap<>();
			this.repository.sections(cycle.id()).forEach(s -> sections.put(s.id(), s));
			for (Contribution c : this.repository.contributions(cycle.id())) {
				boolean mine = Cycles.OPEN_STATES.contains(c.state()) && user.can(Role.REPORTER)
						&& (c.responsibleUserId() != null ? c.responsibleUserId() == user.userId()
								: !user.can(Role.STRATEGIST) && writesFor(user, c));
				boolean review = c.state() == ContributionState.READY && user.can(Role.REVIEWER)
						&& !user.username().equals(c.updatedBy());
				if (mine || review) {
					tasks.add(new Task(c, sections.get(c.sectionId()), cycle, review && !mine));
				}
			}
		}
		tasks.sort(Comparator
			.comparing((Task t) -> t.contribution().dueOn() == null ? LocalDate.MAX : t.contribution().dueOn())
			.thenComparing(t -> t.section().position()));
		return tasks;
	}

	/** Whether texts may still change in cycles in this state. */
	static boolean open(CycleState state) {
		return state.acceptsContributions();
	}

	static String normalise(String text) {
		return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
	}

}
