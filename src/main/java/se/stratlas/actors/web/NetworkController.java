package se.stratlas.actors.web;

import java.util.List;
import java.util.Locale;
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
import se.stratlas.actors.ActorPages;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.actors.Partnership;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * The network around the actors: contact persons and partnerships with their members,
 * both linked to strategy elements.
 */
@Controller
class NetworkController {

	private final ActorRegistry registry;

	private final ActorPages pages;

	private final MessageSource messages;

	NetworkController(ActorRegistry registry, ActorPages pages, MessageSource messages) {
		this.registry = registry;
		this.pages = pages;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "actors";
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
		ActorPages.ContactsPage page = this.pages.contacts(user.organisationId());
		model.addAttribute("contacts", page.contacts());
		model.addAttribute("actors", page.actors());
		model.addAttribute("actorNames", page.actorNames());
		model.addAttribute("elements", page.elements());
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
		try {
			this.registry.addMember(user.organisationId(), id, actorId, role, user.username());
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("memberErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/partnerships";
	}

	private void populatePartnerships(StratlasPrincipal user, Model model) {
		ActorPages.PartnershipsPage page = this.pages.partnerships(user.organisationId());
		model.addAttribute("partnerships", page.partnerships());
		model.addAttribute("actors", page.actors());
		model.addAttribute("roles", Partnership.Role.values());
		model.addAttribute("elements", page.elements());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
	}

}
