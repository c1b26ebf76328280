package se.stratlas.strategy.web;

import java.net.URI;
import java.time.LocalDate;
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
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyDocument;
import se.stratlas.strategy.StrategyDraft;
import se.stratlas.strategy.StrategyManagement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyTransfer;
import se.stratlas.strategy.StrategyVersion;
import se.stratlas.strategy.VersionComparison;

/**
 * The strategy JSON API: strategies, versions, comparison, assessment scale, export and
 * import (the elements: {@link ElementApiController}). Reading needs the läsare role,
 * changing the strateg role. Every change of an existing record carries the
 * {@code version} it was based on; a stale one gets 409 with the current record.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Strategies", description = "Strategies, versions, element trees, links, export and import")
class StrategyApiController {

	private final StrategyCatalog catalog;

	private final StrategyManagement management;

	private final StrategyTransfer transfer;

	StrategyApiController(StrategyCatalog catalog, StrategyManagement management, StrategyTransfer transfer) {
		this.catalog = catalog;
		this.management = management;
		this.transfer = transfer;
	}

	record CreateStrategy(StrategyDraft strategy, String versionLabel, @Nullable StrategyStatus status) {
	}

	record UpdateStrategy(int version, StrategyDraft strategy) {
	}

	record CreateVersion(String label, @Nullable StrategyStatus status) {
	}

	record Decision(int version, String label, StrategyStatus status, @Nullable String decisionBody,
			@Nullable LocalDate decisionDate, @Nullable String decisionNote) {
	}

	@GetMapping("/strategies")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Strategies the user's organisation sees: its own, published ones and reference frameworks")
	List<Strategy> strategies(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.catalog.strategies(user.organisationId());
	}

	@PostMapping("/strategies")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Create a strategy with its first version")
	ResponseEntity<Strategy> create(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody CreateStrategy body) {
		ApiBodies.required("strategy", body == null ? null : body.strategy());
		Strategy created = this.management.createStrategy(user.organisationId(), body.strategy(), body.versionLabel(),
				body.status(), user.username());
		return ResponseEntity.created(URI.create("/api/strategies/" + created.id())).body(created);
	}

	@GetMapping("/strategies/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A strategy and its versions, newest first")
	StrategyCatalog.StrategyDetails strategy(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.catalog.details(user.organisationId(), id);
	}

	@PutMapping("/strategies/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Change a strategy's code, names, period, derivation and publication")
	Strategy update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody UpdateStrategy body) {
		ApiBodies.required("strategy", body.strategy());
		return this.management.updateStrategy(user.organisationId(), id, body.version(), body.strategy(),
				user.username());
	}

	@DeleteMapping("/strategies/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a strategy with all its versions")
	void delete(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version) {
		this.management.deleteStrategy(user.organisationId(), id, version, user.username());
	}

	@PostMapping("/strategies/{id}/versions")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a new version as a copy of the latest one")
	StrategyVersion createVersion(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody CreateVersion body) {
		return this.management.createVersion(user.organisationId(), id, body.label(), body.status(), user.username());
	}

	@PutMapping("/versions/{versionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Record a version's status and decision")
	StrategyVersion decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long versionId,
			@RequestBody Decision body) {
		return this.management.decide(user.organisationId(), versionId, body.version(), body.label(), body.status(),
				body.decisionBody(), body.decisionDate(), body.decisionNote(), user.username());
	}

	@GetMapping("/strategies/{id}/compare")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Compare two versions element by element: added, removed, renamed, moved, changed")
	List<VersionComparison.Difference> compare(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam long from, @RequestParam long to) {
		return this.catalog.compare(user.organisationId(), id, from, to);
	}

	@GetMapping("/strategies/{id}/assessment-scale")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The scale assessments against the strategy's directions use")
	List<AssessmentLevel> scale(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.catalog.assessmentScale(user.organisationId(), id);
	}

	@PutMapping("/strategies/{id}/assessment-scale")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(summary = "Define the strategy's assessment scale (score above zero is positive)")
	List<AssessmentLevel> defineScale(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody List<AssessmentLevel> levels) {
		return this.management.setAssessmentScale(user.organisationId(), id, levels, user.username());
	}

	@GetMapping("/strategies/{id}/export")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The whole strategy as one JSON document (all versions, elements and links)")
	StrategyDocument export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.transfer.export(user.organisationId(), id);
	}

	@PostMapping("/strategies/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import a strategy document as a new strategy of the user's organisation (all or nothing)")
	StrategyTransfer.ImportResult importDocument(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestBody StrategyDocument document) {
		return this.transfer.importDocument(user.organisationId(), document, user.username());
	}

}
