package se.stratlas.strategy.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyDocument;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyTransfer;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.strategy.web.StrategyForms.StrategyForm;
import se.stratlas.strategy.web.StrategyForms.VersionForm;

/**
 * The strategy screens: list, tree with search, versions and comparison, import and
 * export.
 */
@Controller
class StrategyController {

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	private final StrategyTransfer transfer;

	private final MessageSource messages;

	private final JsonMapper json;

	private final se.stratlas.strategy.StrategyLevels levels;

	StrategyController(StrategyCatalog catalog, StrategyManagement management, StrategyTransfer transfer,
			MessageSource messages, JsonMapper json, se.stratlas.strategy.StrategyLevels levels) {
		this.levels = levels;
		this.catalog = catalog;
		this.management = management;
		this.transfer = transfer;
		this.messages = messages;
		this.json = json;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("strategies", this.catalog.strategies(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		model.addAttribute("ownOrganisation", user.organisationId());
		model.addAttribute("publicView", false);
		return "strategy/list";
	}

	@GetMapping("/public/strategies")
	@PreAuthorize("permitAll()")
	String publicList(Model model) {
		model.addAttribute("strategies", this.catalog.strategies(null));
		model.addAttribute("canEdit", false);
		model.addAttribute("publicView", true);
		return "strategy/list";
	}

	@GetMapping("/strategies/new")
	@PreAuthorize("hasRole('STRATEGIST')")
	String newStrategy(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return strategyForm(user, StrategyForm.empty(), null, model);
	}

	@PostMapping("/strategies")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute StrategyForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Strategy created = this.management.createStrategy(user.organisationId(), form.draft(), null, null,
					user.username());
			redirect.addFlashAttribute("flash", "strategy.created");
			return "redirect:/strategies/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return strategyForm(user, form, null, model);
		}
	}

	@GetMapping("/strategies/{id}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Strategy strategy = this.catalog.ownStrategy(user.organisationId(), id);
		return strategyForm(user, StrategyForm.of(strategy), strategy, model);
	}

	@PostMapping("/strategies/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute StrategyForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Strategy strategy = this.catalog.ownStrategy(user.organisationId(), id);
		try {
			this.management.updateStrategy(user.organisationId(), id, form.version() == null ? -1 : form.version(),
					form.draft(), user.username());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/strategies/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return strategyForm(user, form, strategy, model);
		}
		catch (EditConflictException ex) {
			Strategy current = (Strategy) ex.current();
			model.addAttribute("theirs", current);
			return strategyForm(user,
					new StrategyForm(form.code(), form.nameSv(), form.nameEn(), form.descriptionSv(),
							form.descriptionEn(), form.periodStart(), form.periodEnd(), form.derivedFromId(),
							form.published(), current.version()),
					current, model);
		}
	}

