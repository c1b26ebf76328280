package se.stratlas.followup.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Comment;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionConflictException;
import se.stratlas.followup.ContributionReviews;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Revision;

/**
 * The follow-up JSON API for contributions: reading, writing and reviewing one, its
 * history and its comments. A lost save race answers 409 with both versions and a
 * proposed merge.
 */
@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up", description = "Cycles, contributions (inrapportering), report products, unit figures")
class ContributionApiController {

	/** A save of a contribution's text. */
	record SaveRequest(int version, int baseRevision, String body, @Nullable Fulfilment fulfilment) {
	}

	/** A state change: ready, withdraw, return (with a comment) or approve. */
	record TransitionRequest(String action, int version, @Nullable String comment) {
	}

	/** A comment or a reply. */
	record CommentRequest(@Nullable Long parentId, String body) {
	}

	private final Contributions contributions;

	private final ContributionReviews reviews;

	ContributionApiController(Contributions contributions, ContributionReviews reviews) {
		this.contributions = contributions;
		this.reviews = reviews;
	}

	@GetMapping("/contributions/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A contribution with its text, state and where it is used")
	Contributions.Opened contribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.contributions.opened(user, id);
	}

	@PutMapping("/contributions/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Saves the text; 409 with both versions and a merge when someone saved in between")
	Contribution save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody SaveRequest request) {
		return this.contributions.save(user, id, request.version(), request.baseRevision(), request.body(),
				request.fulfilment(), false);
	}

	@PostMapping("/contributions/{id}/transitions")
	@PreAuthorize("hasAnyRole('REPORTER', 'REVIEWER')")
	@Operation(summary = "Marks ready, withdraws, returns (comment required) or approves")
	Contribution transition(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody TransitionRequest request) {
		return this.reviews.transition(user, id, request.action(), request.version(), request.comment());
	}

	@GetMapping("/contributions/{id}/revisions")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Every revision, state change and conflict copy, newest first")
	List<Revision> revisions(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.contributions.revisions(user, id);
	}

	@GetMapping("/contributions/{id}/comments")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The comments on a contribution")
	List<Comment> comments(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.contributions.comments(user, id);
	}

	@PostMapping("/contributions/{id}/comments")
	@PreAuthorize("hasAnyRole('REPORTER', 'REVIEWER')")
	@Operation(summary = "Adds a comment or a reply")
	ResponseEntity<Comment> comment(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody CommentRequest request) {
		Comment comment = this.reviews.comment(user, id, request.parentId(), request.body());
		return ResponseEntity.created(URI.create("/api/followup/contributions/" + id + "/comments")).body(comment);
	}

	@ExceptionHandler(ContributionConflictException.class)
	ProblemDetail conflict(ContributionConflictException ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone saved this contribution after you opened it; your text was kept as a conflict copy");
		problem.setTitle("Edit conflict");
		problem.setType(URI.create("https://stratlas.se/problems/edit-conflict"));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("theirs", ex.theirs());
		problem.setProperty("mine", ex.mine());
		problem.setProperty("merged", ex.merge().text());
		problem.setProperty("mergeHasConflicts", ex.merge().conflicting());
		return problem;
	}

}
