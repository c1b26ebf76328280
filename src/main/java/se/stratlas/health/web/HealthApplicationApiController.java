package se.stratlas.health.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.health.AccessApplications;
import se.stratlas.health.Application;
import se.stratlas.health.HealthPages;

/**
 * Applications for health data, their review and decision, and the grant, in the JSON
 * API.
 */
@RestController
@RequestMapping("/api/health/applications")
@Tag(name = "Health data", description = "Health data sources, datasets, quality labels and availability")
class HealthApplicationApiController {

	private final AccessApplications applications;

	private final HealthPages pages;

	HealthApplicationApiController(AccessApplications applications, HealthPages pages) {
		this.applications = applications;
		this.pages = pages;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthApplications",
			summary = "The applications the user made or checks, or whose data the organisation holds")
	List<Application> applications(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.applications.mine(user);
	}

	@PostMapping
	@PreAuthorize("hasRole('READER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "applyForHealthData",
			summary = "Applies for variables of one organisation's datasets; the output checker is someone else")
	Application apply(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody Application.Draft draft) {
		return this.applications.apply(user, draft);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthApplication", summary = "One application, its state today and the user's part")
	HealthPages.ApplicationPage application(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.pages.application(user, id);
	}

	@PostMapping("/{id}/questions")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "askHealthApplicant", summary = "The steward asks the applicant a question")
	Application ask(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Application.Note note) {
		return this.applications.ask(user, id, note);
	}

	@PostMapping("/{id}/answers")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "answerHealthSteward", summary = "The applicant answers the steward's question")
	Application answer(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Application.Note note) {
		return this.applications.answer(user, id, note);
	}

	@PostMapping("/{id}/decision")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "decideHealthApplication",
			summary = "Approves (every check, an end date) or refuses, with a motivation")
	Application decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Application.Decision decision) {
		return this.applications.decide(user, id, decision);
	}

	@GetMapping("/{id}/access")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "healthAccessGrant",
			summary = "The grant of an approved application; refused and logged once it has expired")
	Application.Grant access(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.applications.access(user, id);
	}

}
