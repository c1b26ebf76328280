package se.stratlas.initiatives.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.Partnership;
import se.stratlas.initiatives.InitiativeDetails;
import se.stratlas.initiatives.InitiativeParts;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Parts.AssessmentDraft;

/**
 * The parts of an initiative in the JSON API: contributions, assessments, Agenda 2030
 * effects, funding and participants. Each change answers with the whole initiative.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Initiatives", description = "Initiatives, applications with the direction gate, the portfolio")
class InitiativePartApiController {

	private final InitiativeParts parts;

	InitiativePartApiController(InitiativeParts parts) {
		this.parts = parts;
	}

	record Contribute(UUID elementKey, boolean primary, @Nullable String motivation) {
	}

	record Assess(long strategyId, AssessmentDraft assessment) {
	}

	record SdgEffectBody(String sdgCode, boolean direct, boolean positive, @Nullable String note,
			@Nullable String goalConflict) {
	}

	record FundingBody(FundingSource source, Integer year, BigDecimal amountSek, @Nullable String note) {
	}

	record ParticipantBody(long actorId, Partnership.Role role) {
	}

	@PostMapping("/initiatives/{id}/contributions")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add or replace a contribution to a strategy element")
	InitiativeDetails contribute(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Contribute body) {
		return this.parts.contribute(user, id, body.elementKey(), body.primary(), body.motivation());
	}

	@PostMapping("/initiatives/{id}/assessments")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Assess the initiative against a direction of a strategy")
	InitiativeDetails assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Assess body) {
		return this.parts.assess(user, id, body.strategyId(), body.assessment());
	}

	@PostMapping("/initiatives/{id}/sdg-effects")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Record a contribution to an Agenda 2030 goal or target")
	InitiativeDetails sdg(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody SdgEffectBody body) {
		return this.parts.addSdgEffect(user, id, body.sdgCode(), body.direct(), body.positive(), body.note(),
				body.goalConflict());
	}

	@PostMapping("/initiatives/{id}/funding")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add funding from a source for a year")
	InitiativeDetails funding(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody FundingBody body) {
		return this.parts.addFunding(user, id, body.source(), body.year(), body.amountSek(), body.note());
	}

	@PostMapping("/initiatives/{id}/participants")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Add a participating organisation with its role")
	InitiativeDetails participant(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody ParticipantBody body) {
		return this.parts.addParticipant(user, id, body.actorId(), body.role());
	}

}
