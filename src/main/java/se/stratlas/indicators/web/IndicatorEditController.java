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
import se.stratlas.audit.AuditTrail;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorPages;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyCatalog;

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

	private final IndicatorRegistry registry;

	private final IndicatorLinks links;

	private final IndicatorPages pages;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	private final MessageSource messages;

	IndicatorEditController(IndicatorRegistry registry, IndicatorLinks links, IndicatorPages pages,
			StrategyCatalog strategies, AuditTrail audit, MessageSource messages) {
		this.registry = registry;
		this.links = links;
		this.pages = pages;
		this.strategies = strategies;
		this.audit = audit;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@GetMapping("/indicators/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model, Locale locale) {
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		return page(user, indicator, EditForm.of(indicator, this.links.elementKeys(id)), model, locale);
	}

	@PostMapping("/indicators/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute EditForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		IndicatorDefinition indicator = this.registry.get(user.organisationId(), id);
		try {
			this.links.update(user.organisationId(), id, form.version() == null ? -1 : form.version(),
					form.draft(indicator.code()),
					form.elements() == null ? List.of() : form.elements().stream().filter(Objects::nonNull).toList(),
					user.username());
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return page(user, indicator, form, model, locale);
		}
		catch (EditConflictException ex) {
			IndicatorDefinition current = this.registry.get(user.organisationId(), id);
			model.addAttribute("conflict", true);
			return page(user, current, EditForm.of(current, this.links.elementKeys(id)), model, locale);
		}
		redirect.addFlashAttribute("flash", "form.saved");
		return "redirect:/indicators/" + id;
	}

	private String page(StratlasPrincipal user, IndicatorDefinition indicator, EditForm form, Model model,
			Locale locale) {
		model.addAttribute("indicator", indicator);
		model.addAttribute("form", form);
		model.addAttribute("polarities", Polarity.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("sources", Source.values());
		model.addAttribute("elementGroups", this.pages.elementChoices(user.organisationId(), locale));
		model.addAttribute("selectedElements",
				form.elements() == null ? List.of() : form.elements().stream().map(String::valueOf).toList());
		model.addAttribute("history", this.audit.history("indicator", indicator.id()));
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
		try {
			if (remove) {
				this.links.unlinkElement(user.organisationId(), indicatorId, element, user.username());
			}
			else {
				this.links.linkElement(user.organisationId(), indicatorId, element, user.username());
			}
			redirect.addFlashAttribute("flash", remove ? "indicator.unlinked" : "indicator.linked");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", "validation.unknown");
		}
		return this.strategies.latestElement(user.organisationId(), element)
			.map(e -> "redirect:/strategies/elements/" + e.id())
			.orElse("redirect:/indicators/" + indicatorId);
	}

}
