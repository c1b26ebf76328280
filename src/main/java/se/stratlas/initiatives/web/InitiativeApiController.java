package se.stratlas.initiatives.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import se.stratlas.actors.Partnership;
import se.stratlas.initiatives.Application;
import se.stratlas.initiatives.Applications;
import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeDraft;
import se.stratlas.initiatives.InitiativeImport;
import se.stratlas.initiatives.InitiativeManagement;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.Assessment;
import se.stratlas.initiatives.Parts.AssessmentDraft;
import se.stratlas.initiatives.Portfolio;
import se.stratlas.shared.ValidationException;

/**
 * The initiatives JSON API. Reading needs läsare; a rapportör changes the initiatives of
 * their unit (a strateg all); a granskare decides applications.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Initiatives", description = "Initiatives, applications with the direction gate, the portfolio")
class InitiativeApiController {

	private final InitiativeCatalog catalog;

	private final InitiativeManagement management;

	private final Applications applications;

	private final Portfolio portfolio;

	private final InitiativeImport importer;

	private final StrategyChoices choices;

	InitiativeApiController(InitiativeCatalog catalog, InitiativeManagement management, Applications applications,
			Portfolio portfolio, InitiativeImport importer, StrategyChoices choices) {
		this.catalog = catalog;
		this.management = management;
		this.applications = applications;
		this.portfolio = portfolio;
		this.importer = importer;
		this.choices = choices;
	}

	record UpdateInitiative(int version, InitiativeDraft initiative) {
	}

	record Contribute(UUID elementKey, boolean primary, String motivation) {
	}

	record Assess(long strategyId, AssessmentDraft assessment) {
	}

	record SdgEffectBody(String sdgCode, boolean direct, boolean positive, String note, String goalConflict) {
	}

	record FundingBody(FundingSource source, Integer year, BigDecimal amountSek, String note) {
	}

	record ParticipantBody(long actorId, Partnership.Role role) {
	}

	record DecisionBody(int version, Decision decision, BigDecimal amountGranted, LocalDate decisionDate, String note) {
	}

	record ApplicationDetails(Application application, List<Assessment> assessments, Applications.GateCheck gate) {
	}

	record Imported(int imported) {
	}

	@GetMapping("/initiatives")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Initiatives, with Swedish text search (q) and filters")
	List<Initiative> list(@AuthenticationPrincipal StratlasPrincipal user, InitiativeController.FilterForm filter) {
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

	@PostMapping("/initiatives/{id}/contributions")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add or replace a contribution to a strategy element")
	InitiativeDetails contribute(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Contribute body) {
		this.management.contribute(user, id, body.elementKey(), body.primary(), body.motivation());
		return this.catalog.details(user.organisationId(), id);
	}

	@PostMapping("/initiatives/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Assess the initiative against a direction of a strategy")
	InitiativeDetails assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Assess body) {
		this.catalog.details(user.organisationId(), id);
		if (body.assessment() == null) {
			throw new ValidationException("assessment", "validation.required");
		}
		this.management.assess(user, id, body.strategyId(), body.assessment());
		return this.catalog.details(user.organisationId(), id);
	}

	@PostMapping("/initiatives/{id}/sdg-effects")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Record a contribution to an Agenda 2030 goal or target")
	InitiativeDetails sdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody SdgEffectBody body) {
		this.management.addSdgEffect(user, id, body.sdgCode(), body.direct(), body.positive(), body.note(),
				body.goalConflict());
		return this.catalog.details(user.organisationId(), id);
	}

	@PostMapping("/initiatives/{id}/funding")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add funding from a source for a year")
	InitiativeDetails funding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody FundingBody body) {
		this.management.addFunding(user, id, body.source(), body.year(), body.amountSek(), body.note());
		return this.catalog.details(user.organisationId(), id);
	}

	@PostMapping("/initiatives/{id}/participants")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add a participating organisation with its role")
	InitiativeDetails participant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ParticipantBody body) {
		this.management.addParticipant(user, id, body.actorId(), body.role());
		return this.catalog.details(user.organisationId(), id);
	}

	@PostMapping("/initiatives/import")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import initiatives from CSV or XLSX: all or nothing; problems name row and column")
	Imported importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file)
			throws IOException {
		return new Imported(this.importer.importFile(user, file.getOriginalFilename(), file.getBytes()));
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
		return new ApplicationDetails(this.applications.get(user.organisationId(), id),
				this.applications.assessments(user.organisationId(), id),
				this.applications.gate(user.organisationId(), id));
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

	@GetMapping("/portfolio")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The portfolio views of a strategy: priority × direction, SDG matrix, money, municipalities")
	Portfolio.View portfolio(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Long strategy, InitiativeController.FilterForm filter) {
		var chosen = this.choices.assessing(user.organisationId(), strategy);
		if (chosen == null) {
			throw new se.stratlas.shared.NotFoundException("strategy", strategy);
		}
		return this.portfolio.view(user.organisationId(), chosen.id(), filter.filter());
	}

}
