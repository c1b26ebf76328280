package se.stratlas.followup.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.ContributionReviews;
import se.stratlas.followup.Contributions;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The actions on a contribution, each back to its editor with a message: klarmarkera,
 * take the mark back, återremittera, godkänna, copy the previous cycle's text, and
 * comment.
 */
@Controller
class ContributionActionController {

	private final Contributions contributions;

	private final ContributionReviews reviews;

	private final MessageSource messages;

	ContributionActionController(Contributions contributions, ContributionReviews reviews, MessageSource messages) {
		this.contributions = contributions;
		this.reviews = reviews;
		this.messages = messages;
	}

	@PostMapping("/followup/contributions/{id}/ready")
	@PreAuthorize("hasRole('REPORTER')")
	String ready(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.markedReady", () -> this.reviews.markReady(user, id, version));
	}

	@PostMapping("/followup/contributions/{id}/withdraw")
	@PreAuthorize("hasRole('REPORTER')")
	String withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.withdrawn", () -> this.reviews.withdraw(user, id, version));
	}

	@PostMapping("/followup/contributions/{id}/return")
	@PreAuthorize("hasRole('REVIEWER')")
	String returnForRework(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam int version, @RequestParam(defaultValue = "") String comment, Locale locale,
			RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.returned",
				() -> this.reviews.returnForRework(user, id, version, comment));
	}

	@PostMapping("/followup/contributions/{id}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "") String comment, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "contribution.approved",
				() -> this.reviews.approve(user, id, version, comment));
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
		return act(id, locale, redirect, "comment.added", () -> this.reviews.comment(user, id, parentId, comment));
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

}
