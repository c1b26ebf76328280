package se.stratlas.accounts.web;

import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserPasswords;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/** The signed-in user's own page: who they are, and changing their password. */
@Controller
class AccountController {

	private static final String MUST_CHANGE_PASSWORD = UserPasswords.MUST_CHANGE_PASSWORD_ATTRIBUTE;

	private final UserAccounts users;

	private final UserPasswords passwords;

	private final MessageSource messages;

	AccountController(UserAccounts users, UserPasswords passwords, MessageSource messages) {
		this.users = users;
		this.passwords = passwords;
		this.messages = messages;
	}

	record PasswordForm(String currentPassword, String newPassword, String confirmation) {
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("account", this.users.get(user.organisationId(), user.userId()));
		return "accounts/account";
	}

	@GetMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String passwordForm(Model model, HttpSession session) {
		model.addAttribute("form", new PasswordForm(null, null, null));
		model.addAttribute("mustChange", session.getAttribute(MUST_CHANGE_PASSWORD) != null);
		model.addAttribute("minLength", UserPasswords.MIN_PASSWORD_LENGTH);
		return "accounts/password";
	}

	@PostMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String changePassword(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute PasswordForm form,
			Model model, HttpSession session, RedirectAttributes redirect, Locale locale) {
		try {
			this.passwords.changeOwnPassword(user.userId(), form.currentPassword(), form.newPassword(),
					form.confirmation());
		}
		catch (ValidationException ex) {
			model.addAttribute("form", new PasswordForm(null, null, null));
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("mustChange", session.getAttribute(MUST_CHANGE_PASSWORD) != null);
			model.addAttribute("minLength", UserPasswords.MIN_PASSWORD_LENGTH);
			return "accounts/password";
		}
		session.removeAttribute(MUST_CHANGE_PASSWORD);
		redirect.addFlashAttribute("flash", "account.password.changed");
		// On to the start page, which says what to do next.
		return "redirect:/";
	}

}
