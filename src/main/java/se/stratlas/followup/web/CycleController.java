package se.stratlas.followup.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Products;
import se.stratlas.followup.Section;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyVersion;

/**
 * The follow-up cycle screens: the list, a cycle with its milestones, state and progress
 * per unit, its template of sections with their assignments, and setting cycles up.
 */
@Controller
class CycleController {

	/** The cycle form. */
	record CycleForm(String name, CycleKind kind, String periodCode, Long strategyVersionId, LocalDate opensOn,
			LocalDate dueOn, LocalDate reviewDueOn, LocalDate publishOn, Cycles.Template template, Long copyFromId,
			List<Long> unitIds, Integer version) {

		Cycle.Draft draft() {
			return new Cycle.Draft(this.name, this.kind, this.periodCode, this.strategyVersionId, this.opensOn,
					this.dueOn, this.reviewDueOn, this.publishOn);
		}

		static CycleForm of(Cycle c) {
			return new CycleForm(c.name(), c.kind(), c.periodCode(), c.strategyVersionId(), c.opensOn(), c.dueOn(),
					c.reviewDueOn(), c.publishOn(), Cycles.Template.EMPTY, null, List.of(), c.version());
		}

	}

	/** The section form. */
	record SectionForm(String chapter, String title, String guidance, SectionKind kind, Perspective perspective,
			List<String> indicatorCodes) implements java.io.Serializable {

		Section.Draft draft(Section existing) {
			List<String> codes = this.indicatorCodes == null ? List.of()
					: this.indicatorCodes.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
			return new Section.Draft(this.chapter, this.title, this.guidance, this.kind, this.perspective,
					existing == null ? null : existing.elementKey(), codes);
		}

	}

	/** A strategy version to follow up, as the select shows it. */
	record VersionChoice(long id, String label) {
	}

	private final Cycles cycles;

	private final Products products;

	private final StrategyCatalog strategies;

	private final OrganisationUnits units;

	private final UserAccounts users;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final se.stratlas.indicators.IndicatorRegistry indicators;

	CycleController(Cycles cycles, Products products, StrategyCatalog strategies, OrganisationUnits units,
			UserAccounts users, AuditTrail audit, MessageSource messages,
			se.stratlas.indicators.IndicatorRegistry indicators) {
		this.indicators = indicators;
		this.cycles = cycles;
		this.products = products;
		this.strategies = strategies;
		this.units = units;
		this.users = users;
		this.audit = audit;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

	@GetMapping("/followup")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("cycles", this.cycles.list(user.organisationId()));
		model.addAttribute("canManage", user.can(Role.STRATEGIST));
		return "followup/list";
	}

