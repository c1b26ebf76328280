package se.stratlas.foresight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshops;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Workshops: the list with the themes that recur, registering one and changing its
 * details (its SWOT board: {@link SwotController}).
 */
@Controller
class WorkshopController {

	/** The workshop form. */
	record WorkshopForm(String project, String name, LocalDate heldOn, String areaCode, String organisers,
			Integer participants, String format, List<UUID> elementKeys) {

		Workshop.Draft draft() {
			return new Workshop.Draft(this.project, this.name, this.heldOn, this.areaCode, this.organisers,
					this.participants, this.format, this.elementKeys);
		}

	}

	private final Workshops workshops;

	private final ForesightPages pages;

	private final MessageSource messages;

	WorkshopController(Workshops workshops, ForesightPages pages, MessageSource messages) {
		this.workshops = workshops;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/workshops")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		ForesightPages.WorkshopsPage page = this.pages.workshops(user.organisationId());
		model.addAttribute("workshops", page.workshops());
		model.addAttribute("themes", page.themes());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("municipalities", page.municipalities());
		model.addAttribute("choices", page.choices());
		return "foresight/workshops";
	}

	@PostMapping("/foresight/workshops")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute WorkshopForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			Workshop workshop = this.workshops.create(user, form.draft());
			redirect.addFlashAttribute("flash", "workshop.created");
			return "redirect:/foresight/workshops/" + workshop.id();
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/foresight/workshops";
		}
	}

	@GetMapping("/foresight/workshops/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ForesightPages.WorkshopForm form = this.pages.workshopForm(user.organisationId(), id);
		model.addAttribute("workshop", form.workshop());
		model.addAttribute("municipalities", form.municipalities());
		model.addAttribute("choices", form.choices());
		return "foresight/workshop-form";
	}

	@PostMapping("/foresight/workshops/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@ModelAttribute WorkshopForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.workshops.update(user, id, version, form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/foresight/workshops/" + id;
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/foresight/workshops/" + id + "/edit";
	}

}
