package se.stratlas.strategy.web;

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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyPages;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.web.StrategyForms.VersionForm;

/** A strategy's versions: the list, a new version, a decision, two versions compared. */
@Controller
class StrategyVersionController {

	private final StrategyPages pages;

	private final StrategyManagement management;

	private final MessageSource messages;

	StrategyVersionController(StrategyPages pages, StrategyManagement management, MessageSource messages) {
		this.pages = pages;
		this.management = management;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/{id}/versions")
	@PreAuthorize("hasRole('READER')")
	String versions(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		StrategyPages.VersionsPage page = this.pages.versions(user.organisationId(), id, user.can(Role.STRATEGIST));
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("versions", page.versions());
		model.addAttribute("statuses", StrategyStatus.values());
		model.addAttribute("canEdit", page.canEdit());
		return "strategy/versions";
	}

	@PostMapping("/strategies/{id}/versions")
	@PreAuthorize("hasRole('STRATEGIST')")
	String createVersion(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam String label, @RequestParam(required = false) StrategyStatus status, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.management.createVersion(user.organisationId(), id, label, status, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("versionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/strategies/" + id + "/versions";
		}
		redirect.addFlashAttribute("flash", "version.created");
		return "redirect:/strategies/" + id;
	}

	@PostMapping("/strategies/{id}/versions/{versionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long versionId,
			@ModelAttribute VersionForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.decide(user.organisationId(), versionId, form.version() == null ? -1 : form.version(),
					form.label(), form.status(), form.decisionBody(), form.decisionDate(), form.decisionNote(),
					user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("decisionErrors", FieldErrors.of(ex, this.messages, locale));
			redirect.addFlashAttribute("decisionVersion", versionId);
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("decisionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
			redirect.addFlashAttribute("decisionVersion", versionId);
		}
		return "redirect:/strategies/" + id + "/versions";
	}

	@GetMapping("/strategies/{id}/compare")
	@PreAuthorize("hasRole('READER')")
	String compare(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam long from,
			@RequestParam long to, Model model) {
		StrategyPages.ComparisonPage page = this.pages.compare(user.organisationId(), id, from, to);
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("from", page.from());
		model.addAttribute("to", page.to());
		model.addAttribute("differences", page.differences());
		model.addAttribute("page", page);
		return "strategy/compare";
	}

}
