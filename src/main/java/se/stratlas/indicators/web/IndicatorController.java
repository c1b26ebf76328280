package se.stratlas.indicators.web;

import java.time.Year;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorPages.IndicatorPage;
import se.stratlas.indicators.IndicatorPages;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorTargets;
import se.stratlas.indicators.KoladaRefresh;
import se.stratlas.indicators.Target;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The indicator screens: the list, defining an indicator, one indicator's analytics, its
 * targets and its automatic refresh.
 */
@Controller
class IndicatorController {

	private final IndicatorRegistry registry;

	private final IndicatorPages pages;

	private final IndicatorTargets targets;

	private final KoladaRefresh refresh;

	private final MessageSource messages;

	IndicatorController(IndicatorRegistry registry, IndicatorPages pages, IndicatorTargets targets,
			KoladaRefresh refresh, MessageSource messages) {
		this.registry = registry;
		this.pages = pages;
		this.targets = targets;
		this.refresh = refresh;
		this.messages = messages;
	}

	record DefinitionForm(String code, String nameSv, String nameEn, String description, String unit, Integer decimals,
			Polarity polarity, Kind kind, Source source, String sourceRef, Boolean bySex, String numerator,
			String denominator, Double factor) {

		IndicatorDefinition.Draft draft() {
			return new IndicatorDefinition.Draft(this.code, this.nameSv, this.nameEn, this.description, this.unit,
					this.decimals == null ? 1 : this.decimals, this.polarity, this.kind, this.source, this.sourceRef,
					Boolean.TRUE.equals(this.bySex), this.numerator, this.denominator, this.factor);
		}

		static DefinitionForm empty() {
			return new DefinitionForm(null, null, null, null, null, 1, Polarity.HIGHER_IS_BETTER, Kind.RESULTAT,
					Source.OWN, null, false, null, null, null);
		}

	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@GetMapping("/indicators")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return list(user, DefinitionForm.empty(), model);
	}

	private String list(StratlasPrincipal user, DefinitionForm form, Model model) {
		model.addAttribute("indicators", this.registry.definitions(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("form", form);
		model.addAttribute("polarities", Polarity.values());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("sources", Source.values());
		return "indicators/list";
	}

	@PostMapping("/indicators")
	@PreAuthorize("hasRole('STRATEGIST')")
	String define(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute DefinitionForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			IndicatorDefinition created = this.registry.define(user.organisationId(), form.draft(), user.username());
			redirect.addFlashAttribute("flash", "indicator.created");
			return "redirect:/indicators/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return list(user, form, model);
		}
	}

	@GetMapping("/indicators/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String area, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(required = false) List<String> compare, @RequestParam(required = false) List<Long> group,
			Model model, Locale locale) {
		IndicatorPage page = this.pages.indicator(user.organisationId(), id, area, sex, compare, group, locale);
		model.addAttribute("groups", page.groups());
		model.addAttribute("indicator", page.indicator());
		model.addAttribute("area", page.area());
		model.addAttribute("sex", page.sex());
		model.addAttribute("series", page.series());
		model.addAttribute("periods", page.periods());
		model.addAttribute("chart", page.chart());
		model.addAttribute("values", page.values());
		model.addAttribute("incomplete", page.incomplete());
		model.addAttribute("latest", page.latest());
		model.addAttribute("ranking", page.ranking());
		model.addAttribute("rankingChart", page.rankingChart());
		model.addAttribute("targets", page.targets());
		model.addAttribute("genderGap", page.genderGap());
		model.addAttribute("areaOptions", page.areaOptions());
		model.addAttribute("compareBoxes", page.compareBoxes());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("comparators", Target.Comparator.values());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("thisYear", Year.now().getValue());
		model.addAttribute("subscribed", page.subscribed());
		return "indicators/indicator";
	}

	@PostMapping("/indicators/{id}/targets")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addTarget(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String areaCode, @RequestParam(defaultValue = "T") Sex sex,
			@RequestParam(required = false) Target.Comparator comparator, @RequestParam(required = false) Double value,
			@RequestParam(defaultValue = "false") boolean relative, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) String baseline, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.targets.addTarget(user.organisationId(), id, areaCode == null || areaCode.isBlank() ? null : areaCode,
					sex, comparator, value, relative, deadline, baseline, note, user.username());
			redirect.addFlashAttribute("flash", "target.created");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("targetErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/indicators/" + id;
	}

	@PostMapping("/indicators/{id}/refresh")
	@PreAuthorize("hasRole('STRATEGIST')")
	String subscribe(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean on, Locale locale, RedirectAttributes redirect) {
		try {
			this.refresh.subscribe(user.organisationId(), id, on);
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("targetErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/indicators/" + id;
	}

}
