package se.stratlas.reports.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.reports.DocxReport;
import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;
import se.stratlas.reports.HtmlReport;
import se.stratlas.reports.PdfReport;
import se.stratlas.reports.ReportDocument;
import se.stratlas.reports.Reports;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * A report product as a report: the live preview (drafts marked) on screen and as PDF,
 * Word and Excel; freezing into archived editions, their progress and files; publishing.
 */
@Controller
class ReportController {

	private final Reports reports;

	private final Editions editions;

	private final Cycles cycles;

	private final Products products;

	private final MessageSource messages;

	private final se.stratlas.reports.Logos logos;

	private final FrozenReportPage frozen;

	ReportController(Reports reports, Editions editions, Cycles cycles, Products products, MessageSource messages,
			se.stratlas.reports.Logos logos, FrozenReportPage frozen) {
		this.logos = logos;
		this.frozen = frozen;
		this.reports = reports;
		this.editions = editions;
		this.cycles = cycles;
		this.products = products;
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
		Product product = this.products.get(user.organisationId(), id, productId);
		ReportDocument document = this.reports.build(user.organisationId(), id, productId);
		model.addAttribute("cycle", this.cycles.get(user.organisationId(), id));
		model.addAttribute("product", product);
		model.addAttribute("report", HtmlReport.body(document));
		model.addAttribute("draft", document.draft());
		model.addAttribute("editions", this.editions.list(user.organisationId(), productId));
		model.addAttribute("canFreeze", user.can(Role.STRATEGIST));
		model.addAttribute("gaps", this.reports.gaps(user.organisationId(), id, productId));
		return "reports/preview";
	}

	@GetMapping("/followup/{id}/products/{productId}/report.pdf")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewPdf(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		ReportDocument document = this.reports.build(user.organisationId(), id, productId);
		return file(PdfReport.render(document), Editions.Format.PDF, document.title() + " (förhandsvisning)");
	}

	@GetMapping("/followup/{id}/products/{productId}/report.docx")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewDocx(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		ReportDocument document = this.reports.build(user.organisationId(), id, productId);
		return file(DocxReport.render(document), Editions.Format.DOCX, document.title() + " (förhandsvisning)");
	}

	@GetMapping("/followup/{id}/products/{productId}/report.xlsx")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> previewXlsx(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		ReportDocument document = this.reports.build(user.organisationId(), id, productId);
		return file(Editions.xlsx(document), Editions.Format.XLSX, document.title() + " (förhandsvisning)");
	}

	static ResponseEntity<byte[]> file(byte[] body, Editions.Format format, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(name + "." + format.extension, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	@PostMapping("/followup/{id}/products/{productId}/logo")
	@PreAuthorize("hasRole('STRATEGIST')")
	String logo(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@org.springframework.web.bind.annotation.RequestParam("logo") org.springframework.web.multipart.MultipartFile logo,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String altText, Locale locale,
			RedirectAttributes redirect) throws java.io.IOException {
		// The logo is the organisation's; the product is where the user returns to.
		this.products.get(user.organisationId(), id, productId);
		try {
			this.logos.set(user, logo.getBytes(), altText);
			redirect.addFlashAttribute("flash", "logo.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/products/" + productId + "/report";
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
		Edition edition = this.editions.get(user.organisationId(), editionId);
		model.addAttribute("edition", edition);
		model.addAttribute("canPublish", user.can(Role.STRATEGIST));
		if (htmx != null) {
			return new ModelAndView("reports/edition :: status");
		}
		if (edition.ready()) {
			return this.frozen.page("reports/edition", this.editions.htmlPart(user.organisationId(), editionId), model,
					locale, request);
		}
		return new ModelAndView("reports/edition");
	}

	@GetMapping("/reports/editions/{editionId}/report.{format}")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> editionFile(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@PathVariable String format) {
		Editions.Format chosen = switch (format) {
			case "pdf" -> Editions.Format.PDF;
			case "docx" -> Editions.Format.DOCX;
			case "xlsx" -> Editions.Format.XLSX;
			default -> throw new se.stratlas.shared.NotFoundException("format", format);
		};
		Edition edition = this.editions.get(user.organisationId(), editionId);
		return file(this.editions.file(user.organisationId(), editionId, chosen), chosen,
				edition.title() + " utgåva " + edition.number());
	}

	@PostMapping("/reports/editions/{editionId}/publish")
	@PreAuthorize("hasRole('STRATEGIST')")
	String publish(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long editionId,
			@RequestParam(defaultValue = "false") boolean confirmDraft, Locale locale, RedirectAttributes redirect) {
		try {
			this.editions.publish(user, editionId, confirmDraft);
			redirect.addFlashAttribute("flash", "edition.published");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/reports/editions/" + editionId;
	}

	static Map<String, String> none() {
		return Map.of();
	}

}
