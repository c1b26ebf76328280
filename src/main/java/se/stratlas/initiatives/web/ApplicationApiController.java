package se.stratlas.initiatives.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Application;
import se.stratlas.initiatives.ApplicationDetails;
import se.stratlas.initiatives.Applications;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Parts.AssessmentDraft;

/**
 * Applications for funding in the JSON API: registered and assessed by a rapportör,
 * decided by a granskare; a grant is refused while a gate direction is not assessed
 * positively.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Initiatives", description = "Initiatives, applications with the direction gate, the portfolio")
class ApplicationApiController {

	private final Applications applications;

	ApplicationApiController(Applications applications) {
		this.applications = applications;
	}

	record DecisionBody(int version, Decision decision, @Nullable BigDecimal amountGranted,
			@Nullable LocalDate decisionDate, @Nullable String note) {
	}

	@GetMapping("/applications")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Applications, optionally by decision")
	List<Application> applications(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Decision decision) {
		return this.applications.list(user.organisationId(), decision);
	}

	@PostMapping("/applications")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an application")
	Application register(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody Application.Draft draft) {
		return this.applications.register(user, draft);
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "An application, its assessments and whether the gate is open")
	ApplicationDetails application(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.applications.details(user.organisationId(), id);
	}

	@PostMapping("/applications/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Assess the application against a direction of its strategy")
	ApplicationDetails assessApplication(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody AssessmentDraft body) {
		this.applications.assess(user, id, body);
		return application(user, id);
	}

	@PostMapping("/applications/{id}/decision")
	@PreAuthorize("hasRole('REVIEWER')")
	@Operation(summary = "Grant or refuse; a grant is refused while a gate direction is not assessed positively")
	Application decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody DecisionBody body) {
		return this.applications.decide(user, id, body.version(), body.decision(), body.amountGranted(),
				body.decisionDate(), body.note());
	}

}
