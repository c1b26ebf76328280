package se.stratlas.foresight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.Table;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * Environmental scanning: the list with filters, a timeline and a radar, recording and
 * changing items, export.
 */
@Controller
class ForesightController {

	/** A strategy element an item can be linked to, as the select shows it. */
	record ElementChoice(UUID key, String label) {
	}

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

	private final StrategyCatalog strategies;

	private final MessageSource messages;

	/** A label as the export's reader (in Swedish) reads it. */
	private String label(String key) {
		return this.messages.getMessage(key, null, key, java.util.Locale.forLanguageTag("sv"));
	}

	ForesightController(Scanning scanning, StrategyCatalog strategies, MessageSource messages) {
		this.scanning = scanning;
		this.strategies = strategies;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	/** The organisation's priorities, sub-priorities, focus areas and directions. */
	static List<ElementChoice> choices(StrategyCatalog strategies, long organisationId) {
		List<ElementChoice> choices = new ArrayList<>();
		for (Strategy strategy : strategies.strategies(organisationId)) {
			if (strategy.organisationId() == null) {
				continue;
			}
			long version = strategies.latestVersion(organisationId, strategy.id()).id();
			for (StrategyElement e : strategies.elements(organisationId, version)) {
				if (e.type() == ElementType.PRIORITY || e.type() == ElementType.SUB_PRIORITY
						|| e.type() == ElementType.FOCUS_AREA || e.type() == ElementType.DIRECTION) {
					choices.add(new ElementChoice(e.key(),
							strategy.code() + " " + (e.code() == null ? "" : e.code() + " ") + e.nameSv()));
				}
			}
		}
		return choices;
	}

	static Map<UUID, String> labels(List<ElementChoice> choices) {
		Map<UUID, String> labels = new LinkedHashMap<>();
		choices.forEach(c -> labels.put(c.key(), c.label()));
		return labels;
	}

	@GetMapping("/foresight")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ScanItem.Kind kind, @RequestParam(required = false) ScanItem.Scope scope,
			@RequestParam(required = false) ScanItem.Effect effect, @RequestParam(required = false) UUID element,
			@RequestParam(defaultValue = "list") String view, Model model) {
		List<ScanItem> items = this.scanning.list(user.organisationId(),
				new Scanning.Filter(q, kind, scope, effect, element));
		List<ElementChoice> choices = choices(this.strategies, user.organisationId());
		model.addAttribute("items", items);
		model.addAttribute("choices", choices);
		model.addAttribute("labels", labels(choices));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("scope", scope);
		model.addAttribute("effect", effect);
		model.addAttribute("element", element);
		model.addAttribute("view", view);
		model.addAttribute("kinds", ScanItem.Kind.values());
		model.addAttribute("scopes", ScanItem.Scope.values());
		model.addAttribute("effects", ScanItem.Effect.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		Map<Integer, List<ScanItem>> byYear = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		items.stream()
			.filter(i -> i.occurredOn() != null)
			.forEach(i -> byYear.computeIfAbsent(i.occurredOn().getYear(), k -> new ArrayList<>()).add(i));
		model.addAttribute("timeline", byYear);
		model.addAttribute("radar", Radar.svg(items, kindLabels(Locale.forLanguageTag("sv"))));
		return "foresight/items";
	}

	private Map<ScanItem.Kind, String> kindLabels(Locale locale) {
		Map<ScanItem.Kind, String> labels = new EnumMap<>(ScanItem.Kind.class);
		for (ScanItem.Kind kind : ScanItem.Kind.values()) {
			labels.put(kind, this.messages.getMessage(kind.messageKey(), null, kind.name(), locale));
		}
		return labels;
	}

	@GetMapping("/foresight/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		Map<UUID, String> labels = labels(choices(this.strategies, user.organisationId()));
		List<List<Object>> rows = new ArrayList<>();
		for (ScanItem i : this.scanning.list(user.organisationId(), Scanning.Filter.none())) {
			rows.add(List.of(i.title(), label(i.kind().messageKey()), label(i.scope().messageKey()),
					i.occurredOn() == null ? "" : i.occurredOn(), label(i.effect().messageKey()), i.strength(),
					label(i.horizon().messageKey()), String.join(", ", i.tags()),
					String.join("; ", i.elementKeys().stream().map(k -> labels.getOrDefault(k, k.toString())).toList()),
					i.sourceUrl() == null ? "" : i.sourceUrl(), i.description() == null ? "" : i.description()));
		}
		return Downloads.table(
				new Table("omvärldsbevakning", List.of("rubrik", "slag", "räckvidd", "datum", "effekt", "styrka",
						"tidshorisont", "taggar", "strategielement", "källa", "beskrivning"), rows),
				format, "omvarldsbevakning");
	}

	@GetMapping("/foresight/items/new")
	@PreAuthorize("hasRole('REPORTER')")
	String newItem(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		return form(user, ItemForm.empty(), null, model);
	}

	private String form(StratlasPrincipal user, ItemForm form, ScanItem item, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("item", item);
		model.addAttribute("choices", choices(this.strategies, user.organisationId()));
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
			return form(user, form, null, model);
		}
	}

	@GetMapping("/foresight/items/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ScanItem item = this.scanning.get(user.organisationId(), id);
		return form(user, ItemForm.of(item), item, model);
	}

	@PostMapping("/foresight/items/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @ModelAttribute ItemForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		ScanItem item = this.scanning.get(user.organisationId(), id);
		try {
			this.scanning.update(user, id, form.version() == null ? -1 : form.version(), form.draft());
			redirect.addFlashAttribute("flash", "scan.saved");
			return "redirect:/foresight";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return form(user, form, item, model);
		}
		catch (EditConflictException ex) {
			ScanItem current = this.scanning.get(user.organisationId(), id);
			model.addAttribute("theirs", current);
			return form(user,
					new ItemForm(form.kind(), form.title(), form.description(), form.scope(), form.occurredOn(),
							form.sourceUrl(), form.effect(), form.strength(), form.horizon(), form.tags(),
							form.elementKeys(), current.version()),
					current, model);
		}
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