	@GetMapping("/followup/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newCycle(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return form(user, new CycleForm(null, CycleKind.ANNUAL, String.valueOf(LocalDate.now().getYear() - 1), null,
				null, null, null, null, Cycles.Template.STRATEGY, null, List.of(), null), null, model);
	}

	@PostMapping("/followup")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute CycleForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Cycle cycle = this.cycles.create(user, form.draft(), form.template(), form.copyFromId(), form.unitIds());
			redirect.addFlashAttribute("flash", "cycle.created");
			return "redirect:/followup/" + cycle.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, null, model);
		}
	}

	@PostMapping("/followup/{id}/next")
	@PreAuthorize("hasRole('STRATEGIST')")
	String next(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
		Cycle cycle = this.cycles.createNext(user, id);
		redirect.addFlashAttribute("flash", "cycle.createdFromPrevious");
		return "redirect:/followup/" + cycle.id();
	}

	@GetMapping("/followup/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Cycle cycle = this.cycles.get(user.organisationId(), id);
		return form(user, CycleForm.of(cycle), cycle, model);
	}

	@PostMapping("/followup/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute CycleForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Cycle cycle = this.cycles.get(user.organisationId(), id);
		try {
			this.cycles.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, cycle, model);
		}
		catch (EditConflictException ex) {
			Cycle current = this.cycles.get(user.organisationId(), id);
			model.addAttribute("theirs", current);
			return form(user,
					new CycleForm(form.name(), form.kind(), form.periodCode(), form.strategyVersionId(), form.opensOn(),
							form.dueOn(), form.reviewDueOn(), form.publishOn(), null, null, null, current.version()),
					current, model);
		}
	}

	private String form(StratlasPrincipal user, CycleForm form, Cycle cycle, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("cycle", cycle);
		model.addAttribute("kinds", CycleKind.values());
		model.addAttribute("templates", Cycles.Template.values());
		model.addAttribute("versions", versions(user.organisationId()));
		model.addAttribute("previousCycles", this.cycles.list(user.organisationId()));
		model.addAttribute("units", this.units.list(user.organisationId()));
		return "followup/cycle-form";
	}

	private List<VersionChoice> versions(long organisationId) {
		List<VersionChoice> choices = new ArrayList<>();
		for (Strategy strategy : this.strategies.strategies(organisationId)) {
			if (strategy.organisationId() == null) {
				continue;
			}
			for (StrategyVersion version : this.strategies.versions(organisationId, strategy.id())) {
				choices.add(new VersionChoice(version.id(), strategy.nameSv() + " – " + version.label()));
			}
		}
		return choices;
	}

	@GetMapping("/followup/{id}")
	@PreAuthorize("hasRole('READER')")
	String cycle(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Cycle cycle = this.cycles.get(user.organisationId(), id);
		model.addAttribute("cycle", cycle);
		model.addAttribute("progress", this.cycles.progress(user.organisationId(), id, LocalDate.now()));
		model.addAttribute("progressKeys",
				List.of("contribution.state.not_started", "contribution.state.draft", "contribution.state.ready",
						"contribution.state.returned", "contribution.state.approved", "contribution.progress.late"));
		model.addAttribute("products", this.products.list(user.organisationId(), id));
		model.addAttribute("productKinds", ProductKind.values());
		model.addAttribute("canManage", user.can(Role.STRATEGIST));
		model.addAttribute("nextStates", cycle.state().next());
		model.addAttribute("previous", this.cycles.previous(user.organisationId(), cycle).orElse(null));
		model.addAttribute("history", this.audit.history("followup_cycle", id));
		if (cycle.strategyVersionId() != null) {
			model.addAttribute("strategyVersion",
					versions(user.organisationId()).stream()
						.filter(v -> v.id() == cycle.strategyVersionId())
						.findFirst()
						.map(VersionChoice::label)
						.orElse(null));
		}
		return "followup/cycle";
	}

	@PostMapping("/followup/{id}/state")
	@PreAuthorize("hasRole('STRATEGIST')")
	String state(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@RequestParam CycleState state, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.transition(user, id, version, state);
			redirect.addFlashAttribute("flash", "cycle.stateChanged");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors", Map.of("", message("conflict.reload", locale)));
		}
		return "redirect:/followup/" + id;
	}

	/**
	 * The template: sections by chapter, who answers each, and the forms to change them.
	 */
	@GetMapping("/followup/{id}/sections")
	@PreAuthorize("hasRole('READER')")
	String sections(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Cycle cycle = this.cycles.get(user.organisationId(), id);
		List<Section> sections = this.cycles.sections(user.organisationId(), id);
		Map<Long, List<Contribution>> bySection = new LinkedHashMap<>();
		for (Contribution c : this.cycles.contributions(user.organisationId(), id)) {
			bySection.computeIfAbsent(c.sectionId(), k -> new ArrayList<>()).add(c);
		}
		Map<String, List<Section>> chapters = new LinkedHashMap<>();
		sections.forEach(s -> chapters.computeIfAbsent(s.chapter(), k -> new ArrayList<>()).add(s));
		model.addAttribute("cycle", cycle);
		model.addAttribute("chapters", chapters);
		model.addAttribute("sections", sections);
		model.addAttribute("bySection", bySection);
		model.addAttribute("unitNames", this.units.names(user.organisationId()));
		model.addAttribute("userNames", userNames(user.organisationId()));
		model.addAttribute("units", this.units.list(user.organisationId()));
		// Who may be responsible: the people who write (rapportörer and strateger), by
		// unit,
		// so that a unit's own people come together; administrators and läsare are not
		// offered.
		Map<Long, String> unitNames = this.units.names(user.organisationId());
		Map<String, List<se.stratlas.accounts.UserAccount>> people = new java.util.TreeMap<>();
		for (se.stratlas.accounts.UserAccount account : this.users.list(user.organisationId())) {
			boolean writes = account.enabled()
					&& (account.roles().contains(Role.REPORTER) || account.roles().contains(Role.STRATEGIST));
			if (writes) {
				String unit = account.unitId() == null
						? this.messages.getMessage("assignment.noUnit", null,
								org.springframework.context.i18n.LocaleContextHolder.getLocale())
						: unitNames.getOrDefault(account.unitId(), "");
				people.computeIfAbsent(unit, k -> new ArrayList<>()).add(account);
			}
		}
		model.addAttribute("peopleByUnit", people);
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("indicatorChoices", this.indicators.definitions(user.organisationId()));
		model.addAttribute("perspectives", Perspective.values());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("canManage", user.can(Role.STRATEGIST) && cycle.state() != CycleState.CLOSED
				&& cycle.state() != CycleState.PUBLISHED);
		model.addAttribute("notStarted", ContributionState.NOT_STARTED);
		return "followup/sections";
	}

	private Map<Long, String> userNames(long organisationId) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.users.list(organisationId).forEach(u -> names.put(u.id(), u.displayName()));
		return names;
	}

	@PostMapping("/followup/{id}/sections")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute SectionForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.addSection(user, id, form.draft(null));
			redirect.addFlashAttribute("flash", "section.added");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("sectionErrors", FieldErrors.of(ex, this.messages, locale));
			redirect.addFlashAttribute("sectionForm", form);
		}
		return "redirect:/followup/" + id + "/sections#add-section";
	}

	@GetMapping("/followup/{id}/sections/{sectionId}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String editSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, Model model) {
		Cycle cycle = this.cycles.get(user.organisationId(), id);
		Section section = section(user, id, sectionId);
		model.addAttribute("cycle", cycle);
		model.addAttribute("section", section);
		model.addAttribute("form", new SectionForm(section.chapter(), section.title(), section.guidance(),
				section.kind(), section.perspective(), section.indicatorCodes()));
		model.addAttribute("indicatorChoices", this.indicators.definitions(user.organisationId()));
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("perspectives", Perspective.values());
		return "followup/section-form";
	}

	private Section section(StratlasPrincipal user, long cycleId, long sectionId) {
		return this.cycles.sections(user.organisationId(), cycleId)
			.stream()
			.filter(s -> s.id() == sectionId)
			.findFirst()
			.orElseThrow(() -> new se.stratlas.shared.NotFoundException("section", sectionId));
	}

	@PostMapping("/followup/{id}/sections/{sectionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String updateSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @ModelAttribute SectionForm form, Model model, Locale locale,
			RedirectAttributes redirect) {
		Section section = section(user, id, sectionId);
		try {
			this.cycles.updateSection(user, id, sectionId, form.draft(section));
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/" + id + "/sections";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("cycle", this.cycles.get(user.organisationId(), id));
			model.addAttribute("section", section);
			model.addAttribute("form", form);
			model.addAttribute("indicatorChoices", this.indicators.definitions(user.organisationId()));
			model.addAttribute("sectionKinds", SectionKind.values());
			model.addAttribute("perspectives", Perspective.values());
			return "followup/section-form";
		}
	}

	@PostMapping("/followup/{id}/sections/{sectionId}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	String moveSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @RequestParam(defaultValue = "up") String direction, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.cycles.moveSection(user, id, sectionId, "up".equals(direction));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

	@PostMapping("/followup/{id}/sections/{sectionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String deleteSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.deleteSection(user, id, sectionId);
			redirect.addFlashAttribute("flash", "section.deleted");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

	@PostMapping("/followup/{id}/assignments")
	@PreAuthorize("hasRole('STRATEGIST')")
	String assign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) List<Long> sectionIds, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long responsibleUserId, @RequestParam(required = false) LocalDate dueOn,
			Locale locale, RedirectAttributes redirect) {
		this.cycles.get(user.organisationId(), id);
		try {
			if (unitId == null) {
				throw new ValidationException("unitId", "validation.required");
			}
			int count = this.cycles.assign(user, id,
					sectionIds == null ? null : sectionIds.stream().filter(java.util.Objects::nonNull).toList(), unitId,
					responsibleUserId, dueOn);
			redirect.addFlashAttribute("flash", "assignment.saved");
			redirect.addFlashAttribute("assignedCount", count);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("assignErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections#assign";
	}

	@PostMapping("/followup/{id}/assignments/{contributionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unassign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long contributionId, Locale locale, RedirectAttributes redirect) {
		try {
			this.cycles.unassign(user, id, contributionId);
			redirect.addFlashAttribute("flash", "assignment.deleted");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** Units as the selects show them, indented by depth. */
	static String label(OrganisationUnit unit) {
		return "– ".repeat(unit.depth()) + unit.name();
	}

}
