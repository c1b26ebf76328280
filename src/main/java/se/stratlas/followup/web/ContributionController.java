package se.stratlas.followup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.followup.Comment;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionConflictException;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.LiveReferences;
import se.stratlas.followup.Revision;
import se.stratlas.followup.Section;
import se.stratlas.followup.TextDiff;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Writing a contribution: the editor with toolbar, preview and autosave, the state
 * actions (klarmarkera, återremittera, godkänna), comments, where the text is used, and
 * its history with readable differences.
 */
@Controller
class ContributionController {

	/** What the editor posts. */
	record EditorForm(Integer version, Integer baseRevision, String body, Fulfilment fulfilment) {
	}

	/** One numbered revision next to the one before it. */
	record HistoryEntry(Revision revision, List<TextDiff.Segment> diff) {
	}

	private final Contributions contributions;

	private final LiveReferences references;

	private final OrganisationUnits units;

	private final UserAccounts users;

	private final IndicatorRegistry indicators;

	private final InitiativeCatalog initiatives;

	private final MessageSource messages;

	private final se.stratlas.foresight.Scanning scanning;

	private final se.stratlas.foresight.Workshops workshops;

	private final se.stratlas.strategy.StrategyCatalog strategies;

	private final se.stratlas.accounts.Organisations organisations;

	private final se.stratlas.areas.Areas areas;

