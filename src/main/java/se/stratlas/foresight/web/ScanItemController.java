package se.stratlas.foresight.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Recording, changing and deleting scanned items (the list: {@link ForesightController}).
 */
@Controller
class ScanItemController {

	/** The item form. */
	record ItemForm(ScanItem.Kind kind, String title, String description, ScanItem.Scope scope, LocalDate occurredOn,
			String sourceUrl, ScanItem.Effect effect, Integer strength, ScanItem.Horizon horizon, String tags,
			List<UUID> elementKeys, Integer version) {

		ScanItem.Draft draft() {
			List<String> tagList = this.tags == null ? List.of()
					: Arrays.stream(this.tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
			return new ScanItem.Draft(this.kind, this.title, this.description, this.scope, this.occurredOn,
					this.sourceUrl, this.effect, this.strength, this.horizon, tagList, this.elementKeys);
		}

		ItemForm withVersion(int version) {
			return new ItemForm(this.kind, this.title, this.description, this.scope, this.occurredOn, this.sourceUrl,
					this.effect, this.strength, this.horizon, this.tags, this.elementKeys, version);
		}

		static ItemForm of(ScanItem i) {
			return new ItemForm(i.kind(), i.title(), i.description(), i.scope(), i.occurredOn(), i.sourceUrl(),
					i.effect(), i.strength(), i.horizon(), String.join(", ", i.tags()), i.elementKeys(), i.version());
		}

		static ItemForm empty() {
			return new ItemForm(ScanItem.Kind.TREND, null, null, ScanItem.Scope.REGIONAL, LocalDate.now(), null,
					ScanItem.Effect.NEUTRAL, 3, ScanItem.Horizon.MEDEL, null, List.of(), null);
		}

	}

	private final Scanning scanning;

	private final ForesightPages pages;

	private final MessageSource messages;

	ScanItemController(Scanning scanning, ForesightPages pages, MessageSource messages) {
		this.scanning = scanning;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/items/new")
	@PreAuthorize("hasRole('REPORTER')")
	String newItem(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return form(this.pages.scanItemForm(user.organisationId(), null), ItemForm.empty(), model);
	}

	private static String form(ForesightPages.ScanItemForm page, ItemForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("item", page.item());
		model.addAttribute("choices", page.choices());
		model.addAttribute("kinds", ScanItem.Kind.values());
		model.addAttribute("scopes", ScanItem.Scope.values());
		model.addAttribute("effects", ScanItem.Effect.values());
		model.addAttribute("horizons", ScanItem.Horizon.values());
		return "foresight/item-form";
	}

	@PostMapping("/foresight/items")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute ItemForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.scanning.create(user, form.draft());
			redirect.addFlashAttribute("flash", "scan.saved");
			return "redirect:/foresight";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(this.pages.scanItemForm(user.organisationId(), null), form, model);
		}
	}

	@GetMapping("/foresight/items/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ForesightPages.ScanItemForm page = this.pages.scanItemForm(user.organisationId(), id);
		return form(page, ItemForm.of(page.item()), model);
	}

	@PostMapping("/foresight/items/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute ItemForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		Edit<ForesightPages.ScanItemForm, ScanItem> edit = this.pages.updateScanItem(user, id,
				form.version() == null ? -1 : form.version(), form.draft());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "scan.saved");
			return "redirect:/foresight";
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			return form(edit.page(), form, model);
		}
		model.addAttribute("theirs", edit.theirs());
		return form(edit.page(), form.withVersion(edit.theirs().version()), model);
	}

	@PostMapping("/foresight/items/{id}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.scanning.delete(user, id, version);
			redirect.addFlashAttribute("flash", "scan.deleted");
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("flash", "conflict.reload");
		}
		return "redirect:/foresight";
	}

}
