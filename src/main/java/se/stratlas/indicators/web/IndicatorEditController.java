package se.stratlas.indicators.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorPages;
import se.stratlas.indicators.IndicatorPages.EditPage;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;

/**
 * Changing an indicator's definition (everything but its code) and which strategy
 * elements it measures: from the indicator's edit form, and one link at a time from an
 * element's page, which shows the element's indicators with their latest values.
 */
@Controller
class IndicatorEditController {

	/**
	 * The edit form: the definition without its code, the version it was based on, the
	 * links.
	 */
	record EditForm(Integer version, String nameSv, String nameEn, String description, String unit, Integer decimals,
			Polarity polarity, Kind kind, Source source, String sourceRef, Boolean bySex, String numerator,
			String denominator, Double factor, List<UUID> elements) {

		IndicatorDefinition.Draft draft(String code) {
			return new IndicatorDefinition.Draft(code, this.nameSv, this.nameEn, this.description, this.unit,
					this.decimals == null ? 1 : this.decimals, this.polarity, this.kind, this.source, this.sourceRef,
					Boolean.TRUE.equals(this.bySex), this.numerator, this.denominator, this.factor);
		}

		static EditForm of(IndicatorDefinition d, Set<UUID> elements) {
			return new EditForm(d.version(), d.nameSv(), d.nameEn(), d.description(), d.unit(), d.decimals(),
					d.polarity(), d.kind(), d.source(), d.sourceRef(), d.bySex(), d.numerator(), d.denominator(),
					d.factor(), List.copyOf(elements));
		}

	}

	private final IndicatorPages pages;

	private final MessageSource messages;

	IndicatorEditController(IndicatorPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@GetMapping("/indicators/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		EditPage page = this.pages.editPage(user.organisationId(), id, locale);
		return page(page, EditForm.of(page.indicator(), page.elementKeys()), model);
	}

	@PostMapping("/indicators/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute EditForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		Edit<EditPage, IndicatorDefinition> edit = this.pages.save(user.organisationId(), id,
				form.version() == null ? -1 : form.version(), form.draft(null),
				form.elements() == null ? List.of() : form.elements().stream().filter(Objects::nonNull).toList(),
				user.username(), locale);
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/indicators/" + id;
		}
		if (edit.invalid() != null) {
			model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
			return page(edit.page(), form, model);
		}
		model.addAttribute("conflict", true);
		return page(edit.page(), EditForm.of(edit.page().indicator(), edit.page().elementKeys()), model);
	}

	private static String page(EditPage page, EditForm form, Model model) {
		model.addAttribute("indicator", page.indicator());
		model.addAttribute("form", form);
		model.addAttribute("polarities", Polarity.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("sources", Source.values());
		model.addAttribute("elementGroups", page.elementGroups());
		model.addAttribute("selectedElements",
				form.elements() == null ? List.of() : form.elements().stream().map(String::valueOf).toList());
		model.addAttribute("history", page.history());
		return "indicators/edit";
	}

	/**
	 * The element's indicators, for its page (loaded there with htmx): latest values in
	 * the home area, and for a strateg, links to add and remove.
	 */
	@GetMapping("/indicators/linked")
	@PreAuthorize("hasRole('READER')")
	String linked(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam UUID element, Model model) {
		IndicatorPages.Linked linked = this.pages.linked(user.organisationId(), element);
		model.addAttribute("element", element);
		model.addAttribute("rows", linked.rows());
		model.addAttribute("direct", linked.direct());
		model.addAttribute("all", linked.all());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("homeArea", linked.homeArea());
		return "indicators/linked :: linked";
	}

	@PostMapping("/indicators/links")
	@PreAuthorize("hasRole('STRATEGIST')")
	String link(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam UUID element,
			@RequestParam long indicatorId, @RequestParam(defaultValue = "false") boolean remove,
			RedirectAttributes redirect, Locale locale) {
		IndicatorPages.LinkChange change = this.pages.changeLink(user.organisationId(), indicatorId, element, remove,
				user.username());
		if (change.done()) {
			redirect.addFlashAttribute("flash", remove ? "indicator.unlinked" : "indicator.linked");
		}
		else {
			redirect.addFlashAttribute("flashError", "validation.unknown");
		}
		return change.elementId() != null ? "redirect:/strategies/elements/" + change.elementId()
				: "redirect:/indicators/" + indicatorId;
	}

}
