package se.stratlas.accounts.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/** Administrators arrange their organisation's units. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UnitAdminController {

	private final OrganisationUnits units;

	private final MessageSource messages;

	UnitAdminController(OrganisationUnits units, MessageSource messages) {
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/units")
	String unitList(Model model) {
		model.addAttribute("kinds", OrganisationUnit.Kind.values());
		return "accounts/units";
	}

	@PostMapping("/units")
	String createUnit(@AuthenticationPrincipal StratlasPrincipal admin, @RequestParam(required = false) Long parentId,
			@RequestParam(required = false) OrganisationUnit.Kind kind, @RequestParam(required = false) String name,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.units.create(admin.organisationId(), parentId, kind, name, admin.username());
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("kinds", OrganisationUnit.Kind.values());
			return "accounts/units";
		}
		redirect.addFlashAttribute("flash", "unit.created");
		return "redirect:/admin/units";
	}

}
