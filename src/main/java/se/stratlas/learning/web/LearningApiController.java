package se.stratlas.learning.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.learning.Assessment;
import se.stratlas.learning.Judgement;
import se.stratlas.learning.LearningJournal;
import se.stratlas.learning.LearningPages;
import se.stratlas.learning.Lesson;
import se.stratlas.learning.Proposal;
import se.stratlas.learning.RevisionProposals;

/**
 * The learning loop in the JSON API: an element's assessments, lessons and proposals, and
 * writing them; a proposal's steps (prepare, decide, reject).
 */
@RestController
@RequestMapping("/api/learning")
@Tag(name = "Learning", description = "Assessments, lessons and revision proposals per strategy element")
class LearningApiController {

	/** An assessment: the version seen when changing one (none for a new one). */
	record AssessRequest(long cycleId, Judgement judgement, String motivation, @Nullable Integer version) {
	}

	/** A lesson and the evidence it cites ({@code INDICATOR:12}, {@code SIGNAL:7} …). */
	record LessonRequest(@Nullable Long cycleId, String body, @Nullable List<String> evidence) {
	}

	/** A step of a proposal: the version seen and the decision's note. */
	record StepRequest(int version, @Nullable String note) {
	}

	private final LearningPages pages;

	private final LearningJournal journal;

	private final RevisionProposals proposals;

	LearningApiController(LearningPages pages, LearningJournal journal, RevisionProposals proposals) {
		this.pages = pages;
		this.journal = journal;
		this.proposals = proposals;
	}

	@GetMapping("/elements/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "elementLearning",
			summary = "An element's assessments (every cycle), lessons and revision proposals")
	LearningPages.ElementLearning element(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.pages.record(user, id);
	}

	@PutMapping("/elements/{id}/assessment")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "assessElement",
			summary = "Records or changes the element's assessment in a cycle; 409 when someone changed it since")
	Assessment assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody AssessRequest request) {
		return this.journal.assessElement(user, id, request.cycleId(), request.judgement(), request.motivation(),
				request.version());
	}

	@PostMapping("/elements/{id}/lessons")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "addLesson", summary = "Writes a lesson about the element, citing its evidence")
	Lesson addLesson(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody LessonRequest request) {
		return this.journal.addLessonAbout(user, id, request.cycleId(), request.body(), request.evidence());
	}

	@PostMapping("/elements/{id}/proposals")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "proposeRevision",
			summary = "Proposes a revision of the element (its key in the body is ignored: the path names it)")
	Proposal propose(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Proposal.Draft draft) {
		return this.proposals.proposeFor(user, id, draft);
	}

	@PostMapping("/proposals/{proposalId}/prepare")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "prepareProposal", summary = "Marks a proposal as prepared (beredd)")
	Proposal prepare(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long proposalId,
			@RequestBody StepRequest request) {
		return this.proposals.prepare(user, proposalId, request.version());
	}

	@PostMapping("/proposals/{proposalId}/decide")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "decideProposal",
			summary = "Decides a proposal and applies it to the strategy's draft version or the indicators; "
					+ "the proposer may not decide it")
	Proposal decide(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long proposalId,
			@RequestBody StepRequest request) {
		return this.proposals.decide(user, proposalId, request.version(), request.note());
	}

	@PostMapping("/proposals/{proposalId}/reject")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "rejectProposal",
			summary = "Rejects a proposal with the reason (note); the proposer may not reject it")
	Proposal reject(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long proposalId,
			@RequestBody StepRequest request) {
		return this.proposals.reject(user, proposalId, request.version(), request.note());
	}

}
