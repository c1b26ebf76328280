package se.stratlas.foresight.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.foresight.Workshops;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.Table;
import se.stratlas.strategy.StrategyCatalog;

/**
 * Workshops and their SWOT board: several facilitators add, change and move items at the
 * same time; the board shows the others' items as they come (htmx, every few seconds).
 */
@Controller
class WorkshopController {

	/** The workshop form. */
	record WorkshopForm(String project, String name, LocalDate heldOn, String areaCode, String organisers,
			Integer participants, String format, List<UUID> elementKeys) {

		Workshop.Draft draft() {
			return new Workshop.Draft(this.project, this.name, this.heldOn, this.areaCode, this.organisers,
					this.participants, this.format, this.elementKeys);
		}

	}

	private final Workshops workshops;

	private final Areas areas;

	private final StrategyCatalog strategies;

	private final MessageSource messages;

	WorkshopController(Workshops workshops, Areas areas, StrategyCatalog strategies, MessageSource messages) {
		this.workshops = workshops;
		this.areas = areas;
		this.strategies = strategies;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/workshops")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		model.addAttribute("workshops", this.workshops.list(user.organisationId()));
		model.addAttribute("themes", this.workshops.themes(user.organisationId()));
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("choices", ForesightController.choices(this.strategies, user.organisationId()));
		return "foresight/workshops";
	}

	@PostMapping("/foresight/workshops")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute WorkshopForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			Workshop workshop = this.workshops.create(user, form.draft());
			redirect.addFlashAttribute("flash", "workshop.created");
			return "redirect:/foresight/workshops/" + workshop.id();
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/foresight/workshops";
		}
	}

	@GetMapping("/foresight/workshops/{id}/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("workshop", this.workshops.get(user.organisationId(), id));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("choices", ForesightController.choices(this.strategies, user.organisationId()));
		return "foresight/workshop-form";
	}

	@PostMapping("/foresight/workshops/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@ModelAttribute WorkshopForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.workshops.update(user, id, version, form.draft());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/foresight/workshops/" + id;
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/foresight/workshops/" + id + "/edit";
	}

	@GetMapping("/foresight/workshops/{id}")
	@PreAuthorize("hasRole('READER')")
	String workshop(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Workshop workshop = this.workshops.get(user.organisationId(), id);
		model.addAttribute("workshop", workshop);
		model.addAttribute("swot", this.workshops.swot(user.organisationId(), id));
		model.addAttribute("quadrants", Quadrant.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("areaName", workshop.areaCode() == null ? null : this.areas.name(workshop.areaCode()));
		model.addAttribute("labels",
				ForesightController.labels(ForesightController.choices(this.strategies, user.organisationId())));
		return htmx != null ? "foresight/workshop :: board" : "foresight/workshop";
	}

	@PostMapping("/foresight/workshops/{id}/items")
	@PreAuthorize("hasRole('REPORTER')")
	String add(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Quadrant quadrant, @RequestParam(defaultValue = "") String text,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.workshops.add(user, id, quadrant, text);
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
			Workshops.EditResult result = this.workshops.edit(user, id, itemId, version, text);
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
		this.workshops.move(user, id, itemId, direction, to);
		return "redirect:/foresight/workshops/" + id;
	}

	@PostMapping("/foresight/workshops/{id}/items/{itemId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String remove(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long itemId,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		try {
			this.workshops.remove(user, id, itemId, version);
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
			@PathVariable String format, Locale locale) throws IOException {
		Workshop workshop = this.workshops.get(user.organisationId(), id);
		Map<Quadrant, List<SwotItem>> swot = this.workshops.swot(user.organisationId(), id);
		List<String> headers = new ArrayList<>();
		for (Quadrant quadrant : Quadrant.values()) {
			headers.add(this.messages.getMessage(quadrant.messageKey(), null, quadrant.name(), locale));
		}
		int rows = swot.values().stream().mapToInt(List::size).max().orElse(0);
		List<List<Object>> table = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			List<Object> row = new ArrayList<>();
			for (Quadrant quadrant : Quadrant.values()) {
				List<SwotItem> items = swot.get(quadrant);
				row.add(r < items.size() ? items.get(r).text() : "");
			}
			table.add(row);
		}
		String name = "swot-" + workshop.id();
		return Downloads.tables("SWOT: " + workshop.name(),
				List.of(new Table("SWOT " + workshop.name(), headers, table)), format, name);
	}

}
