package se.stratlas.followup.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Section;

/**
 * A cycle's sections in the JSON API: list, add, change, move and remove them, and take
 * back an assignment (assigning is {@code POST /cycles/{id}/assignments}).
 */
@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up")
class SectionApiController {

	/** Moving a section: up or down among its cycle's sections. */
	record MoveRequest(boolean up) {
	}

	private final Cycles cycles;

	private final CycleSections sections;

	SectionApiController(Cycles cycles, CycleSections sections) {
		this.cycles = cycles;
		this.sections = sections;
	}

	@GetMapping("/cycles/{id}/sections")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "sections", summary = "The cycle's sections in order")
	List<Section> sections(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.cycles.sections(user.organisationId(), id);
	}

	@PostMapping("/cycles/{id}/sections")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addSection", summary = "Adds a section at the end of the cycle's sections")
	Section addSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody Section.Draft draft) {
		return this.sections.addSection(user, id, draft);
	}

	@PutMapping("/cycles/{id}/sections/{sectionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "updateSection", summary = "Changes a section's chapter, title, guidance, topic and links")
	Section updateSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @RequestBody Section.Draft draft) {
		return this.sections.updateSection(user, id, sectionId, draft);
	}

	@PostMapping("/cycles/{id}/sections/{sectionId}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "moveSection", summary = "Moves a section one place up or down")
	List<Section> moveSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @RequestBody MoveRequest request) {
		return this.sections.moveSection(user, id, sectionId, request.up());
	}

	@DeleteMapping("/cycles/{id}/sections/{sectionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSection", summary = "Removes a section that no unit has written in")
	void deleteSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId) {
		this.sections.deleteSection(user, id, sectionId);
	}

	@DeleteMapping("/cycles/{id}/assignments/{contributionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "unassign", summary = "Takes back an assignment that has not been written in")
	void unassign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long contributionId) {
		this.sections.unassign(user, id, contributionId);
	}

}
