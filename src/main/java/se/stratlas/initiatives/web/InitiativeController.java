package se.stratlas.initiatives.web;

import java.util.List;
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

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeChoices;
import se.stratlas.initiatives.InitiativeExport;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.InitiativePages;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/**
 * The initiative list with its search, filters and export, and registering, editing and
 * deleting an initiative (its page and parts: {@link InitiativePageController}).
 */
@Controller
class InitiativeController {

	private final InitiativeCatalog catalog;

	private final InitiativeManagement management;

	private final InitiativeExport export;

	private final InitiativePages pages;

	private final InitiativeChoices choices;

	private final FilterChoices filters;

	private final OrganisationUnits units;

	private final MessageSource messages;

	InitiativeController(InitiativeCatalog catalog, InitiativeManagement management, InitiativeExport export,
			InitiativePages pages, InitiativeChoices choices, FilterChoices filters, OrganisationUnits units,
			MessageSource messages) {
		this.catalog = catalog;
		this.management = management;
		this.export = export;
		this.pages = pages;
		this.choices = choices;
		this.filters = filters;
		this.units = units;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/initiatives")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute FilterForm filter, Model model) {
		List<Initiative> initiatives = this.catalog.find(user.organisationId(), filter.filter());
		model.addAttribute("initiatives", initiatives);
		model.addAttribute("filter", filter);
		model.addAttribute("canCreate", user.can(Role.REPORTER));
		this.filters.filters(user.organisationId(), model);
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
		return form(user, InitiativeForm.empty(user.unitId()), null, model, locale);
	}

	@PostMapping("/initiatives")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute InitiativeForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Initiative created = this.management.create(user, form.draft());
			redirect.addFlashAttribute("flash", "initiative.created");
			return "redirect:/initiatives/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, null, model, locale);
		}
	}

	private String form(StratlasPrincipal user, InitiativeForm form, Initiative initiative, Model model,
			Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("initiative", initiative);
		model.addAttribute("types", InitiativeType.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("units", this.units.list(user.organisationId()));
		model.addAttribute("municipalityGroups", this.choices.municipalityGroups(user.organisationId(), locale));
		model.addAttribute("others", this.pages.possiblePredecessors(user.organisationId(), initiative));
		return "initiatives/form";
	}

	@GetMapping("/initiatives/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		Initiative initiative = this.catalog.get(user.organisationId(), id);
		return form(user, InitiativeForm.of(initiative), initiative, model, locale);
	}

	@PostMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute InitiativeForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Initiative initiative = this.catalog.get(user.organisationId(), id);
		try {
			this.management.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/initiatives/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, initiative, model, locale);
		}
		catch (EditConflictException ex) {
			Initiative current = (Initiative) ex.current();
			model.addAttribute("theirs", current);
			return form(user, form.withVersion(current.version()), current, model, locale);
		}
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
