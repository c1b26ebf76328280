package se.stratlas.health.web;

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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.health.Availability;
import se.stratlas.health.HealthCatalog;
import se.stratlas.health.HealthPages;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * Health data: the register with the availability overview, a dataset with its quality
 * label and history, loading a file, and the overview as open data.
 */
@Controller
class HealthController {

	private final HealthPages pages;

	private final HealthCatalog catalog;

	private final Availability availability;

	private final MessageSource messages;

	HealthController(HealthPages pages, HealthCatalog catalog, Availability availability, MessageSource messages) {
		this.pages = pages;
		this.catalog = catalog;
		this.availability = availability;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "health";
	}

	@GetMapping("/health")
	@PreAuthorize("hasRole('READER')")
	String home(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("home", this.pages.home(user));
		return "health/home";
	}

	@GetMapping("/public/health/availability.csv")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> availability() {
		return Downloads.file(this.availability.csv(), Downloads.CSV, "halsodata-tillganglighet.csv");
	}

	@GetMapping("/health/datasets/{id}")
	@PreAuthorize("hasRole('READER')")
	String dataset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("page", this.pages.dataset(user, id));
		return "health/dataset";
	}

	@PostMapping("/health/datasets/{id}/loads")
	@PreAuthorize("hasRole('STRATEGIST')")
	String load(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam("file") MultipartFile file, Model model, Locale locale, RedirectAttributes redirect)
			throws IOException {
		try {
			this.catalog.load(user, id, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("flash", "health.load.stored");
			return "redirect:/health/datasets/" + id + "#quality";
		}
		catch (ImportRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("filename", file.getOriginalFilename());
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
		}
		model.addAttribute("page", this.pages.dataset(user, id));
		return "health/dataset";
	}

}
