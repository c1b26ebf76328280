package se.stratlas.exchange.web;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.exchange.Datasets;
import se.stratlas.exchange.ExchangePages;
import se.stratlas.exchange.Right;
import se.stratlas.exchange.RightsRegister;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * A data steward's datasets: registering and describing one, its schema, its files and
 * its rights (listing it: {@link ListingController}).
 */
@Controller
class DatasetController {

	private final Datasets datasets;

	private final RightsRegister rights;

	private final ExchangePages pages;

	private final MessageSource messages;

	DatasetController(Datasets datasets, RightsRegister rights, ExchangePages pages, MessageSource messages) {
		this.datasets = datasets;
		this.rights = rights;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@ModelAttribute("options")
	DatasetDraft.Options options() {
		return DatasetDraft.options();
	}

	@GetMapping("/exchange/datasets/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newDataset(Model model) {
		model.addAttribute("form", DatasetForm.empty());
		return "exchange/dataset-form";
	}

	@PostMapping("/exchange/datasets")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute DatasetForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Dataset created = this.datasets.create(user, form.draft(), form.basis());
			redirect.addFlashAttribute("flash", "exchange.dataset.created");
			return "redirect:/exchange/datasets/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("form", form);
			return "exchange/dataset-form";
		}
	}

	@GetMapping("/exchange/datasets/{id}")
	@PreAuthorize("hasRole('READER')")
	String dataset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("page", this.pages.dataset(user, id));
		return "exchange/dataset";
	}

	@GetMapping("/exchange/datasets/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Dataset dataset = this.datasets.own(user, id);
		model.addAttribute("dataset", dataset);
		model.addAttribute("form", DatasetForm.of(dataset));
		return "exchange/dataset-form";
	}

	@PostMapping("/exchange/datasets/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute DatasetForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.datasets.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/exchange/datasets/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			Dataset current = (Dataset) ex.current();
			model.addAttribute("theirs", current);
			form = form.withVersion(current.version());
		}
		model.addAttribute("dataset", this.datasets.own(user, id));
		model.addAttribute("form", form);
		return "exchange/dataset-form";
	}

	@PostMapping("/exchange/datasets/{id}/schema")
	@PreAuthorize("hasRole('STRATEGIST')")
	String schema(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "") String fields, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.datasets.schema(user, id, Datasets.parseSchema(fields));
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/exchange/datasets/" + id + "#schema";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("schemaText", fields);
			return page(user, id, model);
		}
	}

	@PostMapping("/exchange/datasets/{id}/files")
	@PreAuthorize("hasRole('STRATEGIST')")
	String upload(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam("file") MultipartFile file, Model model, Locale locale, RedirectAttributes redirect)
			throws IOException {
		try {
			this.datasets.upload(user, id, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("flash", "exchange.file.stored");
			return "redirect:/exchange/datasets/" + id + "#files";
		}
		catch (ImportRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("filename", file.getOriginalFilename());
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
		}
		return page(user, id, model);
	}

	@PostMapping("/exchange/datasets/{id}/rights")
	@PreAuthorize("hasRole('STRATEGIST')")
	String transfer(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute RightsRegister.Transfer transfer, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.rights.transfer(user, id, transfer);
			redirect.addFlashAttribute("flash", "exchange.rights.recorded");
			return "redirect:/exchange/datasets/" + id + "#rights";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("transfer", transfer);
			return page(user, id, model);
		}
	}

	private String page(StratlasPrincipal user, long id, Model model) {
		model.addAttribute("page", this.pages.dataset(user, id));
		return "exchange/dataset";
	}

}
