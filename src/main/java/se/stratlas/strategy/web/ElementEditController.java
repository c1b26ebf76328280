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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyPages.NewElementPage;
import se.stratlas.strategy.StrategyPages;
import se.stratlas.strategy.web.StrategyForms.ElementForm;

/**
 * Adding an element to a version, moving and deleting one, a direction's funding gate.
 */
@Controller
class ElementEditController {

	private final StrategyPages pages;

	private final ElementManagement management;

	private final MessageSource messages;

	ElementEditController(StrategyPages pages, ElementManagement management, MessageSource messages) {
		this.pages = pages;
		this.management = management;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/versions/{versionId}/elements/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newElement(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@RequestParam(required = false) Long parent, Model model, Locale locale) {
		NewElementPage page = this.pages.newElement(user.organisationId(), versionId, parent, locale);
		return newForm(page, new ElementForm(page.suggested(), null, null, null, null, null, null, parent, null),
				model);
	}

	@PostMapping("/strategies/versions/{versionId}/elements")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@ModelAttribute ElementForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Edit<NewElementPage, StrategyElement> edit = this.pages.addElement(user.organisationId(), versionId,
				form.parentId(), form.draft(), user.username(), locale);
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "element.created");
			return "redirect:/strategies/elements/" + edit.saved().id();
		}
		model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
		return newForm(edit.page(), form, model);
	}

	private static String newForm(NewElementPage page, ElementForm form, Model model) {
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("version", page.version());
		model.addAttribute("parent", page.parent());
		model.addAttribute("form", form);
		model.addAttribute("types", page.types());
		model.addAttribute("typeLabels", page.typeLabels());
		return "strategy/element-new";
	}

	@PostMapping("/strategies/elements/{id}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	String move(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) Integer position,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.moveElement(user.organisationId(), id, version, parentId,
					position == null ? null : position - 1, user.username());
			redirect.addFlashAttribute("flash", "element.moved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("moveErrors", conflict(locale));
		}
		return "redirect:/strategies/elements/" + id;
	}

	private Map<String, String> conflict(Locale locale) {
		return Map.of("", this.messages.getMessage("conflict.reload", null, locale));
	}

	@PostMapping("/strategies/elements/{id}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		long strategyId;
		try {
			strategyId = this.management.deleteFromStrategy(user.organisationId(), id, version, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/strategies/elements/" + id;
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("moveErrors", conflict(locale));
			return "redirect:/strategies/elements/" + id;
		}
		redirect.addFlashAttribute("flash", "element.deleted");
		return "redirect:/strategies/" + strategyId;
	}

	@PostMapping("/strategies/elements/{id}/gate")
	@PreAuthorize("hasRole('STRATEGIST')")
	String gate(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean gate, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.setFundingGate(user.organisationId(), id, gate, user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/strategies/elements/" + id;
	}

}
