package se.stratlas.reports.web;

import java.util.Locale;
import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.reports.Logos;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The organisation's logo on its profile page: shown, and changed by its administrator
 * (the reports' covers carry it).
 */
@Controller
class LogoController {

	private final Logos logos;

	private final MessageSource messages;

	LogoController(Logos logos, MessageSource messages) {
		this.logos = logos;
		this.messages = messages;
	}

	@GetMapping("/admin/organisation/logo")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> logo(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.logos.get(user.organisationId())
			.map(ReportFiles::logo)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/admin/organisation/logo")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String upload(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("logo") MultipartFile logo,
			@RequestParam(defaultValue = "") String altText, Locale locale, RedirectAttributes redirect)
			throws IOException {
		try {
			this.logos.set(user, logo.getBytes(), altText);
			redirect.addFlashAttribute("flash", "logo.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("logoErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/admin/organisation";
	}

}
