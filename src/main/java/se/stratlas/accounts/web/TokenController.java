package se.stratlas.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The signed-in user's API tokens: create one (shown once, never stored in the session),
 * see when each was last used, revoke one.
 */
@Controller
class TokenController {

	private final ApiTokens tokens;

	private final MessageSource messages;

	TokenController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/account/tokens")
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return page(user, model, null, null, List.of(), null);
	}

	@PostMapping("/account/tokens")
	@PreAuthorize("isAuthenticated()")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) List<String> scopes, @RequestParam(required = false) Integer days,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			ApiTokens.Created created = this.tokens.create(user, name, scopes, days);
			// The token is shown on this answer only: not cached, not in the session.
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("created", created);
			return page(user, model, null, null, List.of(), null);
		}
		catch (ValidationException ex) {
			return page(user, model, FieldErrors.of(ex, this.messages, locale), name,
					scopes == null ? List.of() : scopes, days);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	@PreAuthorize("isAuthenticated()")
	String revoke(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(user, id);
		redirect.addFlashAttribute("flash", "token.revoked");
		return "redirect:/account/tokens";
	}

	private String page(StratlasPrincipal user, Model model, Map<String, String> errors, String name,
			List<String> scopes, Integer days) {
		model.addAttribute("tokens", this.tokens.mine(user));
		model.addAttribute("areas", ApiTokens.Area.values());
		model.addAttribute("errors", errors);
		model.addAttribute("name", name);
		model.addAttribute("chosen", scopes);
		model.addAttribute("days", days);
		model.addAttribute("now", Instant.now());
		return "accounts/tokens";
	}

}
