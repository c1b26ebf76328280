package se.stratlas.initiatives.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

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
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeDraft;
import se.stratlas.initiatives.InitiativeImport;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.Portfolio;

/**
 * The initiatives JSON API: the initiatives themselves, their import and the portfolio
 * (their parts: {@link InitiativePartApiController}; applications:
 * {@link ApplicationApiController}). Reading needs läsare; a rapportör changes the
 * initiatives of their unit (a strateg all).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Initiatives", description = "Initiatives, applications with the direction gate, the portfolio")
class InitiativeApiController {

	private final InitiativeCatalog catalog;

	private final InitiativeManagement management;

	private final Portfolio portfolio;

	private final InitiativeImport importer;

	InitiativeApiController(InitiativeCatalog catalog, InitiativeManagement management, Portfolio portfolio,
			InitiativeImport importer) {
		this.catalog = catalog;
		this.management = management;
		this.portfolio = portfolio;
		this.importer = importer;
	}

	record UpdateInitiative(int version, InitiativeDraft initiative) {
	}

	record Imported(int imported) {
	}

	@GetMapping("/initiatives")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Initiatives, with Swedish text search (q) and filters")
	List<Initiative> list(@AuthenticationPrincipal StratlasPrincipal user, FilterForm filter) {
		return this.catalog.find(user.organisationId(), filter.filter());
	}

	@PostMapping("/initiatives")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Register an initiative")
	ResponseEntity<Initiative> create(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody InitiativeDraft draft) {
		Initiative created = this.management.create(user, draft);
		return ResponseEntity.created(URI.create("/api/initiatives/" + created.id())).body(created);
	}

	@GetMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "An initiative with funding, participants, contributions, assessments and SDG effects")
	InitiativeDetails get(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.catalog.details(user.organisationId(), id);
	}

	@PutMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Change an initiative; 409 with the current one when someone else saved first")
	Initiative update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody UpdateInitiative body) {
		return this.management.update(user, id, body.version(), body.initiative());
	}

	@DeleteMapping("/initiatives/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an initiative")
	void delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version) {
		this.management.delete(user, id, version);
	}

	@PostMapping("/initiatives/import")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import initiatives from CSV or XLSX: all or nothing; problems name row and column")
	Imported importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file)
			throws IOException {
		return new Imported(this.importer.importFile(user, file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/portfolio")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The portfolio views of a strategy: priority × direction, SDG matrix, money, municipalities")
	Portfolio.View portfolio(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Long strategy, FilterForm filter) {
		return this.portfolio.viewOf(user.organisationId(), strategy, filter.filter());
	}

}
