package se.stratlas.initiatives.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.shared.tables.Downloads;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Partnership;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeFilter;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Table;
import se.stratlas.strategy.Strategy;

/**
 * The initiative screens: search and filters, one initiative with all its parts, and
 * editing them.
 */
@Controller
class InitiativeController {

	private final InitiativeCatalog catalog;

	private final InitiativeManagement management;

	private final StrategyChoices choices;

	private final ActorRegistry actors;

	private final OrganisationUnits units;

	private final Areas areas;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final se.stratlas.accounts.Organisations organisations;

	InitiativeController(InitiativeCatalog catalog, InitiativeManagement management, StrategyChoices choices,
			ActorRegistry actors, OrganisationUnits units, Areas areas, AuditTrail audit, MessageSource messages,
			se.stratlas.accounts.Organisations organisations) {
		this.organisations = organisations;
		this.catalog = catalog;
		this.management = management;
		this.choices = choices;
		this.actors = actors;
		this.units = units;
		this.areas = areas;
		this.audit = audit;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/initiatives")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute FilterForm filter, Model model) {
		List<Initiative> initiatives = this.catalog.find(user.organisationId(), filter.filter());
		model.addAttribute("initiatives", initiatives);
		model.addAttribute("filter", filter);
		model.addAttribute("canCreate", user.can(Role.REPORTER));
		this.choices.filters(user.organisationId(), model);
		return "initiatives/list";
	}

	@GetMapping("/initiatives/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute FilterForm filter,
			@RequestParam(defaultValue = "xlsx") String format, Locale locale) {
		List<InitiativeDetails> details = this.catalog.details(user.organisationId(),
				this.catalog.find(user.organisationId(), filter.filter()));
		Map<Long, String> unitNames = this.units.names(user.organisationId());
		Table table = new Table(
				message("initiatives.title", locale), List.of("id", "namn", "akronym", "typ", "status", "startdatum",
						"slutdatum", "enhet", "kommuner", "primärt bidrag", "budget_sek", "medfinansieringsandel"),
				details.stream().map(d -> {
					Initiative i = d.initiative();
					var primary = d.primaryContribution();
					return List.<Object>of(i.id(), i.name(), nz(i.acronym()), message(i.type().messageKey(), locale),
							message(i.status().messageKey(), locale), nz(i.startDate()), nz(i.endDate()),
							i.ownerUnitId() == null ? "" : unitNames.getOrDefault(i.ownerUnitId(), ""),
							String.join(", ", i.areaCodes().stream().map(this.areas::name).toList()),
							primary == null || primary.label() == null ? ""
									: primary.strategyCode() + " " + primary.label(),
							d.totalFunding(), Math.round(d.coFinancingShare() * 1000) / 1000.0);
				}).toList());
		return Downloads.table(table, format, "insatser");
	}

