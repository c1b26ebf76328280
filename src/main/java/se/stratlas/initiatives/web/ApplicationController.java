package se.stratlas.initiatives.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import se.stratlas.actors.ActorRegistry;
import se.stratlas.initiatives.Application;
import se.stratlas.initiatives.ApplicationPage;
import se.stratlas.initiatives.Applications;
import se.stratlas.initiatives.InitiativeChoices;
import se.stratlas.initiatives.InitiativePages;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;

/** Applications for funding: registering, assessing against the directions, deciding. */
@Controller
class ApplicationController {

	private final Applications applications;

	private final InitiativeChoices choices;

	private final InitiativePages pages;

	private final ActorRegistry actors;

	private final MessageSource messages;

	ApplicationController(Applications applications, InitiativeChoices choices, InitiativePages pages,
			ActorRegistry actors, MessageSource messages) {
		this.applications = applications;
		this.choices = choices;
		this.pages = pages;
		this.actors = actors;
		this.messages = messages;
	}

	record ApplicationForm(Long strategyId, String title, Long applicantId, String description,
			BigDecimal amountApplied, FundingSource fundingSource) {
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/applications")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) Decision decision,
			Model model) {
		model.addAttribute("applications", this.applications.list(user.organisationId(), decision));
		model.addAttribute("decision", decision);
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("canCreate", user.can(Role.REPORTER));
		return "initiatives/applications";
	}

	@GetMapping("/applications/new")
	@PreAuthorize("hasRole('REPORTER')")
	String newApplication(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		Strategy strategy = this.choices.assessing(user.organisationId(), null);
		return form(user, new ApplicationForm(strategy == null ? null : strategy.id(), null, null, null, null,
				FundingSource.ANSLAG_1_1), model);
	}

	private String form(StratlasPrincipal user, ApplicationForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("strategies", this.choices.own(user.organisationId()));
		model.addAttribute("actors", this.actors.actors(user.organisationId()));
		model.addAttribute("sources", FundingSource.values());
		return "initiatives/application-form";
	}

	@PostMapping("/applications")
	@PreAuthorize("hasRole('REPORTER')")
	String register(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute ApplicationForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			if (form.strategyId() == null) {
				throw new ValidationException("strategyId", "validation.required");
			}
			Application created = this.applications.register(user, new Application.Draft(form.strategyId(),
					form.title(), form.applicantId(), form.description(), form.amountApplied(), form.fundingSource()));
			redirect.addFlashAttribute("flash", "application.created");
			return "redirect:/applications/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, model);
		}
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ApplicationPage page = this.pages.applicationPage(user, id);
		model.addAttribute("app", page.application());
		model.addAttribute("strategy", page.strategy());
		model.addAttribute("directions", page.directions());
		model.addAttribute("scale", page.scale());
		model.addAttribute("levelNames", page.levelNames());
		model.addAttribute("assessmentByDirection", page.assessmentByDirection());
		model.addAttribute("gate", page.gate());
		model.addAttribute("canAssess", page.canAssess());
		model.addAttribute("canDecide", page.canDecide());
		model.addAttribute("history", page.history());
		return "initiatives/application";
	}

	@PostMapping("/applications/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	String assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute AssessmentForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.applications.assess(user, id, form.draft());
			redirect.addFlashAttribute("flash", "assessment.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("partErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/decision")
	@PreAuthorize("hasRole('REVIEWER')")
	String decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) Decision decision, @RequestParam(required = false) BigDecimal amountGranted,
			@RequestParam(required = false) LocalDate decisionDate, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		try {
			Application decided = this.applications.decide(user, id, version, decision, amountGranted, decisionDate,
					note);
			redirect.addFlashAttribute("flash",
					decided.decision() == Decision.BEVILJAD ? "application.granted" : "application.refused");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("decisionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("decisionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/applications/" + id;
	}

}
