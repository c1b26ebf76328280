package se.stratlas.accounts.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.OrganisationSetup;
import se.stratlas.accounts.OrganisationProfiles;
import se.stratlas.accounts.OrganisationProfiles.ProfilePage;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The organisation's profile, kept by its administrator (name, kind, home area, contact;
 * the logo is uploaded beside it), and the platform administrator's list of
 * organisations, where new ones are created with their first administrator.
 */
@Controller
class OrganisationController {

	/** The profile form. */
	record ProfileForm(Integer version, String name, Organisation.Kind kind, String homeArea, String contactEmail,
			String contactPhone, String website) {

		Organisation.Profile profile() {
			return new Organisation.Profile(this.name, this.kind, this.homeArea, this.contactEmail, this.contactPhone,
					this.website);
		}

		static ProfileForm of(Organisation organisation) {
			return new ProfileForm(organisation.version(), organisation.name(), organisation.kind(),
					organisation.homeArea(), organisation.contactEmail(), organisation.contactPhone(),
					organisation.website());
		}

	}

	/** A new organisation with its first administrator. */
	record NewOrganisationForm(String code, String name, Organisation.Kind kind, String homeArea, String contactEmail,
			String contactPhone, String website, String adminUsername, String adminDisplayName, String adminEmail,
			String adminPassword) {

		static NewOrganisationForm empty() {
			return new NewOrganisationForm(null, null, Organisation.Kind.REGION, null, null, null, null, null, null,
					null, null);
		}

	}

	private final OrganisationSetup setup;

	private final OrganisationProfiles profiles;

	private final MessageSource messages;

	OrganisationController(OrganisationSetup setup, OrganisationProfiles profiles, MessageSource messages) {
		this.setup = setup;
		this.profiles = profiles;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "admin";
	}

	@GetMapping("/admin/organisation")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String profile(@AuthenticationPrincipal StratlasPrincipal admin, Model model, Locale locale) {
		ProfilePage page = this.profiles.page(admin.organisationId());
		return profilePage(page, ProfileForm.of(page.organisation()), model);
	}

	@PostMapping("/admin/organisation")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String saveProfile(@AuthenticationPrincipal StratlasPrincipal admin, @ModelAttribute ProfileForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		Edit<ProfilePage, Organisation> edit = this.profiles.save(admin.organisationId(),
				form.version() == null ? -1 : form.version(), form.profile(), admin.username());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/admin/organisation";
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			return profilePage(edit.page(), form, model);
		}
		model.addAttribute("conflict", true);
		return profilePage(edit.page(), ProfileForm.of(edit.theirs()), model);
	}

	private String profilePage(ProfilePage page, ProfileForm form, Model model) {
		model.addAttribute("organisation", page.organisation());
		model.addAttribute("form", form);
		model.addAttribute("kinds", Organisation.Kind.values());
		model.addAttribute("counties", page.counties());
		model.addAttribute("municipalities", page.municipalities());
		model.addAttribute("history", page.history());
		return "accounts/organisation";
	}

	@GetMapping("/platform/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	String list(Model model, Locale locale) {
		return listPage(NewOrganisationForm.empty(), model);
	}

	@PostMapping("/platform/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMINISTRATOR')")
	String create(@AuthenticationPrincipal StratlasPrincipal platform, @ModelAttribute NewOrganisationForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			OrganisationSetup.Created created = this.setup.create(platform, form.code(),
					new Organisation.Profile(form.name(), form.kind(), form.homeArea(), form.contactEmail(),
							form.contactPhone(), form.website()),
					new OrganisationSetup.FirstAdministrator(form.adminUsername(), form.adminDisplayName(),
							form.adminEmail(), form.adminPassword()));
			redirect.addFlashAttribute("flash", "platform.created");
			redirect.addFlashAttribute("createdOrganisation", created.organisation().name());
			redirect.addFlashAttribute("createdAdministrator", created.administrator().username());
			return "redirect:/platform/organisations";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return listPage(form, model);
		}
	}

	private String listPage(NewOrganisationForm form, Model model) {
		OrganisationProfiles.PlatformPage page = this.profiles.platformPage();
		model.addAttribute("organisations", page.organisations());
		model.addAttribute("form", form);
		model.addAttribute("kinds", Organisation.Kind.values());
		model.addAttribute("counties", page.counties());
		model.addAttribute("municipalities", page.municipalities());
		model.addAttribute("areaNames", page.areaNames());
		return "platform/organisations";
	}

}
