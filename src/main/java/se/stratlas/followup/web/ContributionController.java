package se.stratlas.followup.web;

import java.util.Locale;

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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionConflictException;
import se.stratlas.followup.ContributionPage;
import se.stratlas.followup.ContributionPages;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Writing a contribution: the editor with toolbar, preview and autosave, what the user
 * may do, comments and where the text is used. The actions are
 * {@link ContributionActionController}'s, the history
 * {@link ContributionHistoryController}'s.
 */
@Controller
class ContributionController {

	/** What the editor posts. */
	record EditorForm(Integer version, Integer baseRevision, String body, Fulfilment fulfilment) {
	}

	private final Contributions contributions;

	private final ContributionPages pages;

	private final MessageSource messages;

	ContributionController(Contributions contributions, ContributionPages pages, MessageSource messages) {
		this.contributions = contributions;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/followup/contributions/{id}")
	@PreAuthorize("hasRole('READER')")
	String show(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		ContributionPage page = this.pages.open(user, id, locale);
		Contribution contribution = page.contribution();
		return page(contribution, page, new EditorForm(contribution.version(), contribution.revision(),
				contribution.body(), contribution.fulfilment()), model);
	}

	private static String page(Contribution contribution, ContributionPage page, EditorForm form, Model model) {
		model.addAttribute("contribution", contribution);
		model.addAttribute("cycle", page.cycle());
		model.addAttribute("section", page.section());
		model.addAttribute("form", form);
		model.addAttribute("unitName", page.unitName());
		model.addAttribute("responsible", page.responsible());
		model.addAttribute("rendered", page.rendered());
		model.addAttribute("canEdit", page.canEdit());
		model.addAttribute("canReady", page.canReady());
		model.addAttribute("canWithdraw", page.canWithdraw());
		model.addAttribute("canReview", page.canReview());
		model.addAttribute("ownText", page.ownText());
		model.addAttribute("canComment", page.canComment());
		model.addAttribute("goal", page.goal());
		if (page.sectionIndicators() != null) {
			model.addAttribute("sectionIndicators", page.sectionIndicators());
		}
		model.addAttribute("fulfilments", Fulfilment.values());
		if (page.previous() != null) {
			model.addAttribute("previous", page.previous());
			model.addAttribute("previousCycle", page.previousCycle());
		}
		model.addAttribute("usage", page.usage());
		if (page.scanning() != null) {
			model.addAttribute("scanItems", page.scanning().items());
			model.addAttribute("scanWorkshops", page.scanning().workshops());
			model.addAttribute("scanMarkdown", page.scanning().markdown());
		}
		model.addAttribute("workHidden", page.workHidden());
		model.addAttribute("threads", page.threads());
		model.addAttribute("replies", page.replies());
		if (page.references() != null) {
			model.addAttribute("indicatorChoices", page.references().indicators());
			model.addAttribute("initiativeChoices", page.references().initiatives());
			model.addAttribute("referenceAreas", page.references().areas());
			model.addAttribute("homeAreaName", page.references().homeAreaName());
		}
		return "followup/contribution";
	}

	@PostMapping("/followup/contributions/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute EditorForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		ContributionPages.Saving saving = this.pages.save(user, id, form.version() == null ? -1 : form.version(),
				form.baseRevision() == null ? 0 : form.baseRevision(), form.body(), form.fulfilment(), locale);
		if (saving.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/contributions/" + id;
		}
		Contribution shown = saving.contribution();
		if (saving.conflict() != null) {
			ContributionConflictException ex = saving.conflict();
			model.addAttribute("conflict", ex);
			model.addAttribute("conflictDiff", ex.diff());
			return page(shown, saving.page(),
					new EditorForm(shown.version(), shown.revision(), ex.merge().text(), form.fulfilment()), model);
		}
		model.addAttribute("errors", FieldErrors.of(saving.invalid(), this.messages, locale));
		return page(shown, saving.page(), form, model);
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
		model.addAttribute("rendered", this.pages.preview(user, body, contribution, locale));
		return "followup/fragments :: preview";
	}

}
