package se.stratlas.actors.web;

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
import se.stratlas.actors.Actor;
import se.stratlas.actors.ActorPage;
import se.stratlas.actors.ActorPages;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The actor registry's organisations: the list by kind, registering, one actor's page and
 * editing it (contacts and partnerships: {@link NetworkController}).
 */
@Controller
class ActorController {

	private final ActorRegistry registry;

	private final ActorPages pages;

	private final MessageSource messages;

	ActorController(ActorRegistry registry, ActorPages pages, MessageSource messages) {
		this.registry = registry;
		this.pages = pages;
		this.messages = messages;
	}

	record ActorForm(String name, Actor.Kind kind, String organisationNumber, String website, List<String> areaCodes,
			Integer version) {

		ActorRegistry.ActorDraft draft() {
			return new ActorRegistry.ActorDraft(this.name, this.kind, this.organisationNumber, this.website,
					this.areaCodes);
		}

		ActorForm withVersion(int version) {
			return new ActorForm(this.name, this.kind, this.organisationNumber, this.website, this.areaCodes, version);
		}

		static ActorForm of(Actor actor) {
			return new ActorForm(actor.name(), actor.kind(), actor.organisationNumber(), actor.website(),
					actor.areaCodes(), actor.version());
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
		model.addAttribute("kind", kind);
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return list(this.pages.actors(user.organisationId(), kind),
				new ActorForm(null, Actor.Kind.KOMMUN, null, null, List.of(), null), model);
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
			model.addAttribute("canEdit", true);
			return list(this.pages.actors(user.organisationId(), null), form, model);
		}
	}

	private static String list(ActorPages.ActorList list, ActorForm form, Model model) {
		model.addAttribute("actors", list.actors());
		model.addAttribute("kinds", Actor.Kind.values());
		model.addAttribute("form", form);
		model.addAttribute("municipalities", list.municipalities());
		return "actors/list";
	}

	@GetMapping("/actors/{id}")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ActorPage page = this.pages.page(user.organisationId(), id);
		populate(user, page, ActorForm.of(page.actor()), model);
		return "actors/actor";
	}

	@PostMapping("/actors/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ActorForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.registry.update(user.organisationId(), id, form.version() == null ? -1 : form.version(), form.draft(),
					user.username());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/actors/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			populate(user, this.pages.page(user.organisationId(), id), form, model);
			return "actors/actor";
		}
		catch (EditConflictException ex) {
			Actor current = (Actor) ex.current();
			model.addAttribute("theirs", current);
			populate(user, this.pages.page(user.organisationId(), current), form.withVersion(current.version()), model);
			return "actors/actor";
		}
	}

	private static void populate(StratlasPrincipal user, ActorPage page, ActorForm form, Model model) {
		model.addAttribute("actor", page.actor());
		model.addAttribute("form", form);
		model.addAttribute("kinds", Actor.Kind.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("municipalities", page.municipalities());
		model.addAttribute("areaNames", page.areaNames());
		model.addAttribute("partnerships", page.partnerships());
		model.addAttribute("history", page.history());
	}

}
