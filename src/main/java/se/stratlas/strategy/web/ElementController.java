package se.stratlas.strategy.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.strategy.web.StrategyForms.ElementForm;

/**
 * One element: its details, children, links and history; editing, moving and deleting it.
 */
@Controller
class ElementController {

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final se.stratlas.strategy.StrategyLevels levels;

	ElementController(StrategyCatalog catalog, StrategyManagement management, AuditTrail audit, MessageSource messages,
			se.stratlas.strategy.StrategyLevels levels) {
		this.levels = levels;
		this.catalog = catalog;
		this.management = management;
		this.audit = audit;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/elements/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		StrategyElement element = this.catalog.element(user.organisationId(), id);
		populate(user, element, ElementForm.of(element), model);
		return "strategy/element";
	}

	@PostMapping("/strategies/elements/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ElementForm form, Model model, Locale locale, RedirectAttributes redirect) {
		StrategyElement element = this.catalog.element(user.organisationId(), id);
		try {
			this.management.updateElement(user.organisationId(), id, form.version() == null ? -1 : form.version(),
					form.draft(), user.username());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/strategies/elements/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			populate(user, element, form, model);
			return "strategy/element";
		}
		catch (EditConflictException ex) {
			StrategyElement current = this.catalog.element(user.organisationId(), id);
			model.addAttribute("theirs", current);
			model.addAttribute("mine", form);
			populate(user, current, new ElementForm(form.type(), form.code(), form.nameSv(), form.nameEn(),
					form.descriptionSv(), form.descriptionEn(), form.aliases(), current.parentId(), current.version()),
					model);
			return "strategy/element";
		}
	}

	@GetMapping("/strategies/versions/{versionId}/elements/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newElement(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@RequestParam(required = false) Long parent, Model model) {
		StrategyElement parentElement = parent == null ? null : this.catalog.element(user.organisationId(), parent);
		java.util.Set<ElementType> used = this.levels
			.used(this.catalog.version(user.organisationId(), versionId).strategyId());
		ElementType suggested = ElementType.allowedChildren(parentElement == null ? null : parentElement.type())
			.stream()
			.filter(used::contains)
			.findFirst()
			.orElse(ElementType.OTHER);
		return newForm(user, versionId, parentElement,
				new ElementForm(suggested, null, null, null, null, null, null, parent, null), model);
	}

