package se.stratlas.foresight.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import se.stratlas.foresight.ForesightExports;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.Scenario;
import se.stratlas.foresight.Scenarios;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;

/**
 * Scenarios (list, comparison side by side, scenario cross) and the dimensions of the
 * future.
 */
@Controller
class ScenarioController {

	/** The scenario form; lists are one item per line. */
	record ScenarioForm(String project, String name, Integer horizonYear, String narrative, String preconditions,
			String consequences, Double axisX, Double axisY, List<UUID> elementKeys) {

		Scenario.Draft draft() {
			return new Scenario.Draft(this.project, this.name, this.horizonYear, this.narrative,
					lines(this.preconditions), lines(this.consequences), this.axisX, this.axisY, this.elementKeys);
		}

		static List<String> lines(String text) {
			return text == null ? List.of() : Arrays.stream(text.split("\\R")).toList();
		}

	}

	private final Scenarios scenarios;

	private final ForesightPages pages;

	private final ForesightExports exports;

	private final MessageSource messages;

	ScenarioController(Scenarios scenarios, ForesightPages pages, ForesightExports exports, MessageSource messages) {
		this.scenarios = scenarios;
		this.pages = pages;
		this.exports = exports;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight/scenarios")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) List<Long> compare,
			Model model) {
		ForesightPages.ScenariosPage page = this.pages.scenarios(user.organisationId(),
				compare == null ? null : compare.stream().filter(Objects::nonNull).toList());
		List<Scenario> all = page.scenarios();
		model.addAttribute("scenarios", all);
		model.addAttribute("compared", page.compared());
		model.addAttribute("cross", ScenarioCross.svg(all));
		model.addAttribute("placed", page.placed());
		model.addAttribute("dimensions", page.dimensions());
		model.addAttribute("choices", page.choices());
		model.addAttribute("labels", page.labels());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "foresight/scenarios";
	}

	@GetMapping("/foresight/scenarios/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		return Downloads.table(this.exports.scenarios(user.organisationId()), format, "scenarier");
	}

	@PostMapping("/foresight/scenarios")
	@PreAuthorize("hasRole('REPORTER')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @ModelAttribute ScenarioForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.scenarios.create(user, form.draft());
			redirect.addFlashAttribute("flash", "scenario.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/foresight/scenarios";
	}

	@GetMapping("/foresight/scenarios/{id}/edit")
	@PreAuthorize("hasRole('READER')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		ForesightPages.ScenarioForm form = this.pages.scenarioForm(user.organisationId(), id);
		model.addAttribute("scenario", form.scenario());
		model.addAttribute("choices", form.choices());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "foresight/scenario-form";
	}

	@PostMapping("/foresight/scenarios/{id}")
	@PreAuthorize("hasRole('REPORTER')")
	String update(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @RequestParam int version,
			@ModelAttribute ScenarioForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.scenarios.update(user, id, version, form.draft());
			redirect.addFlashAttribute("flash", "scenario.saved");
			return "redirect:/foresight/scenarios";
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/foresight/scenarios/" + id + "/edit";
	}

	@PostMapping("/foresight/dimensions")
	@PreAuthorize("hasRole('REPORTER')")
	String addDimension(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String factors, Locale locale, RedirectAttributes redirect) {
		try {
			this.scenarios.addDimension(user, project, name, ScenarioForm.lines(factors), null);
			redirect.addFlashAttribute("flash", "dimension.saved");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/foresight/scenarios#dimensions";
	}

}
