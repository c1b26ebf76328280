package se.stratlas.followup.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Comment;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.ContributionConflictException;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.Fulfilment;
import se.stratlas.followup.Products;
import se.stratlas.followup.Revision;
import se.stratlas.followup.Section;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * The follow-up JSON API: cycles with their sections and contributions, writing and
 * reviewing a contribution, report products, and unit figures. A lost save race answers
 * 409 with both versions and a proposed merge; an import answers 422 with the row and
 * column of every problem.
 */
@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up", description = "Cycles, contributions (inrapportering), report products, unit figures")
class FollowupApiController {

	/** A cycle with its template and who answers what. */
	record CycleView(Cycle cycle, List<Section> sections, List<Contribution> contributions,
			List<Cycles.UnitProgress> progress) {
	}

	/** A save of a contribution's text. */
	record SaveRequest(int version, int baseRevision, String body, Fulfilment fulfilment) {
	}

	/** A state change: ready, withdraw, return (with a comment) or approve. */
	record TransitionRequest(String action, int version, String comment) {
	}

	/** A comment or a reply. */
	record CommentRequest(Long parentId, String body) {
	}

	private final Cycles cycles;

	private final Contributions contributions;

	private final Products products;

	private final UnitFigureBook figures;

	FollowupApiController(Cycles cycles, Contributions contributions, Products products, UnitFigureBook figures) {
		this.cycles = cycles;
		this.contributions = contributions;
		this.products = products;
		this.figures = figures;
	}

	@GetMapping("/cycles")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The organisation's follow-up cycles")
	List<Cycle> cycles(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.cycles.list(user.organisationId());
	}

	@GetMapping("/cycles/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A cycle with its sections, contributions and progress per unit")
	CycleView cycle(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return new CycleView(this.cycles.get(user.organisationId(), id),
				this.cycles.sections(user.organisationId(), id), this.cycles.contributions(user.organisationId(), id),
				this.cycles.progress(user.organisationId(), id, LocalDate.now()));
	}

	@GetMapping("/contributions/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A contribution with its text, state and where it is used")
	Map<String, Object> contribution(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		Contribution contribution = this.contributions.open(user, id);
		return Map.of("contribution", contribution, "section", this.contributions.section(contribution), "usage",
				this.contributions.usage(contribution));
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
		this.contributions.get(user.organisationId(), id);
		String action = request.action() == null ? "" : request.action();
		return switch (action) {
			case "ready" -> this.contributions.markReady(user, id, request.version());
			case "withdraw" -> this.contributions.withdraw(user, id, request.version());
			case "return" -> this.contributions.returnForRework(user, id, request.version(), request.comment());
			case "approve" -> this.contributions.approve(user, id, request.version(), request.comment());
			default -> throw new ValidationException("action", "contribution.action.unknown");
		};
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
		Comment comment = this.contributions.comment(user, id, request.parentId(), request.body());
		return ResponseEntity.created(URI.create("/api/followup/contributions/" + id + "/comments")).body(comment);
	}

	@GetMapping("/cycles/{id}/products/{productId}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "What a report product shows, section by section")
	List<Products.Part> product(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return this.products.content(user.organisationId(), id, productId);
	}

	@GetMapping("/tasks")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The signed-in user's to-do list")
	List<Contributions.Task> tasks(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.contributions.tasks(user);
	}

	@GetMapping("/figures")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Finance and staffing per unit for a period, with last year")
	List<UnitFigureBook.Row> figures(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam String period) {
		return this.figures.rows(user.organisationId(), period, false);
	}

	@PostMapping("/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Imports a finance export (CSV or XLSX); all or nothing")
	UnitFigureBook.ImportResult importFigures(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam("file") MultipartFile file) throws java.io.IOException {
		return this.figures.importFile(user, file.getOriginalFilename(), file.getBytes());
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
