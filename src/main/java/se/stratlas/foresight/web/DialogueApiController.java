package se.stratlas.foresight.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.Dialogue;
import se.stratlas.foresight.Dialogue.AgendaItem;
import se.stratlas.foresight.Dialogue.Track;
import se.stratlas.foresight.Dialogues;

/**
 * Dialogues in the JSON API: the dialogue days with their agendas and parallel tracks,
 * new dialogues, agenda points and tracks, and each group's outcome reported back (with
 * the version seen, so two reports lose nothing).
 */
@RestController
@RequestMapping("/api/foresight/dialogues")
@Tag(name = "Foresight", description = "Scanning (signals, trends, events), workshops and SWOTs, scenarios")
class DialogueApiController {

	/** A new dialogue day. */
	record NewDialogue(String name, @Nullable LocalDate heldOn, @Nullable String place, @Nullable String moderator,
			@Nullable String description) {
	}

	/** A new point of the agenda. */
	record NewAgendaItem(@Nullable LocalTime startsAt, @Nullable LocalTime endsAt, String title,
			@Nullable String speakers) {
	}

	/** A new parallel track: the question put to its group. */
	record NewTrack(String question, @Nullable String background, @Nullable String figures,
			@Nullable String facilitator, @Nullable List<UUID> elementKeys) {
	}

	/**
	 * A group's outcome: the track's version seen, what the group came to and what it
	 * concerns.
	 */
	record TrackOutcome(int version, @Nullable String outcome, @Nullable String nextSteps,
			@Nullable List<UUID> elementKeys, @Nullable List<Long> itemIds) {
	}

	private final Dialogues dialogues;

	DialogueApiController(Dialogues dialogues) {
		this.dialogues = dialogues;
	}

	@GetMapping
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "dialogues", summary = "The organisation's dialogues with their agendas and tracks")
	List<Dialogue> dialogues(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.dialogues.list(user.organisationId());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "dialogue", summary = "One dialogue with its agenda and tracks")
	Dialogue dialogue(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.dialogues.get(user.organisationId(), id);
	}

	@PostMapping
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createDialogue", summary = "Records a dialogue day")
	Dialogue createDialogue(@AuthenticationPrincipal StratlasPrincipal user, @RequestBody NewDialogue dialogue) {
		return this.dialogues.create(user, dialogue.name(), dialogue.heldOn(), dialogue.place(), dialogue.moderator(),
				dialogue.description(), null);
	}

	@PostMapping("/{id}/agenda")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addAgendaItem", summary = "Adds a point to the dialogue's agenda")
	AgendaItem addAgendaItem(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody NewAgendaItem item) {
		return this.dialogues.addAgendaItem(user, id, item.startsAt(), item.endsAt(), item.title(), item.speakers());
	}

	@PostMapping("/{id}/tracks")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addTrack", summary = "Adds a parallel track with the question put to its group")
	Track addTrack(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody NewTrack track) {
		return this.dialogues.addTrack(user, id, track.question(), track.background(), track.figures(),
				track.facilitator(), track.elementKeys());
	}

	@PutMapping("/{id}/tracks/{trackId}/outcome")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(operationId = "reportTrackOutcome",
			summary = "Records a group's outcome and next steps; 409 when someone reported since")
	Track reportTrackOutcome(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long trackId, @RequestBody TrackOutcome outcome) {
		return this.dialogues.report(user, id, trackId, outcome.version(), outcome.outcome(), outcome.nextSteps(),
				outcome.elementKeys(), outcome.itemIds());
	}

}
