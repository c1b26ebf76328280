package se.stratlas.foresight.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightExports;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.SwotBoard;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/**
 * A workshop's SWOT board: several facilitators add, change and move items at the same
 * time; the board shows the others' items as they come (htmx, every few seconds). Also
 * the SWOT's export.
 */
@Controller
class SwotController {

	private final SwotBoard board;

	private final ForesightPages pages;

	private final ForesightExports exports;

	private final MessageSource messages;

	SwotController(SwotBoard board, ForesightPages pages, ForesightExports exports, MessageSource messages) {
		this.board = board;
		this.pages = pages;
		this.exports = exports;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/workshops/{id}")
	@PreAuthorize("hasRole('READER')")
	String workshop(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ForesightPages.WorkshopPage page = this.pages.workshop(user.organisationId(), id);
		model.addAttribute("workshop", page.workshop());
		model.addAttribute("swot", page.swot());
		model.addAttribute("quadrants", Quadrant.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("areaName", page.areaName());
		model.addAttribute("labels", page.labels());
		return htmx != null ? "foresight/workshop :: board" : "foresight/workshop";
	}

	@PostMapping("/foresight/workshops/{id}/items")
	@PreAuthorize("hasRole('REPORTER')")
	String add(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Quadrant quadrant, @RequestParam(defaultValue = "") String text,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.board.add(user, id, quadrant, text);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/foresight/workshops/" + id
				+ (quadrant == null ? "" : "#" + quadrant.name().toLowerCase(Locale.ROOT));
	}

	@PostMapping("/foresight/workshops/{id}/items/{itemId}")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long itemId,
			@RequestParam int version, @RequestParam(defaultValue = "") String text, Locale locale,
			RedirectAttributes redirect) {
		try {
			SwotBoard.EditResult result = this.board.edit(user, id, itemId, version, text);
			if (result.conflicted()) {
				redirect.addFlashAttribute("conflictNote", this.messages.getMessage("swot.conflict",
						new Object[] { result.theirs().updatedBy() }, locale));
			}
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/foresight/workshops/" + id;
	}

	@PostMapping("/foresight/workshops/{id}/items/{itemId}/move")
	@PreAuthorize("hasRole('REPORTER')")
	String move(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long itemId,
			@RequestParam(defaultValue = "") String direction, @RequestParam(required = false) Quadrant to) {
		this.board.move(user, id, itemId, direction, to);
		return "redirect:/foresight/workshops/" + id;
	}

	@PostMapping("/foresight/workshops/{id}/items/{itemId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String remove(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long itemId,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		try {
			this.board.remove(user, id, itemId, version);
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("swot.deleteConflict", null, locale)));
		}
		return "redirect:/foresight/workshops/" + id;
	}

	@GetMapping("/foresight/workshops/{id}/swot.{format}")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable String format, Locale locale) {
		ForesightExports.Workbook workbook = this.exports.swot(user.organisationId(), id, locale);
		return Downloads.tables(workbook.title(), workbook.tables(), format, "swot-" + id);
	}

}
