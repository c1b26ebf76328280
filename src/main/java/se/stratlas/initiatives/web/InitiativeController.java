package se.stratlas.initiatives.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeExport;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.InitiativePages;
import se.stratlas.initiatives.InitiativePages.FormPage;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.tables.Downloads;

/**
 * The initiative list with its search, filters and export, and registering, editing and
 * deleting an initiative (its page and parts: {@link InitiativePageController}).
 */
@Controller
class InitiativeController {

	private final InitiativeManagement management;

	private final InitiativeExport export;

	private final InitiativePages pages;

	private final MessageSource messages;

	InitiativeController(InitiativeManagement management, InitiativeExport export, InitiativePages pages,
			MessageSource messages) {
		this.management = management;
		this.export = export;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/initiatives")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute FilterForm filter, Model model) {
		InitiativePages.ListPage page = this.pages.list(user.organisationId(), filter.filter());
		model.addAttribute("initiatives", page.initiatives());
		model.addAttribute("filter", filter);
		model.addAttribute("canCreate", user.can(Role.REPORTER));
		FilterChoices.filters(page.filters(), model);
		return "initiatives/list";
	}

	@GetMapping("/initiatives/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute FilterForm filter,
			@RequestParam(defaultValue = "xlsx") String format, Locale locale) {
		return Downloads.table(this.export.table(user.organisationId(), filter.filter(), locale), format, "insatser");
	}

	@GetMapping("/initiatives/new")
	@PreAuthorize("hasRole('REPORTER')")
	String newInitiative(@AuthenticationPrincipal StratlasPrincipal user, Model model, Locale locale) {
		return form(this.pages.form(user.organisationId(), null, locale), InitiativeForm.empty(user.unitId()), model);
	}

	@PostMapping("/initiatives")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute InitiativeForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		Edit<FormPage, Initiative> edit = this.pages.create(user, form.draft(), locale);
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "initiative.created");
			return "redirect:/initiatives/" + edit.saved().id();
		}
		model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
		return form(edit.page(), form, model);
	}

	private static String form(FormPage page, InitiativeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("initiative", page.initiative());
		model.addAttribute("types", InitiativeType.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("units", page.units());
		model.addAttribute("municipalityGroups", page.municipalityGroups());
		model.addAttribute("others", page.others());
		return "initiatives/form";
	}

	@GetMapping("/initiatives/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		FormPage page = this.pages.form(user.organisationId(), id, locale);
		return form(page, InitiativeForm.of(page.initiative()), model);
	}

	@PostMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute InitiativeForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Edit<FormPage, Initiative> edit = this.pages.update(user, id, form.version() == null ? -1 : form.version(),
				form.draft(), locale);
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/initiatives/" + id;
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			return form(edit.page(), form, model);
		}
		model.addAttribute("theirs", edit.theirs());
		return form(edit.page(), form.withVersion(edit.theirs().version()), model);
	}

	@PostMapping("/initiatives/{id}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		this.management.delete(user, id, version);
		redirect.addFlashAttribute("flash", "initiative.deleted");
		return "redirect:/initiatives";
	}

}
