package se.stratlas.actors.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import se.stratlas.actors.Actor;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.actors.Partnership;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyCatalog;

/** The actor registry: organisations, contact persons and partnerships. */
@Controller
class ActorController {

	private final ActorRegistry registry;

	private final Areas areas;

	private final StrategyCatalog strategies;

	private final AuditTrail audit;

	private final MessageSource messages;

	ActorController(ActorRegistry registry, Areas areas, StrategyCatalog strategies, AuditTrail audit,
			MessageSource messages) {
		this.registry = registry;
		this.areas = areas;
		this.strategies = strategies;
		this.audit = audit;
		this.messages = messages;
	}

	record ActorForm(String name, Actor.Kind kind, String organisationNumber, String website, List<String> areaCodes,
			Integer version) {

		ActorRegistry.ActorDraft draft() {
			return new ActorRegistry.ActorDraft(this.name, this.kind, this.organisationNumber, this.website,
					this.areaCodes);
		}

	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "actors";
	}

	@GetMapping("/actors")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) Actor.Kind kind,
			Model model) {
		List<Actor> actors = this.registry.actors(user.organisationId())
			.stream()
			.filter(a -> kind == null || a.kind() == kind)
			.toList();
		model.addAttribute("actors", actors);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", Actor.Kind.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("form", new ActorForm(null, Actor.Kind.KOMMUN, null, null, List.of(), null));
		model.addAttribute("municipalities", this.areas.municipalities());
		return "actors/list";
	}

	@PostMapping("/actors")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute ActorForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Actor created = this.registry.create(user.organisationId(), form.draft(), user.username());
			redirect.addFlashAttribute("flash", "actor.created");
			return "redirect:/actors/" + created.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("actors", this.registry.actors(user.organisationId()));
			model.addAttribute("kinds", Actor.Kind.values());
			model.addAttribute("canEdit", true);
			model.addAttribute("form", form);
			model.addAttribute("municipalities", this.areas.municipalities());
			return "actors/list";
		}
	}

	@GetMapping("/actors/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		Actor actor = this.registry.actor(user.organisationId(), id);
		populate(user, actor, new ActorForm(actor.name(), actor.kind(), actor.organisationNumber(), actor.website(),
				actor.areaCodes(), actor.version()), model);
		return "actors/actor";
	}

	@PostMapping("/actors/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ActorForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Actor actor = this.registry.actor(user.organisationId(), id);
		try {
			this.registry.update(user.organisationId(), id, form.version() == null ? -1 : form.version(), form.draft(),
					user.username());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/actors/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			populate(user, actor, form, model);
			return "actors/actor";
		}
		catch (EditConflictException ex) {
			Actor current = (Actor) ex.current();
			model.addAttribute("theirs", current);
			populate(user, current, new ActorForm(form.name(), form.kind(), form.organisationNumber(), form.website(),
					form.areaCodes(), current.version()), model);
			return "actors/actor";
		}
	}

	private void populate(StratlasPrincipal user, Actor actor, ActorForm form, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("form", form);
		model.addAttribute("kinds", Actor.Kind.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("areaNames", actor.areaCodes().stream().map(this.areas::name).toList());
		model.addAttribute("partnerships",
				this.registry.partnerships(user.organisationId())
					.stream()
					.filter(p -> p.members().stream().anyMatch(m -> m.actorId() == actor.id()))
					.toList());
		model.addAttribute("history", this.audit.history("actor", actor.id()));
	}

	@GetMapping("/contacts")
	@PreAuthorize("hasRole('READER')")
	String contacts(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		populateContacts(user, model);
		return "actors/contacts";
	}

	@PostMapping("/contacts")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addContact(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String title, @RequestParam(required = false) Long actorId,
			@RequestParam(required = false) String unitName, @RequestParam(required = false) String email,
			@RequestParam(required = false) String phone, @RequestParam(required = false) List<UUID> elementKeys,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.registry.addContact(user.organisationId(),
					new Contact(0, name, title, actorId, unitName, email, phone, elementKeys), user.username());
			redirect.addFlashAttribute("flash", "contact.created");
			return "redirect:/contacts";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			populateContacts(user, model);
			return "actors/contacts";
		}
	}

	private void populateContacts(StratlasPrincipal user, Model model) {
		model.addAttribute("contacts", this.registry.contacts(user.organisationId()));
		model.addAttribute("actors", this.registry.actors(user.organisationId()));
		model.addAttribute("actorNames",
				this.registry.actors(user.organisationId()).stream().collect(Collectors.toMap(Actor::id, Actor::name)));
		model.addAttribute("elements", elementLabels(user));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
	}

	@GetMapping("/partnerships")
	@PreAuthorize("hasRole('READER')")
	String partnerships(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		populatePartnerships(user, model);
		return "actors/partnerships";
	}

	@PostMapping("/partnerships")
	@PreAuthorize("hasRole('STRATEGIST')")
	String createPartnership(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) String name, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<UUID> elementKeys, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.registry.createPartnership(user.organisationId(), name, description, elementKeys, user.username());
			redirect.addFlashAttribute("flash", "partnership.created");
			return "redirect:/partnerships";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			populatePartnerships(user, model);
			return "actors/partnerships";
		}
	}

	@PostMapping("/partnerships/{id}/members")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addMember(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long actorId, @RequestParam(required = false) Partnership.Role role,
			Locale locale, RedirectAttributes redirect) {
		if (this.registry.partnerships(user.organisationId()).stream().noneMatch(p -> p.id() == id)) {
			throw new se.stratlas.shared.NotFoundException("partnership", id);
		}
		try {
			if (actorId == null) {
				throw new ValidationException("actorId", "validation.required");
			}
			this.registry.addMember(user.organisationId(), id, actorId, role, user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("memberErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/partnerships";
	}

	private void populatePartnerships(StratlasPrincipal user, Model model) {
		model.addAttribute("partnerships", this.registry.partnerships(user.organisationId()));
		model.addAttribute("actors", this.registry.actors(user.organisationId()));
		model.addAttribute("roles", Partnership.Role.values());
		model.addAttribute("elements", elementLabels(user));
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
	}

	/**
	 * Element key → "RUS 1 Stark och hållbar region – …" for the organisation's own
	 * strategies.
	 */
	private Map<UUID, String> elementLabels(StratlasPrincipal user) {
		Map<UUID, String> labels = new java.util.LinkedHashMap<>();
		this.strategies.strategies(user.organisationId())
			.stream()
			.filter(s -> user.organisationId() == (s.organisationId() == null ? -1 : s.organisationId()))
			.forEach(s -> this.strategies
				.elements(user.organisationId(), this.strategies.latestVersion(user.organisationId(), s.id()).id())
				.stream()
				.filter(e -> e.code() != null)
				.forEach(e -> labels.put(e.key(), s.code() + " " + e.label(Locale.ROOT))));
		return labels;
	}

}
