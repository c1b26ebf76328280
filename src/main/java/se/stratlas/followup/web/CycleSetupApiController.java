package se.stratlas.followup.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.ReportLayouts;
import se.stratlas.shared.ValidationException;

/**
 * Setting a cycle up through the API, as the strateg does in the browser: the units to
 * assign, a new cycle from a template, assignments, the cycle's state, report products
 * and their parts.
 */
@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up")
class CycleSetupApiController {

	/**
	 * A new cycle: what it follows up, its dates, and which template gives its sections.
	 */
	record CycleRequest(Cycle.Draft draft, Cycles.@Nullable Template template, @Nullable Long copyFromId,
			@Nullable List<Long> scorecardUnitIds) {
	}

	/** Sections given to a unit, with a responsible person and a due date if wanted. */
	record AssignmentRequest(List<Long> sectionIds, long unitId, @Nullable Long responsibleUserId,
			@Nullable LocalDate dueOn) {
	}

	/** A move of the cycle to another state. */
	record StateRequest(CycleState state, int version) {
	}

	/** A new report product of the cycle. */
	record ProductRequest(String name, ProductKind kind, List<Long> sectionIds) {
	}

	/** A report product's parts, in order. */
	record LayoutRequest(int version, List<ReportBlock> blocks) {
	}

	private final Cycles cycles;

	private final CycleSections sections;

	private final Products products;

	private final ReportLayouts layouts;

	private final OrganisationUnits units;

	CycleSetupApiController(Cycles cycles, CycleSections sections, Products products, ReportLayouts layouts,
			OrganisationUnits units) {
		this.cycles = cycles;
		this.sections = sections;
		this.products = products;
		this.layouts = layouts;
		this.units = units;
	}

	@GetMapping("/units")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "units", summary = "The organisation's units, which sections are assigned to")
	List<OrganisationUnit> units(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.units.list(user.organisationId());
	}

	@PostMapping("/cycles")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "createCycle",
			summary = "Creates a cycle from a template (empty, the strategy's, last cycle's)")
	ResponseEntity<Cycle> create(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody CycleRequest request) {
		if (request.draft() == null) {
			throw new ValidationException("draft", "validation.required");
		}
		Cycle cycle = this.cycles.create(user, request.draft(),
				request.template() == null ? Cycles.Template.EMPTY : request.template(), request.copyFromId(),
				request.scorecardUnitIds());
		return ResponseEntity.created(URI.create("/api/followup/cycles/" + cycle.id())).body(cycle);
	}

	@PostMapping("/cycles/{id}/assignments")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "assignSections",
			summary = "Gives sections to a unit; answers how many contributions were made")
	int assign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody AssignmentRequest request) {
		return this.sections.assign(user, id, request.sectionIds(), request.unitId(), request.responsibleUserId(),
				request.dueOn());
	}

	@PostMapping("/cycles/{id}/state")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "moveCycle", summary = "Moves the cycle: planned → open → review → closed")
	Cycle state(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody StateRequest request) {
		// Another organisation's cycle is not found, whatever the request holds.
		return this.cycles.transition(user, id, request.version(), request.state());
	}

	@PostMapping("/cycles/{id}/products")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "createProduct", summary = "Creates a report product that uses the given sections")
	ResponseEntity<Product> product(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ProductRequest request) {
		Product product = this.products.create(user, id, request.name(), request.kind(), request.sectionIds());
		return ResponseEntity.created(URI.create("/api/followup/cycles/" + id + "/products/" + product.id()))
			.body(product);
	}

	@GetMapping("/cycles/{id}/products/{productId}/layout")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "productLayout",
			summary = "The report product's parts in order (its own, or its kind's default)")
	ReportLayouts.Layout layout(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return this.layouts.layout(user.organisationId(), id, productId);
	}

	@PutMapping("/cycles/{id}/products/{productId}/layout")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "saveProductLayout",
			summary = "Replaces the report product's parts; 422 names each problem by part")
	ReportLayouts.Layout saveLayout(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId, @RequestBody LayoutRequest request) {
		return this.layouts.save(user, id, productId, request.version(), request.blocks());
	}

}
