package se.stratlas.reports.web;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.reports.Editions;
import se.stratlas.reports.Logos;
import se.stratlas.reports.ReportPreviews;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * A report product as a report: the live preview (drafts marked) on screen and as PDF,
 * Word and Excel, and the organisation's logo set from it.
 */
@Controller
class ReportPreviewController {

	private final ReportPreviews previews;

	private final Logos logos;

	private final MessageSource messages;

	ReportPreviewController(ReportPreviews previews, Logos logos, MessageSource messages) {
		this.previews = previews;
		this.logos = logos;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

	@GetMapping("/followup/{id}/products/{productId}/report")
	@PreAuthorize("hasRole('READER')")
	String preview(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			Model model) {
		ReportPreviews.Preview preview = this.previews.preview(user.organisationId(), id, productId);
		model.addAttribute("cycle", preview.cycle());
		model.addAttribute("product", preview.product());
		model.addAttribute("report", preview.report());
		model.addAttribute("draft", preview.draft());
		model.addAttribute("editions", preview.editions());
		model.addAttribute("canFreeze", user.can(Role.STRATEGIST));
		model.addAttribute("gaps", preview.gaps());
		return "reports/preview";
	}

	@GetMapping("/followup/{id}/products/{productId}/report.pdf")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewPdf(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return ReportFiles.attachment(this.previews.file(user.organisationId(), id, productId, Editions.Format.PDF));
	}

	@GetMapping("/followup/{id}/products/{productId}/report.docx")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewDocx(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return ReportFiles.attachment(this.previews.file(user.organisationId(), id, productId, Editions.Format.DOCX));
	}

	@GetMapping("/followup/{id}/products/{productId}/report.xlsx")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewXlsx(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return ReportFiles.attachment(this.previews.file(user.organisationId(), id, productId, Editions.Format.XLSX));
	}

	@PostMapping("/followup/{id}/products/{productId}/logo")
	@PreAuthorize("hasRole('STRATEGIST')")
	String logo(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@RequestParam("logo") MultipartFile logo, @RequestParam(defaultValue = "") String altText, Locale locale,
			RedirectAttributes redirect) throws IOException {
		try {
			this.logos.setFromProduct(user, id, productId, logo.getBytes(), altText);
			redirect.addFlashAttribute("flash", "logo.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/products/" + productId + "/report";
	}

}
