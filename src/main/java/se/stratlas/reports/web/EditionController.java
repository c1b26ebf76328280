package se.stratlas.reports.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;
import se.stratlas.reports.PublishedEditions;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Editions of a report product: freezing one, its progress and page, its files, and
 * publishing it.
 */
@Controller
class EditionController {

	private final Editions editions;

	private final PublishedEditions published;

	private final FrozenReportPage frozen;

	private final MessageSource messages;

	EditionController(Editions editions, PublishedEditions published, FrozenReportPage frozen, MessageSource messages) {
		this.editions = editions;
		this.published = published;
		this.frozen = frozen;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

	@PostMapping("/followup/{id}/products/{productId}/editions")
	@PreAuthorize("hasRole('STRATEGIST')")
	String freeze(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@RequestParam(defaultValue = "false") boolean confirmGaps, Locale locale, RedirectAttributes redirect) {
		try {
			Edition edition = this.editions.start(user, id, productId, confirmGaps);
			return "redirect:/reports/editions/" + edition.id();
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/followup/" + id + "/products/" + productId + "/report";
		}
	}

	@GetMapping("/reports/editions/{editionId}")
	@PreAuthorize("hasRole('READER')")
	ModelAndView edition(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
			HttpServletRequest request) throws Exception {
		Editions.EditionPage page = this.editions.page(user.organisationId(), editionId, htmx == null);
		model.addAttribute("edition", page.edition());
		model.addAttribute("canPublish", user.can(Role.STRATEGIST));
		if (htmx != null) {
			return new ModelAndView("reports/edition :: status");
		}
		// The stored report of a ready edition; none while it is being made or failed.
		if (page.report() == null) {
			return new ModelAndView("reports/edition");
		}
		return this.frozen.page("reports/edition", page.report(), model, locale, request);
	}

	@GetMapping("/reports/editions/{editionId}/report.{format}")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> editionFile(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@PathVariable String format) {
		return ReportFiles
			.attachment(this.editions.download(user.organisationId(), editionId, Editions.Format.of(format)));
	}

	@PostMapping("/reports/editions/{editionId}/publish")
	@PreAuthorize("hasRole('STRATEGIST')")
	String publish(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@RequestParam(defaultValue = "false") boolean confirmDraft, Locale locale, RedirectAttributes redirect) {
		try {
			this.published.publish(user, editionId, confirmDraft);
			redirect.addFlashAttribute("flash", "edition.published");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/reports/editions/" + editionId;
	}

}
