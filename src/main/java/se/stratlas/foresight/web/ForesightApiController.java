package se.stratlas.foresight.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Scenario;
import se.stratlas.foresight.Scenarios;

/**
 * Environmental scanning and scenarios in the JSON API: the signals, trends and events
 * (list with filters, read, record, change, remove), the scenarios and the dimensions of
 * the future.
 */
@RestController
@RequestMapping("/api/foresight")
@Tag(name = "Foresight", description = "Scanning (signals, trends, events), workshops and SWOTs, scenarios")
class ForesightApiController {

	/** A change of a scanned item or scenario: the version seen and the new content. */
	record ItemChange(int version, ScanItem.Draft item) {
	}

	/** A change of a scenario: the version seen and the new content. */
	record ScenarioChange(int version, Scenario.Draft scenario) {
	}

	/**
	 * A new dimension of the future: its name, the project it belongs to and its factors.
	 */
	record NewDimension(String name, @Nullable String project, @Nullable List<String> factors) {
	}

	private final Scanning scanning;

	private final Scenarios scenarios;

	ForesightApiController(Scanning scanning, Scenarios scenarios) {
		this.scanning = scanning;
		this.scenarios = scenarios;
	}

	@GetMapping("/items")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "scanItems",
			summary = "The organisation's signals, trends and events, filtered by words, kind, scope, effect or "
					+ "strategy element")
	List<ScanItem> items(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ScanItem.Kind kind, @RequestParam(required = false) ScanItem.Scope scope,
			@RequestParam(required = false) ScanItem.Effect effect, @RequestParam(required = false) UUID element) {
		return this.scanning.list(user.organisationId(), new Scanning.Filter(q, kind, scope, effect, element));
	}

	@GetMapping("/items/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "scanItem", summary = "One signal, trend or event")
	ScanItem item(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.scanning.get(user.organisationId(), id);
	}

	@PostMapping("/items")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createScanItem", summary = "Records a signal, trend or event")
	ScanItem createItem(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody ScanItem.Draft draft) {
		return this.scanning.create(user, draft);
	}

	@PutMapping("/items/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(operationId = "updateScanItem", summary = "Changes a scanned item; 409 when someone changed it since")
	ScanItem updateItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ItemChange change) {
		return this.scanning.update(user, id, change.version(), ApiBodies.required("item", change.item()));
	}

	@DeleteMapping("/items/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteScanItem", summary = "Removes a scanned item (the version seen is required)")
	void deleteItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version) {
		this.scanning.delete(user, id, version);
	}

	@GetMapping("/scenarios")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "scenarios", summary = "The organisation's scenarios, or those matching the words")
	List<Scenario> scenarios(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) @Nullable String q) {
		return this.scenarios.find(user.organisationId(), q);
	}

	@GetMapping("/scenarios/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "scenario", summary = "One scenario")
	Scenario scenario(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.scenarios.get(user.organisationId(), id);
	}

	@PostMapping("/scenarios")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createScenario", summary = "Writes a scenario")
	Scenario createScenario(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody Scenario.Draft draft) {
		return this.scenarios.create(user, draft);
	}

	@PutMapping("/scenarios/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(operationId = "updateScenario", summary = "Changes a scenario; 409 when someone changed it since")
	Scenario updateScenario(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ScenarioChange change) {
		return this.scenarios.update(user, id, change.version(), ApiBodies.required("scenario", change.scenario()));
	}

	@GetMapping("/dimensions")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "dimensions", summary = "The dimensions of the future with their factors, by project")
	List<Scenario.Dimension> dimensions(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.scenarios.dimensions(user.organisationId());
	}

	@PostMapping("/dimensions")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDimension", summary = "Adds a dimension of the future with its factors")
	Scenario.Dimension createDimension(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody NewDimension dimension) {
		return this.scenarios.addDimension(user, dimension.project(), dimension.name(), dimension.factors(), null);
	}

}
