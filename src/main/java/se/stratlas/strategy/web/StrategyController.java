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
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyLevels;
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

	private final StrategyLevels levels;

	StrategyController(StrategyCatalog catalog, StrategyManagement management, MessageSource messages,
			StrategyLevels levels) {
		this.levels = levels;
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
		return strategyForm(user, StrategyForm.empty(), null, model);
	}

	@PostMapping("/strategies")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute StrategyForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Strategy created = this.management.createStrategy(user.organisationId(), form.draft(), null, null,
					user.username());
			redirect.addFlashAttribute("flash", "strategy.created");
			return "redirect:/strategies/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return strategyForm(user, form, null, model);
		}
	}

	@GetMapping("/strategies/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Strategy strategy = this.catalog.ownStrategy(user.organisationId(), id);
		return strategyForm(user, StrategyForm.of(strategy), strategy, model);
	}

	@PostMapping("/strategies/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute StrategyForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Strategy strategy = this.catalog.ownStrategy(user.organisationId(), id);
		try {
			this.management.updateStrategy(user.organisationId(), id, form.version() == null ? -1 : form.version(),
					form.draft(), user.username());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/strategies/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return strategyForm(user, form, strategy, model);
		}
		catch (EditConflictException ex) {
			Strategy current = (Strategy) ex.current();
			model.addAttribute("theirs", current);
			return strategyForm(user,
					new StrategyForm(form.code(), form.nameSv(), form.nameEn(), form.descriptionSv(),
							form.descriptionEn(), form.periodStart(), form.periodEnd(), form.derivedFromId(),
							form.published(), current.version()),
					current, model);
		}
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

	private String strategyForm(StratlasPrincipal user, StrategyForm form, Strategy strategy, Model model) {
		if (strategy != null) {
			LevelController.levelRows(this.levels, strategy.id(), model);
		}
		model.addAttribute("form", form);
		model.addAttribute("strategy", strategy);
		model.addAttribute("candidates",
				this.catalog.derivationCandidates(user.organisationId(), strategy == null ? null : strategy.id()));
		return "strategy/strategy-form";
	}

}
