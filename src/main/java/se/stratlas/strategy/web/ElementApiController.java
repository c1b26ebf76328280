package se.stratlas.strategy.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.shared.web.ApiBodies;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent;
import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementLink;
import se.stratlas.strategy.ElementManagement;
import se.stratlas.strategy.ElementNode;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The strategy JSON API's elements: a version's tree and elements, an element with its
 * links and history, adding, changing, moving and deleting elements, links, the funding
 * gate. Reading needs the läsare role, changing the strateg role; a change based on a
 * stale {@code version} gets 409 with the current element.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Strategies", description = "Strategies, versions, element trees, links, export and import")
class ElementApiController {

	private final StrategyCatalog catalog;

	private final ElementManagement management;

	ElementApiController(StrategyCatalog catalog, ElementManagement management) {
		this.catalog = catalog;
		this.management = management;
	}

	record CreateElement(@Nullable Long parentId, ElementDraft element) {
	}

	record UpdateElement(int version, ElementDraft element) {
	}

	record MoveElement(int version, @Nullable Long parentId, @Nullable Integer position) {
	}

	record CreateLink(long toElementId, RelationType relation, @Nullable String note) {
	}

	@GetMapping("/versions/{versionId}/tree")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A version's elements as a tree")
	List<ElementNode> tree(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId) {
		return this.catalog.tree(user.organisationId(), versionId);
	}

	@GetMapping("/versions/{versionId}/elements")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A version's elements as a flat list in tree order, optionally only those matching q")
	List<StrategyElement> elements(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@RequestParam(required = false) String q) {
		return this.catalog.elements(user.organisationId(), versionId, q);
	}

	@PostMapping("/versions/{versionId}/elements")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Add an element under a parent (or at the top)")
	ResponseEntity<StrategyElement> addElement(@AuthenticationPrincipal StratlasPrincipal user,
			@PathVariable long versionId, @RequestBody CreateElement body) {
		StrategyElement created = this.management.addElementToOwn(user.organisationId(), versionId, body.parentId(),
				body.element(), user.username());
		return ResponseEntity.created(URI.create("/api/elements/" + created.id())).body(created);
	}

	@GetMapping("/elements/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "An element and its links")
	ElementManagement.ElementDetails element(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.management.details(user.organisationId(), id);
	}

	@GetMapping("/elements/{id}/history")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Every change of the element (across versions): who, when, what")
	List<AuditEvent> history(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.management.history(user.organisationId(), id);
	}

	@PutMapping("/elements/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Change an element; 409 with the current element when someone else saved first")
	StrategyElement updateElement(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody UpdateElement body) {
		ApiBodies.required("element", body.element());
		return this.management.updateElement(user.organisationId(), id, body.version(), body.element(),
				user.username());
	}

	@PostMapping("/elements/{id}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Move an element with its subtree under another parent, at a position (0 = first)")
	StrategyElement move(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody MoveElement body) {
		return this.management.moveElement(user.organisationId(), id, body.version(), body.parentId(), body.position(),
				user.username());
	}

	@DeleteMapping("/elements/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an element and its subtree")
	void deleteElement(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam int version) {
		this.management.deleteElement(user.organisationId(), id, version, user.username());
	}

	@PostMapping("/elements/{id}/links")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Link the element to an element of another strategy")
	List<ElementLink> link(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody CreateLink body) {
		return this.management.linkAndList(user.organisationId(), id, body.toElementId(), body.relation(), body.note(),
				user.username());
	}

	@DeleteMapping("/links/{linkId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a link")
	void unlink(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long linkId) {
		this.management.unlink(user.organisationId(), linkId, user.username());
	}

	@PutMapping("/elements/{id}/funding-gate")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Mark a direction as a gate for project funding, or not")
	ElementManagement.ElementDetails fundingGate(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam boolean gate) {
		return this.management.fundingGate(user.organisationId(), id, gate, user.username());
	}

}
