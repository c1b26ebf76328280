package se.stratlas.initiatives.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

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
import se.stratlas.actors.Partnership;
import se.stratlas.initiatives.InitiativePage;
import se.stratlas.initiatives.InitiativePages;
import se.stratlas.initiatives.InitiativeParts;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The page of one initiative and changing its parts: funding, participants,
 * contributions, assessments and Agenda 2030 effects. Each change comes back to the page.
 */
@Controller
class InitiativePageController {

	private final InitiativePages pages;

	private final InitiativeParts parts;

	private final MessageSource messages;

	InitiativePageController(InitiativePages pages, InitiativeParts parts, MessageSource messages) {
		this.pages = pages;
		this.parts = parts;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long strategy, Model model) {
		InitiativePage page = this.pages.page(user, id, strategy);
		model.addAttribute("details", page.details());
		model.addAttribute("initiative", page.details().initiative());
		model.addAttribute("canEdit", page.canEdit());
		model.addAttribute("assessing", page.assessing());
		model.addAttribute("ownStrategies", page.ownStrategies());
		model.addAttribute("directions", page.directions());
		model.addAttribute("scale", page.scale());
		model.addAttribute("levelNames", page.levelNames());
		model.addAttribute("assessmentByDirection", page.assessmentByDirection());
		model.addAttribute("targets", page.targets());
		model.addAttribute("actors", page.actors());
		model.addAttribute("roles", Partnership.Role.values());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("areaNames", page.areaNames());
		model.addAttribute("unitName", page.unitName());
		model.addAttribute("predecessor", page.predecessor());
		model.addAttribute("successors", page.successors());
		model.addAttribute("history", page.history());
		return "initiatives/initiative";
	}

	@PostMapping("/initiatives/{id}/funding")
	@PreAuthorize("hasRole('REPORTER')")
	String addFunding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) FundingSource source, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) BigDecimal amountSek, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.addFunding(user, id, source, year, amountSek, note));
	}

	@PostMapping("/initiatives/{id}/funding/{fundingId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeFunding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long fundingId, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.removeFunding(user, id, fundingId));
	}

	@PostMapping("/initiatives/{id}/participants")
	@PreAuthorize("hasRole('REPORTER')")
	String addParticipant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long actorId, @RequestParam(required = false) Partnership.Role role,
			Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.addParticipant(user, id, actorId, role));
	}

	@PostMapping("/initiatives/{id}/participants/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeParticipant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam long actorId, @RequestParam Partnership.Role role, Locale locale,
			RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.removeParticipant(user, id, actorId, role));
	}

	@PostMapping("/initiatives/{id}/contributions")
	@PreAuthorize("hasRole('REPORTER')")
	String contribute(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) UUID elementKey, @RequestParam(defaultValue = "false") boolean primary,
			@RequestParam(required = false) String motivation, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.contribute(user, id, elementKey, primary, motivation));
	}

	@PostMapping("/initiatives/{id}/contributions/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeContribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam UUID elementKey, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.removeContribution(user, id, elementKey));
	}

	@PostMapping("/initiatives/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	String assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam long strategyId,
			@ModelAttribute AssessmentForm form, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.assess(user, id, strategyId, form.draft()));
	}

	@PostMapping("/initiatives/{id}/sdg")
	@PreAuthorize("hasRole('REPORTER')")
	String addSdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String sdgCode, @RequestParam(defaultValue = "true") boolean direct,
			@RequestParam(defaultValue = "true") boolean positive, @RequestParam(required = false) String note,
			@RequestParam(required = false) String goalConflict, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect,
				() -> this.parts.addSdgEffect(user, id, sdgCode, direct, positive, note, goalConflict));
	}

	@PostMapping("/initiatives/{id}/sdg/{effectId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeSdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long effectId, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.parts.removeSdgEffect(user, id, effectId));
	}

	private String part(long id, Locale locale, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("partErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/initiatives/" + id;
	}

}