	ContributionController(Contributions contributions, LiveReferences references, OrganisationUnits units,
			UserAccounts users, IndicatorRegistry indicators, InitiativeCatalog initiatives, MessageSource messages,
			se.stratlas.foresight.Scanning scanning, se.stratlas.foresight.Workshops workshops,
			se.stratlas.strategy.StrategyCatalog strategies, se.stratlas.accounts.Organisations organisations,
			se.stratlas.areas.Areas areas) {
		this.organisations = organisations;
		this.areas = areas;
		this.scanning = scanning;
		this.workshops = workshops;
		this.strategies = strategies;
		this.contributions = contributions;
		this.references = references;
		this.units = units;
		this.users = users;
		this.indicators = indicators;
		this.initiatives = initiatives;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

	@GetMapping("/followup/contributions/{id}")
	@PreAuthorize("hasRole('READER')")
	String show(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		Contribution contribution = this.contributions.open(user, id);
		return page(user, contribution, new EditorForm(contribution.version(), contribution.revision(),
				contribution.body(), contribution.fulfilment()), model, locale);
	}

	private String page(StratlasPrincipal user, Contribution contribution, EditorForm form, Model model,
			Locale locale) {
		Cycle cycle = this.contributions.cycle(contribution);
		Section section = this.contributions.section(contribution);
		model.addAttribute("contribution", contribution);
		model.addAttribute("cycle", cycle);
		model.addAttribute("section", section);
		model.addAttribute("form", form);
		model.addAttribute("unitName", this.units.names(user.organisationId()).get(contribution.unitId()));
		model.addAttribute("responsible",
				contribution.responsibleUserId() == null ? null
						: this.users.list(user.organisationId())
							.stream()
							.filter(u -> u.id() == contribution.responsibleUserId())
							.map(u -> u.displayName())
							.findFirst()
							.orElse(null));
		model.addAttribute("rendered",
				this.references.html(user.organisationId(), contribution.body(), locale, cycle.periodCode()));
		boolean canEdit = this.contributions.mayEdit(user, contribution, cycle);
		model.addAttribute("canEdit", canEdit);
		model.addAttribute("canReady", canEdit && (contribution.state() == ContributionState.DRAFT
				|| contribution.state() == ContributionState.RETURNED));
		model.addAttribute("canWithdraw", this.contributions.writesFor(user, contribution)
				&& contribution.state() == ContributionState.READY && cycle.state().acceptsContributions());
		model.addAttribute("canReview", this.contributions.mayReview(user, contribution, cycle));
		model.addAttribute("ownText", user.username().equals(contribution.updatedBy()));
		model.addAttribute("canComment", this.contributions.mayComment(user, contribution));
		model.addAttribute("goal", section.kind() == SectionKind.GOAL);
		if (!section.indicatorCodes().isEmpty()) {
			String tokens = String.join(" ",
					section.indicatorCodes().stream().map(c -> "[[indikator:" + c + "]]").toList());
			model.addAttribute("sectionIndicators",
					this.references.html(user.organisationId(), tokens, locale, cycle.periodCode()));
		}
		model.addAttribute("fulfilments", Fulfilment.values());
		this.contributions.previous(contribution).ifPresent(previous -> {
			model.addAttribute("previous", previous);
			model.addAttribute("previousCycle", this.contributions.cycle(previous).name());
		});
		model.addAttribute("usage", this.contributions.usage(contribution));
		scanning(user, section, model);
		model.addAttribute("workHidden", !this.contributions.seesWorkInProgress(user, contribution)
				&& contribution.state() != ContributionState.APPROVED);
		List<Comment> comments = this.contributions.comments(user, contribution.id());
		Map<Long, List<Comment>> replies = new LinkedHashMap<>();
		List<Comment> threads = new ArrayList<>();
		for (Comment c : comments) {
			if (c.parentId() == null) {
				threads.add(c);
			}
			else {
				replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
		}
		model.addAttribute("threads", threads);
		model.addAttribute("replies", replies);
		if (canEdit) {
			model.addAttribute("indicatorChoices", this.indicators.definitions(user.organisationId()));
			model.addAttribute("initiativeChoices",
					this.initiatives.find(user.organisationId(), InitiativeFilter.none()));
			// A live reference may name its area: the home county's areas and Sweden.
			String home = this.organisations.homeArea(user.organisationId());
			List<se.stratlas.areas.Area> refAreas = new ArrayList<>();
			this.areas.find(se.stratlas.areas.Areas.SWEDEN).ifPresent(refAreas::add);
			this.areas.homeAreas(home).stream().filter(a -> !refAreas.contains(a)).forEach(refAreas::add);
			model.addAttribute("referenceAreas", refAreas);
			model.addAttribute("homeAreaName", this.areas.name(home));
		}
		return "followup/contribution";
	}

	/**
	 * An omvärldsbevakning section of a priority shows the scanned signals linked to the
	 * priority (or the elements under it), ready to insert as a list.
	 */
	private void scanning(StratlasPrincipal user, Section section, Model model) {
		if (section.elementKey() == null || !section.title().toLowerCase(Locale.ROOT).contains("omvärld")) {
			return;
		}
		java.util.Set<java.util.UUID> keys = new java.util.HashSet<>();
		this.strategies.latestElement(user.organisationId(), section.elementKey())
			.ifPresent(element -> this.strategies.elements(user.organisationId(), element.versionId())
				.stream()
				.filter(e -> e.path().startsWith(element.path()))
				.forEach(e -> keys.add(e.key())));
		keys.add(section.elementKey());
		List<se.stratlas.foresight.ScanItem> items = this.scanning.forElements(user.organisationId(), keys);
		if (items.isEmpty() && this.workshops.forElements(user.organisationId(), keys).isEmpty()) {
			return;
		}
		model.addAttribute("scanItems", items);
		StringBuilder markdown = new StringBuilder();
		for (se.stratlas.foresight.ScanItem item : items) {
			markdown.append("\n- **").append(item.title()).append("**");
			if (item.occurredOn() != null) {
				markdown.append(" (").append(item.occurredOn().getYear()).append(")");
			}
			if (item.description() != null) {
				String first = item.description().split("(?<=\\.)\\s", 2)[0];
				markdown.append(": ").append(first);
			}
			if (item.sourceUrl() != null) {
				markdown.append(" [Källa](").append(item.sourceUrl()).append(")");
			}
		}
		List<se.stratlas.foresight.Workshop> linked = this.workshops.forElements(user.organisationId(), keys);
		List<String> swots = new java.util.ArrayList<>();
		for (se.stratlas.foresight.Workshop workshop : linked) {
			var swot = this.workshops.swot(user.organisationId(), workshop.id());
			String line = workshop.name() + ": möjligheter: "
					+ String.join("; ",
							swot.get(se.stratlas.foresight.Workshop.Quadrant.OPPORTUNITY)
								.stream()
								.map(se.stratlas.foresight.Workshop.SwotItem::text)
								.toList())
					+ "; hot: "
					+ String.join("; ",
							swot.get(se.stratlas.foresight.Workshop.Quadrant.THREAT)
								.stream()
								.map(se.stratlas.foresight.Workshop.SwotItem::text)
								.toList());
			swots.add(line);
			markdown.append("\n- SWOT ").append(line);
		}
		model.addAttribute("scanWorkshops", swots);
		model.addAttribute("scanMarkdown", markdown.append("\n").toString());
	}

	@PostMapping("/followup/contributions/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute EditorForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.contributions.save(user, id, form.version() == null ? -1 : form.version(),
					form.baseRevision() == null ? 0 : form.baseRevision(), form.body(), form.fulfilment(), false);
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/contributions/" + id;
		}
		catch (ContributionConflictException ex) {
			Contribution theirs = ex.theirs();
			model.addAttribute("conflict", ex);
			model.addAttribute("conflictDiff", TextDiff.words(theirs.body(), ex.mine()));
			return page(user, theirs,
					new EditorForm(theirs.version(), theirs.revision(), ex.merge().text(), form.fulfilment()), model,
					locale);
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			Contribution current = this.contributions.get(user.organisationId(), id);
			return page(user, current, form, model, locale);
		}
	}

