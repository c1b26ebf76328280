package se.stratlas.actors.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.Actor;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.actors.Contact;
import se.stratlas.actors.Partnership;
import se.stratlas.shared.web.ApiBodies;

/**
 * Actors, contacts and partnerships in the JSON API: the organisations the region works
 * with, the people to reach there and the partnerships around the strategy.
 */
@RestController
@RequestMapping("/api/actors")
@Tag(name = "Actors", description = "Actors, contact persons and partnerships")
class ActorApiController {

	/** A change of an actor: the version seen and the new details. */
	record ActorChange(int version, ActorRegistry.ActorDraft actor) {
	}

	/**
	 * A new contact person: name, title, where they work and the elements they answer
	 * for.
	 */
	record NewContact(String name, @Nullable String title, @Nullable Long actorId, @Nullable String unitName,
			@Nullable String email, @Nullable String phone, @Nullable List<UUID> elementKeys) {

		Contact contact() {
			return new Contact(0, this.name, this.title, this.actorId, this.unitName, this.email, this.phone,
					this.elementKeys);
		}

	}

	/** A new partnership and the strategy elements it works for. */
	record NewPartnership(String name, @Nullable String description, @Nullable List<UUID> elementKeys) {
	}

	/** A new member of a partnership: the actor and its role. */
	record NewMember(Long actorId, Partnership.Role role) {
	}

	private final ActorRegistry registry;

	ActorApiController(ActorRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "actors", summary = "The organisation's actors")
	List<Actor> actors(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.registry.actors(user.organisationId());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "actor", summary = "One actor")
	Actor actor(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.registry.actor(user.organisationId(), id);
	}

	@PostMapping
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createActor", summary = "Registers an actor")
	Actor createActor(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody ActorRegistry.ActorDraft draft) {
		return this.registry.create(user.organisationId(), draft, user.username());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(operationId = "updateActor", summary = "Changes an actor; 409 when someone changed it since")
	Actor updateActor(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ActorChange change) {
		return this.registry.update(user.organisationId(), id, change.version(),
				ApiBodies.required("actor", change.actor()), user.username());
	}

	@GetMapping("/contacts")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "contacts", summary = "The organisation's contact persons")
	List<Contact> contacts(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.registry.contacts(user.organisationId());
	}

	@GetMapping("/partnerships")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "partnerships", summary = "The organisation's partnerships with their members")
	List<Partnership> partnerships(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.registry.partnerships(user.organisationId());
	}

	@PostMapping("/contacts")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createContact", summary = "Adds a contact person")
	Contact createContact(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody NewContact contact) {
		return this.registry.addContact(user.organisationId(), contact.contact(), user.username());
	}

	@PostMapping("/partnerships")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPartnership", summary = "Starts a partnership")
	Partnership createPartnership(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody NewPartnership partnership) {
		return this.registry.createPartnership(user.organisationId(), partnership.name(), partnership.description(),
				partnership.elementKeys(), user.username());
	}

	@PostMapping("/partnerships/{id}/members")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "addPartnershipMember",
			summary = "Adds an actor to a partnership in a role; the answer is the partnership with its members")
	Partnership addPartnershipMember(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody NewMember member) {
		return this.registry.addMember(user.organisationId(), id, member.actorId(), member.role(), user.username());
	}

}
