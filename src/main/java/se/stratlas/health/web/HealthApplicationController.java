package se.stratlas.health.web;

import java.util.List;
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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.AccessApplications;
import se.stratlas.health.Application;
import se.stratlas.health.HealthPages;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Applying for health data, the steward's review (questions, answers, the decision with
 * its checklist) and an application's page.
 */
@Controller
class HealthApplicationController {

	private final AccessApplications applications;

	private final HealthPages pages;

	private final MessageSource messages;

	HealthApplicationController(AccessApplications applications, HealthPages pages, MessageSource messages) {
		this.applications = applications;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "health";
	}

	@ModelAttribute("legalBases")
	List<DatasetDraft.LegalBasis> legalBases() {
		return List.of(DatasetDraft.LegalBasis.values());
	}

	@ModelAttribute("specialBases")
	List<DatasetDraft.SpecialBasis> specialBases() {
		return List.of(DatasetDraft.SpecialBasis.values());
	}

	@GetMapping("/health/applications/new")
	@PreAuthorize("hasRole('READER')")
	String newApplication(Model model) {
		model.addAttribute("form", ApplicationForm.empty());
		model.addAttribute("datasets", this.pages.choices());
		return "health/application-form";
	}

	@PostMapping("/health/applications")
	@PreAuthorize("hasRole('READER')")
	String apply(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute ApplicationForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Application created = this.applications.apply(user, form.draft());
			redirect.addFlashAttribute("flash", "health.application.submitted");
			return "redirect:/health/applications/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("form", form);
			model.addAttribute("datasets", this.pages.choices());
			return "health/application-form";
		}
	}

	@GetMapping("/health/applications/{id}")
	@PreAuthorize("hasRole('READER')")
	String application(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("page", this.pages.application(user, id));
		return "health/application";
	}

	@PostMapping("/health/applications/{id}/questions")
	@PreAuthorize("hasRole('STRATEGIST')")
	String ask(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute Application.Note note, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.applications.ask(user, id, note);
			redirect.addFlashAttribute("flash", "health.question.sent");
			return "redirect:/health/applications/" + id;
		}
		catch (ValidationException | EditConflictException ex) {
			return refused(user, id, ex, model, locale);
		}
	}

	@PostMapping("/health/applications/{id}/answers")
	@PreAuthorize("hasRole('READER')")
	String answer(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute Application.Note note, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.applications.answer(user, id, note);
			redirect.addFlashAttribute("flash", "health.answer.sent");
			return "redirect:/health/applications/" + id;
		}
		catch (ValidationException | EditConflictException ex) {
			return refused(user, id, ex, model, locale);
		}
	}

	@PostMapping("/health/applications/{id}/decision")
	@PreAuthorize("hasRole('STRATEGIST')")
	String decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ApplicationForm.DecisionForm form, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.applications.decide(user, id, form.decision());
			redirect.addFlashAttribute("flash", "health.decision.recorded");
			return "redirect:/health/applications/" + id;
		}
		catch (ValidationException | EditConflictException ex) {
			model.addAttribute("decision", form);
			return refused(user, id, ex, model, locale);
		}
	}

	private String refused(StratlasPrincipal user, long id, RuntimeException ex, Model model, Locale locale) {
		if (ex instanceof ValidationException validation) {
			model.addAttribute("errors", FieldErrors.of(validation, this.messages, locale));
		}
		else {
			model.addAttribute("conflict", true);
		}
		model.addAttribute("page", this.pages.application(user, id));
		return "health/application";
	}

}