	@PostMapping("/strategies/versions/{versionId}/elements")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@ModelAttribute ElementForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			StrategyElement created = this.management.addElement(user.organisationId(), versionId, form.parentId(),
					form.draft(), user.username());
			redirect.addFlashAttribute("flash", "element.created");
			return "redirect:/strategies/elements/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			StrategyElement parent = form.parentId() == null ? null
					: this.catalog.element(user.organisationId(), form.parentId());
			return newForm(user, versionId, parent, form, model);
		}
	}

	private String newForm(StratlasPrincipal user, long versionId, StrategyElement parent, ElementForm form,
			Model model) {
		StrategyVersion version = this.catalog.version(user.organisationId(), versionId);
		Strategy strategy = this.catalog.ownStrategy(user.organisationId(), version.strategyId());
		model.addAttribute("strategy", strategy);
		model.addAttribute("version", version);
		model.addAttribute("parent", parent);
		model.addAttribute("form", form);
		java.util.Set<ElementType> used = this.levels.used(strategy.id());
		model.addAttribute("types",
				ElementType.allowedChildren(parent == null ? null : parent.type())
					.stream()
					.filter(used::contains)
					.toList());
		model.addAttribute("typeLabels", this.levels.labels(strategy.id(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale(), false));
		return "strategy/element-new";
	}

	@PostMapping("/strategies/elements/{id}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	String move(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) Integer position,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.moveElement(user.organisationId(), id, version, parentId,
					position == null ? null : position - 1, user.username());
			redirect.addFlashAttribute("flash", "element.moved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("moveErrors",
					java.util.Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/strategies/elements/" + id;
	}

	@PostMapping("/strategies/elements/{id}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		StrategyElement element = this.catalog.element(user.organisationId(), id);
		StrategyVersion strategyVersion = this.catalog.version(user.organisationId(), element.versionId());
		try {
			this.management.deleteElement(user.organisationId(), id, version, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/strategies/elements/" + id;
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("moveErrors",
					java.util.Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
			return "redirect:/strategies/elements/" + id;
		}
		redirect.addFlashAttribute("flash", "element.deleted");
		return "redirect:/strategies/" + strategyVersion.strategyId();
	}

	@PostMapping("/strategies/elements/{id}/gate")
	@PreAuthorize("hasRole('STRATEGIST')")
	String gate(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean gate, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.setFundingGate(user.organisationId(), id, gate, user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("moveErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/strategies/elements/" + id;
	}

	@PostMapping("/strategies/elements/{id}/links")
	@PreAuthorize("hasRole('STRATEGIST')")
	String link(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long targetStrategyId, @RequestParam(required = false) String targetCode,
			@RequestParam(required = false) RelationType relation, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		this.catalog.ownElement(user.organisationId(), id);
		try {
			if (targetStrategyId == null || targetCode == null || targetCode.isBlank()) {
				throw new ValidationException("targetCode", "link.target.required");
			}
			StrategyVersion latest = this.catalog.latestVersion(user.organisationId(), targetStrategyId);
			StrategyElement target = this.catalog.elements(user.organisationId(), latest.id())
				.stream()
				.filter(e -> e.code() != null && e.matches(targetCode)
						&& normalized(e.code()).equals(normalized(targetCode)))
				.findFirst()
				.orElseThrow(() -> new ValidationException("targetCode", "link.target.unknown", targetCode));
			this.management.link(user.organisationId(), id, target.id(), relation, note, user.username());
			redirect.addFlashAttribute("flash", "link.created");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("linkErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/strategies/elements/" + id;
	}

	@PostMapping("/strategies/elements/{id}/links/{linkId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unlink(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long linkId,
			RedirectAttributes redirect) {
		this.management.unlink(user.organisationId(), linkId, user.username());
		redirect.addFlashAttribute("flash", "link.deleted");
		return "redirect:/strategies/elements/" + id;
	}

	private static String normalized(String code) {
		return code.strip().replace(':', '.').toLowerCase(Locale.ROOT);
	}

	private void populate(StratlasPrincipal user, StrategyElement element, ElementForm form, Model model) {
		StrategyVersion version = this.catalog.version(user.organisationId(), element.versionId());
		Strategy strategy = this.catalog.strategy(user.organisationId(), version.strategyId());
		boolean editable = user.can(Role.STRATEGIST) && this.catalog.editable(user.organisationId(), strategy, version);
		List<StrategyElement> all = this.catalog.elements(user.organisationId(), version.id());
		model.addAttribute("element", element);
		model.addAttribute("strategy", strategy);
		model.addAttribute("version", version);
		model.addAttribute("ancestors", this.catalog.ancestors(element));
		model.addAttribute("children",
				all.stream()
					.filter(e -> Objects.equals(e.parentId(), element.id()))
					.sorted(java.util.Comparator.comparingInt(StrategyElement::sortOrder))
					.toList());
		model.addAttribute("links", this.catalog.links(user.organisationId(), element));
		model.addAttribute("history", this.audit.history("strategy-element", element.key()));
		model.addAttribute("form", form);
		model.addAttribute("canEdit", editable);
		// A strateg who cannot edit an adopted version is told where changes go.
		model.addAttribute("locked", user.can(Role.STRATEGIST) && StrategyCatalog.adopted(version));
		// The strategy's own levels, by its own names.
		java.util.Set<ElementType> used = this.levels.used(strategy.id());
		model.addAttribute("types", java.util.Arrays.stream(ElementType.values()).filter(used::contains).toList());
		model.addAttribute("childTypes",
				ElementType.allowedChildren(element.type()).stream().filter(used::contains).toList());
		model.addAttribute("typeLabels", this.levels.labels(strategy.id(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale(), false));
		model.addAttribute("moveTargets",
				all.stream()
					.filter(e -> !e.path().startsWith(element.path()) && element.type().allowedUnder(e.type()))
					.toList());
		model.addAttribute("canBeTop", element.type().allowedUnder(null));
		model.addAttribute("linkTargets",
				this.catalog.strategies(user.organisationId()).stream().filter(s -> s.id() != strategy.id()).toList());
		model.addAttribute("relations", RelationType.values());
		model.addAttribute("fundingGate",
				element.type() == ElementType.DIRECTION && this.catalog.directions(user.organisationId(), strategy.id())
					.stream()
					.anyMatch(d -> d.fundingGate() && d.element().key().equals(element.key())));
	}

}
