package se.stratlas.followup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.internal.ScanningNotes;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.shared.ValidationException;

/**
 * The contribution screens as one user sees them: the editor with what the user may do,
 * the rendered text, comments in threads and the references to insert; the live preview;
 * and the history with readable differences.
 */
@Component
@Transactional(readOnly = true)
public class ContributionPages {

	private final Contributions contributions;

	private final ContributionReviews reviews;

	private final LiveReferences references;

	private final ScanningNotes scanning;

	private final OrganisationUnits units;

	private final UserAccounts users;

	private final IndicatorRegistry indicators;

	private final InitiativeCatalog initiatives;

	private final Organisations organisations;

	private final Areas areas;

	ContributionPages(Contributions contributions, ContributionReviews reviews, LiveReferences references,
			ScanningNotes scanning, OrganisationUnits units, UserAccounts users, IndicatorRegistry indicators,
			InitiativeCatalog initiatives, Organisations organisations, Areas areas) {
		this.contributions = contributions;
		this.reviews = reviews;
		this.references = references;
		this.scanning = scanning;
		this.units = units;
		this.users = users;
		this.indicators = indicators;
		this.initiatives = initiatives;
		this.organisations = organisations;
		this.areas = areas;
	}

	/**
	 * Opens a contribution in the editor: marks it as seen by a writer (which may write,
	 * so outside this class's read-only transaction) and answers with its page.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ContributionPage open(StratlasPrincipal user, long id, Locale locale) {
		return page(user, this.contributions.open(user, id), locale);
	}

	/**
	 * The editor for a contribution as the user may read it (its text may be a draft).
	 */
	public ContributionPage page(StratlasPrincipal user, Contribution contribution, Locale locale) {
		long organisationId = user.organisationId();
		Cycle cycle = this.contributions.cycle(contribution);
		Section section = this.contributions.section(contribution);
		String responsible = contribution.responsibleUserId() == null ? null
				: this.users.list(organisationId)
					.stream()
					.filter(u -> u.id() == contribution.responsibleUserId())
					.map(UserAccount::displayName)
					.findFirst()
					.orElse(null);
		boolean canEdit = this.contributions.mayEdit(user, contribution, cycle);
		boolean canReady = canEdit && (contribution.state() == ContributionState.DRAFT
				|| contribution.state() == ContributionState.RETURNED);
		boolean canWithdraw = this.contributions.writesFor(user, contribution)
				&& contribution.state() == ContributionState.READY && cycle.state().acceptsContributions();
		String sectionIndicators = null;
		if (!section.indicatorCodes().isEmpty()) {
			String tokens = String.join(" ",
					section.indicatorCodes().stream().map(c -> "[[indikator:" + c + "]]").toList());
			sectionIndicators = this.references.html(organisationId, tokens, locale, cycle.periodCode());
		}
		Contribution previous = this.contributions.previous(contribution).orElse(null);
		boolean workHidden = !this.contributions.seesWorkInProgress(user, contribution)
				&& contribution.state() != ContributionState.APPROVED;
		Map<Long, List<Comment>> replies = new LinkedHashMap<>();
		List<Comment> threads = new ArrayList<>();
		for (Comment c : this.contributions.comments(user, contribution.id())) {
			if (c.parentId() == null) {
				threads.add(c);
			}
			else {
				replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
		}
		return new ContributionPage(contribution, cycle, section,
				this.units.names(organisationId).get(contribution.unitId()), responsible,
				this.references.html(organisationId, contribution.body(), locale, cycle.periodCode()), canEdit,
				canReady, canWithdraw, this.reviews.mayReview(user, contribution, cycle),
				user.username().equals(contribution.updatedBy()), this.reviews.mayComment(user, contribution),
				section.kind() == SectionKind.GOAL, sectionIndicators, previous,
				previous == null ? null : this.contributions.cycle(previous).name(),
				this.contributions.usage(contribution), this.scanning.forSection(organisationId, section), workHidden,
				threads, replies, canEdit ? references(organisationId) : null);
	}

	private ContributionPage.References references(long organisationId) {
		// A live reference may name its area: the home county's areas and Sweden.
		String home = this.organisations.homeArea(organisationId);
		List<Area> areas = new ArrayList<>();
		this.areas.find(Areas.SWEDEN).ifPresent(areas::add);
		this.areas.homeAreas(home).stream().filter(a -> !areas.contains(a)).forEach(areas::add);
		return new ContributionPage.References(this.indicators.definitions(organisationId),
				this.initiatives.find(organisationId, InitiativeFilter.none()), areas, this.areas.name(home));
	}

	/**
	 * A text as it will look, references made live as of the contribution's cycle (or
	 * today without one); longer texts are cut at the longest a contribution may hold.
	 */
	public String preview(StratlasPrincipal user, String body, Long contributionId, Locale locale) {
		String text = body.length() > Contributions.MAX_LENGTH ? body.substring(0, Contributions.MAX_LENGTH) : body;
		String until = contributionId == null ? null
				: this.contributions.cycle(this.contributions.get(user.organisationId(), contributionId)).periodCode();
		return this.references.html(user.organisationId(), text, locale, until);
	}

	/**
	 * The history the user may read, newest first, each numbered revision next to the one
	 * before it.
	 */
	public ContributionPage.History history(StratlasPrincipal user, long id) {
		Contribution contribution = this.contributions.get(user.organisationId(), id);
		List<Revision> revisions = new ArrayList<>(this.contributions.revisions(user, id));
		Collections.reverse(revisions);
		List<ContributionPage.HistoryEntry> entries = new ArrayList<>();
		String last = "";
		for (Revision r : revisions) {
			boolean numbered = r.kind() != Revision.Kind.STATE && r.kind() != Revision.Kind.CONFLICT_COPY;
			entries.add(new ContributionPage.HistoryEntry(r,
					r.kind() == Revision.Kind.STATE ? List.of() : TextDiff.words(last, r.body())));
			if (numbered) {
				last = r.body();
			}
		}
		Collections.reverse(entries);
		return new ContributionPage.History(contribution, this.contributions.section(contribution),
				this.contributions.cycle(contribution),
				this.units.names(user.organisationId()).get(contribution.unitId()), entries,
				!this.contributions.seesWorkInProgress(user, contribution));
	}

	/**
	 * What became of saving a text from the editor: saved ({@code page} null), or the
	 * contribution to show again with its page, with the validation failure or, when
	 * someone else saved first, the conflict (the contribution is theirs).
	 */
	public record Saving(Contribution contribution, ContributionPage page, ValidationException invalid,
			ContributionConflictException conflict) {

		public boolean done() {
			return this.page == null;
		}

	}

	/** Saves a text from the editor (not an autosave); on a failure the page again. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Saving save(StratlasPrincipal user, long id, int expectedVersion, int baseRevision, String body,
			Fulfilment fulfilment, Locale locale) {
		try {
			return new Saving(this.contributions.save(user, id, expectedVersion, baseRevision, body, fulfilment, false),
					null, null, null);
		}
		catch (ContributionConflictException ex) {
			return new Saving(ex.theirs(), page(user, ex.theirs(), locale), null, ex);
		}
		catch (ValidationException ex) {
			Contribution current = this.contributions.get(user.organisationId(), id);
			return new Saving(current, page(user, current, locale), ex, null);
		}
	}

}