	@PostMapping("/strategies/{id}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.management.deleteStrategy(user.organisationId(), id, version, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("flashError", ex.violations().getFirst().messageKey());
			return "redirect:/strategies/" + id;
		}
		redirect.addFlashAttribute("flash", "strategy.deleted");
		return "redirect:/strategies";
	}

	private String strategyForm(StratlasPrincipal user, StrategyForm form, Strategy strategy, Model model) {
		if (strategy != null) {
			LevelController.levelRows(this.levels, strategy.id(), model);
		}
		model.addAttribute("form", form);
		model.addAttribute("strategy", strategy);
		model.addAttribute("candidates",
				this.catalog.derivationCandidates(user.organisationId(), strategy == null ? null : strategy.id()));
		return "strategy/strategy-form";
	}

	@GetMapping("/strategies/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String q,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		populateTree(user.organisationId(), id, version, q, model, locale);
		model.addAttribute("canEdit", user.can(Role.STRATEGIST) && this.catalog.editable(user.organisationId(),
				(Strategy) model.getAttribute("strategy"), (StrategyVersion) model.getAttribute("version")));
		model.addAttribute("publicView", false);
		return htmx != null ? "strategy/view :: tree" : "strategy/view";
	}

	@GetMapping("/public/strategies/{id}")
	@PreAuthorize("permitAll()")
	String publicView(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		populateTree(null, id, version, q, model, locale);
		model.addAttribute("canEdit", false);
		model.addAttribute("publicView", true);
		return htmx != null ? "strategy/view :: tree" : "strategy/view";
	}

	private void populateTree(Long organisationId, long id, Long versionId, String q, Model model, Locale locale) {
		Strategy strategy = this.catalog.strategy(organisationId, id);
		StrategyVersion version = versionId == null ? this.catalog.latestVersion(organisationId, id)
				: this.catalog.version(organisationId, versionId);
		if (version.strategyId() != id) {
			throw new se.stratlas.shared.NotFoundException("version", versionId);
		}
		List<StrategyElement> elements = this.catalog.elements(organisationId, version.id());
		model.addAttribute("strategy", strategy);
		model.addAttribute("version", version);
		model.addAttribute("versions", this.catalog.versions(organisationId, id));
		model.addAttribute("latest", this.catalog.latestVersion(organisationId, id).id() == version.id());
		model.addAttribute("tree", StrategyCatalog.tree(elements));
		model.addAttribute("search", StrategyCatalog.search(elements, q));
		model.addAttribute("elementCount", elements.size());
		model.addAttribute("typeLabels", this.levels.labels(strategy.id(), locale, false));
		model.addAttribute("typePlurals", this.levels.labels(strategy.id(), locale, true));
		model.addAttribute("typeCounts",
				elements.stream()
					.collect(java.util.stream.Collectors.groupingBy(StrategyElement::type,
							() -> new java.util.EnumMap<>(ElementType.class), java.util.stream.Collectors.counting())));
		if (strategy.derivedFromId() != null) {
			try {
				model.addAttribute("derivedFrom", this.catalog.strategy(organisationId, strategy.derivedFromId()));
			}
			catch (se.stratlas.shared.NotFoundException ex) {
				model.addAttribute("derivedFrom", null);
			}
		}
	}

	@GetMapping("/strategies/{id}/versions")
	@PreAuthorize("hasRole('READER')")
	String versions(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Strategy strategy = this.catalog.strategy(user.organisationId(), id);
		List<StrategyVersion> versions = this.catalog.versions(user.organisationId(), id);
		model.addAttribute("strategy", strategy);
		model.addAttribute("versions", versions);
		model.addAttribute("statuses", StrategyStatus.values());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST)
				&& this.catalog.editable(user.organisationId(), strategy, versions.getFirst()));
		return "strategy/versions";
	}

	@PostMapping("/strategies/{id}/versions")
	@PreAuthorize("hasRole('STRATEGIST')")
	String createVersion(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam String label, @RequestParam(required = false) StrategyStatus status, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.management.createVersion(user.organisationId(), id, label, status, user.username());
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("versionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/strategies/" + id + "/versions";
		}
		redirect.addFlashAttribute("flash", "version.created");
		return "redirect:/strategies/" + id;
	}

	@PostMapping("/strategies/{id}/versions/{versionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long versionId,
			@ModelAttribute VersionForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.management.decide(user.organisationId(), versionId, form.version() == null ? -1 : form.version(),
					form.label(), form.status(), form.decisionBody(), form.decisionDate(), form.decisionNote(),
					user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("decisionErrors", FieldErrors.of(ex, this.messages, locale));
			redirect.addFlashAttribute("decisionVersion", versionId);
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("decisionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
			redirect.addFlashAttribute("decisionVersion", versionId);
		}
		return "redirect:/strategies/" + id + "/versions";
	}

	@GetMapping("/strategies/{id}/compare")
	@PreAuthorize("hasRole('READER')")
	String compare(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam long from,
			@RequestParam long to, Model model) {
		Strategy strategy = this.catalog.strategy(user.organisationId(), id);
		StrategyVersion fromVersion = this.catalog.version(user.organisationId(), from);
		StrategyVersion toVersion = this.catalog.version(user.organisationId(), to);
		if (fromVersion.strategyId() != id || toVersion.strategyId() != id) {
			throw new se.stratlas.shared.NotFoundException("version", from);
		}
		model.addAttribute("strategy", strategy);
		model.addAttribute("from", fromVersion);
		model.addAttribute("to", toVersion);
		model.addAttribute("differences", this.catalog.compare(user.organisationId(), from, to));
		return "strategy/compare";
	}

	@GetMapping("/strategies/{id}/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		StrategyDocument document = this.transfer.export(user.organisationId(), id);
		byte[] body = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.strategy().code() + ".json").build().toString())
			.body(body);
	}

	@GetMapping("/strategies/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importForm() {
		return "strategy/import";
	}

	@PostMapping("/strategies/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importStrategy(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model, Locale locale, RedirectAttributes redirect) {
		StrategyDocument document;
		try {
			if (file.isEmpty()) {
				throw new ValidationException("file", "import.empty");
			}
			try {
				document = this.json.readValue(file.getBytes(), StrategyDocument.class);
			}
			catch (JacksonException | IOException ex) {
				throw new ValidationException("file", "import.unreadable", Texts.firstLine(ex));
			}
			StrategyTransfer.ImportResult result = this.transfer.importDocument(user.organisationId(), document,
					user.username());
			redirect.addFlashAttribute("importResult", result);
			redirect.addFlashAttribute("flash", "import.done");
			return "redirect:/strategies/" + result.strategy().id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return "strategy/import";
		}
	}

}
