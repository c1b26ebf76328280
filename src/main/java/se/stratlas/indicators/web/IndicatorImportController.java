package se.stratlas.indicators.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.ImportRuns;
import se.stratlas.indicators.IndicatorFileImport;
import se.stratlas.indicators.KoladaImport;
import se.stratlas.indicators.ScbSubscriptions;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportProblem;

/**
 * Importing indicator values: from Kolada, from SCB (once or on the refresh schedule),
 * from a file; and the import runs that show how far each has come.
 */
@Controller
class IndicatorImportController {

	private final KoladaImport kolada;

	private final IndicatorFileImport files;

	private final ScbSubscriptions scbSubscriptions;

	private final ImportRuns runs;

	private final MessageSource messages;

	IndicatorImportController(KoladaImport kolada, IndicatorFileImport files, ScbSubscriptions scbSubscriptions,
			ImportRuns runs, MessageSource messages) {
		this.kolada = kolada;
		this.files = files;
		this.scbSubscriptions = scbSubscriptions;
		this.runs = runs;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@PostMapping("/indicators/{id}/kolada")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importKolada(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "2010") int from, @RequestParam(required = false) Integer to,
			RedirectAttributes redirect) {
		KoladaImport.Started started = this.kolada.startForHomeArea(user.organisationId(), id, from, to,
				user.username());
		return "redirect:/indicators/runs/" + started.runId();
	}

	@GetMapping("/indicators/runs/{runId}")
	@PreAuthorize("hasRole('READER')")
	String run(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long runId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("run", this.runs.run(user.organisationId(), runId));
		return htmx != null ? "indicators/run :: progress" : "indicators/run";
	}

	@GetMapping("/indicators/runs")
	@PreAuthorize("hasRole('READER')")
	String runs(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("runs", this.runs.runs(user.organisationId()));
		return "indicators/runs";
	}

	@GetMapping("/indicators/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importForm(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("columns", IndicatorFileImport.COLUMNS);
		model.addAttribute("subscriptions", this.scbSubscriptions.list(user.organisationId()));
		return "indicators/import";
	}

	@PostMapping("/indicators/import/scb")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importScb(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String table,
			@RequestParam(defaultValue = "") String selection, @RequestParam(defaultValue = "false") boolean subscribe,
			Model model, Locale locale) {
		try {
			return "redirect:/indicators/runs/"
					+ this.scbSubscriptions.start(user.organisationId(), table, selection, subscribe, user.username())
						.runId();
		}
		catch (ValidationException ex) {
			model.addAttribute("scbErrors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("scbTable", table);
			model.addAttribute("scbSelection", selection);
			return importForm(user, model);
		}
	}

	@PostMapping("/indicators/scb-subscriptions/{subscriptionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unsubscribe(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long subscriptionId,
			RedirectAttributes redirect) {
		this.scbSubscriptions.unsubscribe(user.organisationId(), subscriptionId);
		redirect.addFlashAttribute("flash", "indicator.scb.unsubscribed");
		return "redirect:/indicators/import";
	}

	@PostMapping("/indicators/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("filename", file.getOriginalFilename());
			model.addAttribute("problems", List.of(ImportProblem.at("fil", "the file is empty")));
			return importForm(user, model);
		}
		// The import runs in the background; its run page shows how far it has come and
		// what it found.
		return "redirect:/indicators/runs/"
				+ this.files.start(user.organisationId(), file.getOriginalFilename(), file.getBytes(), user.username())
					.runId();
	}

}
