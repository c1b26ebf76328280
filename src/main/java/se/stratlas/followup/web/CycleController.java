package se.stratlas.followup.web;

import java.time.LocalDate;
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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The follow-up cycle screens: the list, a cycle with its milestones, state and progress
 * per unit, and setting cycles up. The template of sections is
 * {@link CycleSectionController}'s.
 */
@Controller
class CycleController {

	/** The cycle form. */
	record CycleForm(String name, CycleKind kind, String periodCode, Long strategyVersionId, LocalDate opensOn,
			LocalDate dueOn, LocalDate reviewDueOn, LocalDate publishOn, Cycles.Template template, Long copyFromId,
			List<Long> unitIds, Integer version) {

		Cycle.Draft draft() {
			return new Cycle.Draft(this.name, this.kind, this.periodCode, this.strategyVersionId, this.opensOn,
					this.dueOn, this.reviewDueOn, this.publishOn);
		}

		static CycleForm of(Cycle c) {
			return new CycleForm(c.name(), c.kind(), c.periodCode(), c.strategyVersionId(), c.opensOn(), c.dueOn(),
					c.reviewDueOn(), c.publishOn(), Cycles.Template.EMPTY, null, List.of(), c.version());
		}

	}

	private final Cycles cycles;

	private final MessageSource messages;

	CycleController(Cycles cycles, MessageSource messages) {
		this.cycles = cycles;
		this.messages = messages;
	}

	@GetMapping("/followup")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("cycles", this.cycles.list(user.organisationId()));
		model.addAttribute("canManage", user.can(Role.STRATEGIST));
		return "followup/list";
	}

	@GetMapping("/followup/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newCycle(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return form(
				new CycleForm(null, CycleKind.ANNUAL, String.valueOf(LocalDate.now().getYear() - 1), null, null, null,
						null, null, Cycles.Template.STRATEGY, null, List.of(), null),
				this.cycles.formPage(user.organisationId(), null), model);
	}

	@PostMapping("/followup")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute CycleForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Cycle cycle = this.cycles.create(user, form.draft(), form.template(), form.copyFromId(), form.unitIds());
			redirect.addFlashAttribute("flash", "cycle.created");
			return "redirect:/followup/" + cycle.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(form, this.cycles.formPage(user.organisationId(), null), model);
		}
	}

	@PostMapping("/followup/{id}/next")
	@PreAuthorize("hasRole('STRATEGIST')")
	String next(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		Cycle cycle = this.cycles.createNext(user, id);
		redirect.addFlashAttribute("flash", "cycle.createdFromPrevious");
		return "redirect:/followup/" + cycle.id();
	}

	@GetMapping("/followup/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Cycles.FormPage page = this.cycles.formPage(user.organisationId(), id);
		return form(CycleForm.of(page.cycle()), page, model);
	}

	@PostMapping("/followup/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute CycleForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(form, this.cycles.formPage(user.organisationId(), id), model);
		}
		catch (EditConflictException ex) {
			Cycles.FormPage page = this.cycles.formPage(user.organisationId(), id);
			model.addAttribute("theirs", page.cycle());
			return form(new CycleForm(form.name(), form.kind(), form.periodCode(), form.strategyVersionId(),
					form.opensOn(), form.dueOn(), form.reviewDueOn(), form.publishOn(), null, null, null,
					page.cycle().version()), page, model);
		}
	}

	private static String form(CycleForm form, Cycles.FormPage page, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("cycle", page.cycle());
		model.addAttribute("kinds", CycleKind.values());
		model.addAttribute("templates", Cycles.Template.values());
		model.addAttribute("versions", page.versions());
		model.addAttribute("previousCycles", page.previousCycles());
		model.addAttribute("units", page.units());
		return "followup/cycle-form";
	}

	@GetMapping("/followup/{id}")
	@PreAuthorize("hasRole('READER')")
	String cycle(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Cycles.Page page = this.cycles.page(user.organisationId(), id, LocalDate.now());
		Cycle cycle = page.cycle();
		model.addAttribute("cycle", cycle);
		model.addAttribute("progress", page.progress());
		model.addAttribute("progressKeys",
				List.of("contribution.state.not_started", "contribution.state.draft", "contribution.state.ready",
						"contribution.state.returned", "contribution.state.approved", "contribution.progress.late"));
		model.addAttribute("products", page.products());
		model.addAttribute("productKinds", ProductKind.values());
		model.addAttribute("canManage", user.can(Role.STRATEGIST));
		model.addAttribute("nextStates", cycle.state().next());
		model.addAttribute("previous", page.previous());
		model.addAttribute("history", page.history());
		if (cycle.strategyVersionId() != null) {
			model.addAttribute("strategyVersion", page.strategyVersion());
		}
		return "followup/cycle";
	}

	@PostMapping("/followup/{id}/state")
	@PreAuthorize("hasRole('STRATEGIST')")
	String state(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@RequestParam CycleState state, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.transition(user, id, version, state);
			redirect.addFlashAttribute("flash", "cycle.stateChanged");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors", Map.of("", message("conflict.reload", locale)));
		}
		return "redirect:/followup/" + id;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
