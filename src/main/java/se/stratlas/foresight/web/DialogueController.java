package se.stratlas.foresight.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.Dialogue;
import se.stratlas.foresight.Dialogues;
import se.stratlas.foresight.ForesightExports;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/** Dialogue events: agenda, parallel tracks, and the groups' outcomes reported back. */
@Controller
class DialogueController {

	private final Dialogues dialogues;

	private final ForesightPages pages;

	private final ForesightExports exports;

	private final MessageSource messages;

	DialogueController(Dialogues dialogues, ForesightPages pages, ForesightExports exports, MessageSource messages) {
		this.dialogues = dialogues;
		this.pages = pages;
		this.exports = exports;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/dialogues")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("dialogues", this.dialogues.list(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "foresight/dialogues";
	}

	@PostMapping("/foresight/dialogues")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate heldOn, @RequestParam(defaultValue = "") String place,
			@RequestParam(defaultValue = "") String moderator, Locale locale, RedirectAttributes redirect) {
		try {
			Dialogue dialogue = this.dialogues.create(user, name, heldOn, place, moderator, null, null);
			return "redirect:/foresight/dialogues/" + dialogue.id();
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/foresight/dialogues";
		}
	}

	@GetMapping("/foresight/dialogues/{id}")
	@PreAuthorize("hasRole('READER')")
	String dialogue(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ForesightPages.DialoguePage page = this.pages.dialogue(user.organisationId(), id);
		model.addAttribute("dialogue", page.dialogue());
		model.addAttribute("choices", page.choices());
		model.addAttribute("labels", page.labels());
		model.addAttribute("items", page.items());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "foresight/dialogue";
	}

	@GetMapping("/foresight/dialogues/{id}/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "xlsx") String format) {
		ForesightExports.Workbook workbook = this.exports.dialogue(user.organisationId(), id);
		return Downloads.tables(workbook.title(), workbook.tables(), format, "dialog-" + id);
	}

	@PostMapping("/foresight/dialogues/{id}/agenda")
	@PreAuthorize("hasRole('REPORTER')")
	String agenda(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) LocalTime startsAt, @RequestParam(required = false) LocalTime endsAt,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String speakers,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect,
				() -> this.dialogues.addAgendaItem(user, id, startsAt, endsAt, title, speakers));
	}

	@PostMapping("/foresight/dialogues/{id}/tracks")
	@PreAuthorize("hasRole('REPORTER')")
	String track(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String background,
			@RequestParam(defaultValue = "") String figures, @RequestParam(defaultValue = "") String facilitator,
			Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect,
				() -> this.dialogues.addTrack(user, id, question, background, figures, facilitator, List.of()));
	}

	@PostMapping("/foresight/dialogues/{id}/tracks/{trackId}")
	@PreAuthorize("hasRole('REPORTER')")
	String report(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long trackId,
			@RequestParam int version, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String nextSteps, @RequestParam(required = false) List<UUID> elementKeys,
			@RequestParam(required = false) List<Long> itemIds, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect,
				() -> this.dialogues.report(user, id, trackId, version, outcome, nextSteps, elementKeys, itemIds));
	}

	private String act(long id, Locale locale, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", "form.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/foresight/dialogues/" + id;
	}

}