	private static Object nz(Object value) {
		return value == null ? "" : value;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	@GetMapping("/initiatives/new")
	@PreAuthorize("hasRole('REPORTER')")
	String newInitiative(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return form(user, InitiativeForm.empty(user.unitId()), null, model);
	}

	@PostMapping("/initiatives")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute InitiativeForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Initiative created = this.management.create(user, form.draft());
			redirect.addFlashAttribute("flash", "initiative.created");
			return "redirect:/initiatives/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, null, model);
		}
	}

	private String form(StratlasPrincipal user, InitiativeForm form, Initiative initiative, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("initiative", initiative);
		model.addAttribute("types", InitiativeType.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("units", this.units.list(user.organisationId()));
		// The home county's municipalities first, then the others.
		String county = this.organisations.homeCounty(user.organisationId());
		java.util.Map<String, java.util.List<se.stratlas.areas.Area>> municipalities = new java.util.LinkedHashMap<>();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		if (county != null) {
			municipalities.put(this.areas.name(county), this.areas.municipalitiesOf(county));
		}
		municipalities.put(message(county == null ? "area.municipalities" : "area.otherMunicipalities", locale),
				this.areas.municipalities().stream().filter(a -> !a.parentCode().equals(county)).toList());
		model.addAttribute("municipalityGroups", municipalities);
		model.addAttribute("others",
				this.catalog.find(user.organisationId(), InitiativeFilter.none())
					.stream()
					.filter(i -> initiative == null || i.id() != initiative.id())
					.toList());
		return "initiatives/form";
	}

	@GetMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long strategy, Model model) {
		populate(user, id, strategy, model);
		return "initiatives/initiative";
	}

	private void populate(StratlasPrincipal user, long id, Long strategyId, Model model) {
		InitiativeDetails details = this.catalog.details(user.organisationId(), id);
		Strategy assessing = this.choices.assessing(user.organisationId(), strategyId);
		model.addAttribute("details", details);
		model.addAttribute("initiative", details.initiative());
		model.addAttribute("canEdit", this.management.mayEdit(user, details.initiative()));
		model.addAttribute("assessing", assessing);
		model.addAttribute("ownStrategies", this.choices.own(user.organisationId()));
		model.addAttribute("directions", assessing == null ? List.of()
				: this.choices.catalog().directions(user.organisationId(), assessing.id()));
		model.addAttribute("scale",
				assessing == null ? List.of() : this.choices.catalog().assessmentScale(assessing.id()));
		model.addAttribute("levelNames",
				assessing == null ? java.util.Map.of()
						: this.choices.catalog()
							.assessmentScale(assessing.id())
							.stream()
							.collect(Collectors.toMap(l -> l.code(), l -> l.nameSv())));
		model.addAttribute("assessmentByDirection",
				details.assessments().stream().collect(Collectors.toMap(a -> a.directionKey(), a -> a, (a, b) -> a)));
		model.addAttribute("targets", this.choices.contributionTargets(user.organisationId()));
		model.addAttribute("actors", this.actors.actors(user.organisationId()));
		model.addAttribute("roles", Partnership.Role.values());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("areaNames", details.initiative().areaCodes().stream().map(this.areas::name).toList());
		model.addAttribute("unitName", details.initiative().ownerUnitId() == null ? null
				: this.units.names(user.organisationId()).get(details.initiative().ownerUnitId()));
		model.addAttribute("predecessor", details.initiative().predecessorId() == null ? null
				: this.catalog.get(user.organisationId(), details.initiative().predecessorId()));
		model.addAttribute("successors",
				this.catalog.find(user.organisationId(), InitiativeFilter.none())
					.stream()
					.filter(i -> Long.valueOf(id).equals(i.predecessorId()))
					.toList());
		model.addAttribute("history", this.audit.history("initiative", id));
	}

	@GetMapping("/initiatives/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Initiative initiative = this.catalog.get(user.organisationId(), id);
		return form(user, InitiativeForm.of(initiative), initiative, model);
	}

	@PostMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute InitiativeForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Initiative initiative = this.catalog.get(user.organisationId(), id);
		try {
			this.management.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/initiatives/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, initiative, model);
		}
		catch (EditConflictException ex) {
			Initiative current = (Initiative) ex.current();
			model.addAttribute("theirs", current);
			return form(user,
					new InitiativeForm(form.name(), form.acronym(), form.type(), form.status(), form.description(),
							form.purpose(), form.targetGroup(), form.outputs(), form.outcomes(), form.expectedEffects(),
							form.startDate(), form.endDate(), form.ownerUnitId(), form.predecessorId(),
							form.areaCodes(), form.links(), current.version()),
					current, model);
		}
	}

	@PostMapping("/initiatives/{id}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		this.management.delete(user, id, version);
		redirect.addFlashAttribute("flash", "initiative.deleted");
		return "redirect:/initiatives";
	}

	@PostMapping("/initiatives/{id}/funding")
	@PreAuthorize("hasRole('REPORTER')")
	String addFunding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) FundingSource source, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) BigDecimal amountSek, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.addFunding(user, id, source, year, amountSek, note));
	}

	@PostMapping("/initiatives/{id}/funding/{fundingId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeFunding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long fundingId, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.removeFunding(user, id, fundingId));
	}

	@PostMapping("/initiatives/{id}/participants")
	@PreAuthorize("hasRole('REPORTER')")
	String addParticipant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long actorId, @RequestParam(required = false) Partnership.Role role,
			Locale locale, RedirectAttributes redirect) {
		this.catalog.details(user.organisationId(), id);
		return part(id, locale, redirect, () -> {
			if (actorId == null) {
				throw new ValidationException("actorId", "validation.required");
			}
			this.management.addParticipant(user, id, actorId, role);
		});
	}

	@PostMapping("/initiatives/{id}/participants/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeParticipant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam long actorId, @RequestParam Partnership.Role role, Locale locale,
			RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.removeParticipant(user, id, actorId, role));
	}

	@PostMapping("/initiatives/{id}/contributions")
	@PreAuthorize("hasRole('REPORTER')")
	String contribute(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) UUID elementKey, @RequestParam(defaultValue = "false") boolean primary,
			@RequestParam(required = false) String motivation, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.contribute(user, id, elementKey, primary, motivation));
	}

	@PostMapping("/initiatives/{id}/contributions/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeContribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam UUID elementKey, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.removeContribution(user, id, elementKey));
	}

	@PostMapping("/initiatives/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	String assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam long strategyId,
			@ModelAttribute AssessmentForm form, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.assess(user, id, strategyId, form.draft()));
	}

	@PostMapping("/initiatives/{id}/sdg")
	@PreAuthorize("hasRole('REPORTER')")
	String addSdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) String sdgCode, @RequestParam(defaultValue = "true") boolean direct,
			@RequestParam(defaultValue = "true") boolean positive, @RequestParam(required = false) String note,
			@RequestParam(required = false) String goalConflict, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect,
				() -> this.management.addSdgEffect(user, id, sdgCode, direct, positive, note, goalConflict));
	}

	@PostMapping("/initiatives/{id}/sdg/{effectId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String removeSdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long effectId, Locale locale, RedirectAttributes redirect) {
		return part(id, locale, redirect, () -> this.management.removeSdgEffect(user, id, effectId));
	}

	private String part(long id, Locale locale, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("partErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/initiatives/" + id;
	}

	/** The filters of the initiative list and the portfolio. */
	record FilterForm(String q, Status status, InitiativeType type, UUID element, String area, FundingSource source,
			Integer year) {

		InitiativeFilter filter() {
			return new InitiativeFilter(this.q, this.status, this.type, this.element,
					this.area == null || this.area.isBlank() ? null : this.area, this.source, this.year);
		}

	}

	/** An assessment as the form sends it. */
	record AssessmentForm(UUID directionKey, String levelCode, String actorNote, String targetGroupNote,
			String geographyNote, String narrative) {

		AssessmentDraft draft() {
			return new AssessmentDraft(this.directionKey, this.levelCode, this.actorNote, this.targetGroupNote,
					this.geographyNote, this.narrative);
		}

	}

}