	/** An automatic save of a draft while the writer types (htmx). */
	@PostMapping("/followup/contributions/{id}/autosave")
	@PreAuthorize("hasRole('REPORTER')")
	String autosave(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute EditorForm form, Model model, Locale locale) {
		try {
			Contribution saved = this.contributions.save(user, id, form.version() == null ? -1 : form.version(),
					form.baseRevision() == null ? 0 : form.baseRevision(), form.body(), form.fulfilment(), true);
			model.addAttribute("saved", saved);
		}
		catch (ContributionConflictException ex) {
			model.addAttribute("autosaveConflict", true);
		}
		catch (ValidationException ex) {
			model.addAttribute("autosaveError", FieldErrors.of(ex, this.messages, locale).values());
		}
		return "followup/fragments :: autosave";
	}

	/** The text as it will look, references made live (htmx). */
	@PostMapping("/followup/preview")
	@PreAuthorize("hasRole('REPORTER')")
	String preview(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) Long contribution, Model model, Locale locale) {
		String text = body.length() > Contributions.MAX_LENGTH ? body.substring(0, Contributions.MAX_LENGTH) : body;
		String until = contribution == null ? null
				: this.contributions.cycle(this.contributions.get(user.organisationId(), contribution)).periodCode();
		model.addAttribute("rendered", this.references.html(user.organisationId(), text, locale, until));
		return "followup/fragments :: preview";
	}

	@PostMapping("/followup/contributions/{id}/ready")
	@PreAuthorize("hasRole('REPORTER')")
	String ready(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.markedReady",
				() -> this.contributions.markReady(user, id, version));
	}

	@PostMapping("/followup/contributions/{id}/withdraw")
	@PreAuthorize("hasRole('REPORTER')")
	String withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.withdrawn",
				() -> this.contributions.withdraw(user, id, version));
	}

	@PostMapping("/followup/contributions/{id}/return")
	@PreAuthorize("hasRole('REVIEWER')")
	String returnForRework(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam int version, @RequestParam(defaultValue = "") String comment, Locale locale,
			RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.returned",
				() -> this.contributions.returnForRework(user, id, version, comment));
	}

	@PostMapping("/followup/contributions/{id}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "") String comment, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.approved",
				() -> this.contributions.approve(user, id, version, comment));
	}

	@PostMapping("/followup/contributions/{id}/copy-previous")
	@PreAuthorize("hasRole('REPORTER')")
	String copyPrevious(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.copied",
				() -> this.contributions.copyPrevious(user, id, version));
	}

	@PostMapping("/followup/contributions/{id}/comments")
	@PreAuthorize("hasAnyRole('REPORTER', 'REVIEWER')")
	String comment(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "") String comment,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "comment.added",
				() -> this.contributions.comment(user, id, parentId, comment));
	}

	private String act(long id, Locale locale, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/followup/contributions/" + id;
	}

	@GetMapping("/followup/contributions/{id}/history")
	@PreAuthorize("hasRole('READER')")
	String history(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Contribution contribution = this.contributions.get(user.organisationId(), id);
		List<Revision> revisions = new ArrayList<>(this.contributions.revisions(user, id));
		java.util.Collections.reverse(revisions);
		List<HistoryEntry> entries = new ArrayList<>();
		String last = "";
		for (Revision r : revisions) {
			boolean numbered = r.kind() != Revision.Kind.STATE && r.kind() != Revision.Kind.CONFLICT_COPY;
			entries
				.add(new HistoryEntry(r, r.kind() == Revision.Kind.STATE ? List.of() : TextDiff.words(last, r.body())));
			if (numbered) {
				last = r.body();
			}
		}
		java.util.Collections.reverse(entries);
		model.addAttribute("contribution", contribution);
		model.addAttribute("section", this.contributions.section(contribution));
		model.addAttribute("cycle", this.contributions.cycle(contribution));
		model.addAttribute("unitName", this.units.names(user.organisationId()).get(contribution.unitId()));
		model.addAttribute("entries", entries);
		model.addAttribute("workHidden", !this.contributions.seesWorkInProgress(user, contribution));
		return "followup/history";
	}

}
