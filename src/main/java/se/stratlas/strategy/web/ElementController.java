package se.stratlas.strategy.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyPages.ElementPage;
import se.stratlas.strategy.StrategyPages;
import se.stratlas.strategy.web.StrategyForms.ElementForm;

/**
 * One element: its details, children, links and history, and changing it. Adding, moving
 * and deleting elements: {@link ElementEditController}; links:
 * {@link ElementLinkController}.
 */
@Controller
class ElementController {

	private final StrategyPages pages;

	private final MessageSource messages;

	ElementController(StrategyPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/elements/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		ElementPage page = this.pages.element(user.organisationId(), id, user.can(Role.STRATEGIST), locale);
		populate(page, ElementForm.of(page.element()), model);
		return "strategy/element";
	}

	@PostMapping("/strategies/elements/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ElementForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Edit<ElementPage, StrategyElement> edit = this.pages.updateElement(user.organisationId(), id,
				form.version() == null ? -1 : form.version(), form.draft(), user.username(), user.can(Role.STRATEGIST),
				locale);
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/strategies/elements/" + id;
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			populate(edit.page(), form, model);
			return "strategy/element";
		}
		StrategyElement current = edit.theirs();
		model.addAttribute("theirs", current);
		model.addAttribute("mine", form);
		populate(edit.page(), new ElementForm(form.type(), form.code(), form.nameSv(), form.nameEn(),
				form.descriptionSv(), form.descriptionEn(), form.aliases(), current.parentId(), current.version()),
				model);
		return "strategy/element";
	}

	private static void populate(ElementPage page, ElementForm form, Model model) {
		model.addAttribute("element", page.element());
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("version", page.version());
		model.addAttribute("ancestors", page.ancestors());
		model.addAttribute("children", page.children());
		model.addAttribute("links", page.links());
		model.addAttribute("history", page.history());
		model.addAttribute("form", form);
		model.addAttribute("canEdit", page.canEdit());
		model.addAttribute("locked", page.locked());
		model.addAttribute("types", page.types());
		model.addAttribute("childTypes", page.childTypes());
		model.addAttribute("typeLabels", page.typeLabels());
		model.addAttribute("moveTargets", page.moveTargets());
		model.addAttribute("canBeTop", page.canBeTop());
		model.addAttribute("linkTargets", page.linkTargets());
		model.addAttribute("relations", RelationType.values());
		model.addAttribute("fundingGate", page.fundingGate());
	}

}
