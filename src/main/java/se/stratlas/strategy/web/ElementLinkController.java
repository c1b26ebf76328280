package se.stratlas.strategy.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.RelationType;

/** Linking an element to an element of another strategy (by its code), and unlinking. */
@Controller
class ElementLinkController {

	private final ElementManagement management;

	private final MessageSource messages;

	ElementLinkController(ElementManagement management, MessageSource messages) {
		this.management = management;
		this.messages = messages;
	}

	@PostMapping("/strategies/elements/{id}/links")
	@PreAuthorize("hasRole('STRATEGIST')")
	String link(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long targetStrategyId, @RequestParam(required = false) String targetCode,
			@RequestParam(required = false) RelationType relation, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.management.linkByCode(user.organisationId(), id, targetStrategyId, targetCode, relation, note,
					user.username());
			redirect.addFlashAttribute("flash", "link.created");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("linkErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/strategies/elements/" + id;
	}

	@PostMapping("/strategies/elements/{id}/links/{linkId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unlink(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long linkId,
			RedirectAttributes redirect) {
		this.management.unlink(user.organisationId(), linkId, user.username());
		redirect.addFlashAttribute("flash", "link.deleted");
		return "redirect:/strategies/elements/" + id;
	}

}
