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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyPages;
import se.stratlas.strategy.StrategyPages.StrategyFormPage;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.web.StrategyForms.StrategyForm;

/**
 * The strategy screens: the list (also the public one), creating, changing and deleting a
 * strategy. Its tree: {@link StrategyTreeController}; its versions:
 * {@link StrategyVersionController}; export and import:
 * {@link StrategyTransferController}.
 */
@Controller
class StrategyController {

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	private final MessageSource messages;

	private final StrategyPages pages;

	StrategyController(StrategyCatalog catalog, StrategyManagement management, MessageSource messages,
			StrategyPages pages) {
		this.pages = pages;
		this.catalog = catalog;
		this.management = management;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("strategies", this.catalog.strategies(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("ownOrganisation", user.organisationId());
		model.addAttribute("publicView", false);
		return "strategy/list";
	}

	@GetMapping("/public/strategies")
	@PreAuthorize("permitAll()")
	String publicList(Model model) {
		model.addAttribute("strategies", this.catalog.strategies(null));
		model.addAttribute("canEdit", false);
		model.addAttribute("publicView", true);
		return "strategy/list";
	}

	@GetMapping("/strategies/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newStrategy(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return strategyForm(this.pages.strategyForm(user.organisationId(), null), StrategyForm.empty(), model);
	}

	@PostMapping("/strategies")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute StrategyForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		Edit<StrategyFormPage, Strategy> edit = this.pages.createStrategy(user.organisationId(), form.draft(),
				user.username());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "strategy.created");
			return "redirect:/strategies/" + edit.saved().id();
		}
		model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
		return strategyForm(edit.page(), form, model);
	}

	@GetMapping("/strategies/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		StrategyFormPage page = this.pages.strategyForm(user.organisationId(), id);
		return strategyForm(page, StrategyForm.of(page.strategy()), model);
	}

	@PostMapping("/strategies/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute StrategyForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Edit<StrategyFormPage, Strategy> edit = this.pages.updateStrategy(user.organisationId(), id,
				form.version() == null ? -1 : form.version(), form.draft(), user.username());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/strategies/" + id;
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			return strategyForm(edit.page(), form, model);
		}
		Strategy current = edit.theirs();
		model.addAttribute("theirs", current);
		return strategyForm(edit.page(),
				new StrategyForm(form.code(), form.nameSv(), form.nameEn(), form.descriptionSv(), form.descriptionEn(),
						form.periodStart(), form.periodEnd(), form.derivedFromId(), form.published(),
						current.version()),
				model);
	}

	@PostMapping("/strategies/{id}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.management.deleteStrategy(user.organisationId(), id, version, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
			return "redirect:/strategies/" + id;
		}
		redirect.addFlashAttribute("flash", "strategy.deleted");
		return "redirect:/strategies";
	}

	private static String strategyForm(StrategyFormPage page, StrategyForm form, Model model) {
		if (page.strategy() != null) {
			model.addAttribute("levelRows", page.levelRows());
			model.addAttribute("levelsNamed", page.levelsNamed());
		}
		model.addAttribute("form", form);
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("candidates", page.candidates());
		return "strategy/strategy-form";
	}

}
