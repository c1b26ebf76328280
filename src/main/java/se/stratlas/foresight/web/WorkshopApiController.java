package se.stratlas.foresight.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.SwotBoard;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.foresight.Workshops;

/**
 * SWOT workshops and dialogues in the JSON API: a workshop with its SWOT, new workshops,
 * adding, changing and removing SWOT items (with the version seen, so two facilitators
 * lose nothing).
 */
@RestController
@RequestMapping("/api/foresight")
@Tag(name = "Foresight", description = "Scanning (signals, trends, events), workshops and SWOTs, scenarios")
class WorkshopApiController {

	/** A new SWOT item. */
	record NewSwotItem(Quadrant quadrant, String text) {
	}

	/** A changed SWOT item: the version seen and the new text. */
	record SwotItemChange(int version, String text) {
	}

	private final Workshops workshops;

	private final SwotBoard board;

	private final ForesightPages pages;

	WorkshopApiController(Workshops workshops, SwotBoard board, ForesightPages pages) {
		this.workshops = workshops;
		this.board = board;
		this.pages = pages;
	}

	@GetMapping("/workshops")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "workshops", summary = "The organisation's workshops")
	List<Workshop> workshops(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.workshops.list(user.organisationId());
	}

	@GetMapping("/workshops/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "workshop", summary = "A workshop with its SWOT")
	ForesightPages.WorkshopWithSwot workshop(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.pages.workshopWithSwot(user.organisationId(), id);
	}

	@PostMapping("/workshops")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createWorkshop", summary = "Records a workshop")
	Workshop createWorkshop(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody Workshop.Draft draft) {
		return this.workshops.create(user, draft);
	}

	@PostMapping("/workshops/{id}/items")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addSwotItem", summary = "Adds an item to a quadrant of the workshop's SWOT")
	SwotItem addSwotItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody NewSwotItem item) {
		return this.board.add(user, id, item.quadrant(), item.text());
	}

	@PutMapping("/workshops/{id}/items/{itemId}")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(operationId = "updateSwotItem",
			summary = "Changes a SWOT item's text; when someone changed it since, the answer holds both versions")
	SwotBoard.EditResult updateSwotItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long itemId, @RequestBody SwotItemChange change) {
		return this.board.edit(user, id, itemId, change.version(), change.text());
	}

	@DeleteMapping("/workshops/{id}/items/{itemId}")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSwotItem", summary = "Removes a SWOT item (the version seen is required)")
	void deleteSwotItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long itemId, @RequestParam int version) {
		this.board.remove(user, id, itemId, version);
	}

}
