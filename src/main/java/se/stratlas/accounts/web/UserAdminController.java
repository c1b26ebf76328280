package se.stratlas.accounts.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;
import se.stratlas.accounts.UserPasswords;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Administrators manage the users of their own organisation (units:
 * {@link UnitAdminController}; the audit log: {@link AuditLogController}).
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UserAdminController {

	private final UserAdministration administration;

	private final UserPasswords passwords;

	private final MessageSource messages;

	UserAdminController(UserAdministration administration, UserPasswords passwords, MessageSource messages) {
		this.administration = administration;
		this.passwords = passwords;
		this.messages = messages;
	}

	record UserForm(String username, String displayName, String email, Set<Role> roles, String password,
			Boolean enabled, Integer version, Long unitId) {

		Set<Role> roleSet() {
			return this.roles == null || this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
		}

		static UserForm of(UserAccount user) {
			return new UserForm(user.username(), user.displayName(), user.email(), user.roles(), null, user.enabled(),
					user.version(), user.unitId());
		}

	}

	@GetMapping("/users")
	String list(@AuthenticationPrincipal StratlasPrincipal admin, Model model) {
		UserAdministration.UserList list = this.administration.list(admin.organisationId());
		model.addAttribute("users", list.users());
		model.addAttribute("unitNames", list.unitNames());
		return "accounts/users";
	}

	@GetMapping("/users/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm(null, null, null, EnumSet.of(Role.READER), null, true, null, null));
		model.addAttribute("creating", true);
		return "accounts/user-form";
	}

	@PostMapping("/users")
	String create(@AuthenticationPrincipal StratlasPrincipal admin, @ModelAttribute UserForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.administration.create(admin.organisationId(), new UserAccounts.NewUser(form.username(),
					form.displayName(), form.email(), form.roleSet(), form.password()), form.unitId(),
					admin.username());
		}
		catch (ValidationException ex) {
			model.addAttribute("form", form);
			model.addAttribute("creating", true);
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return "accounts/user-form";
		}
		redirect.addFlashAttribute("flash", "user.created");
		return "redirect:/admin/users";
	}

	@GetMapping("/users/{id}")
	String edit(@AuthenticationPrincipal StratlasPrincipal admin, @PathVariable long id, Model model) {
		UserAdministration.UserPage page = this.administration.page(admin.organisationId(), id);
		return editAgain(page, UserForm.of(page.user()), model);
	}

	@PostMapping("/users/{id}")
	String update(@AuthenticationPrincipal StratlasPrincipal admin, @PathVariable long id,
			@ModelAttribute UserForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.administration.update(admin.organisationId(), id, form.version() == null ? -1 : form.version(),
					form.displayName(), form.email(), form.roleSet(), Boolean.TRUE.equals(form.enabled()),
					form.unitId(), admin.username());
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return editAgain(this.administration.page(admin.organisationId(), id), form, model);
		}
		catch (EditConflictException ex) {
			UserAdministration.UserPage page = this.administration.page(admin.organisationId(), id);
			model.addAttribute("conflict", true);
			model.addAttribute("theirs", UserForm.of((UserAccount) ex.current()));
			return editAgain(page, new UserForm(page.user().username(), form.displayName(), form.email(), form.roles(),
					null, form.enabled(), page.user().version(), form.unitId()), model);
		}
		redirect.addFlashAttribute("flash", "user.saved");
		return "redirect:/admin/users";
	}

	private static String editAgain(UserAdministration.UserPage page, UserForm form, Model model) {
		model.addAttribute("user", page.user());
		model.addAttribute("form", form);
		model.addAttribute("creating", false);
		model.addAttribute("history", page.history());
		return "accounts/user-form";
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@AuthenticationPrincipal StratlasPrincipal admin, @PathVariable long id,
			@RequestParam String password, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.passwords.resetPassword(admin.organisationId(), id, password, admin.username());
		}
		catch (ValidationException ex) {
			UserAdministration.UserPage page = this.administration.page(admin.organisationId(), id);
			model.addAttribute("passwordErrors", FieldErrors.of(ex, this.messages, locale));
			return editAgain(page, UserForm.of(page.user()), model);
		}
		redirect.addFlashAttribute("flash", "user.passwordReset");
		return "redirect:/admin/users/" + id;
	}

}
