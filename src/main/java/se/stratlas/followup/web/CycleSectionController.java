package se.stratlas.followup.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
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

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Section;
import se.stratlas.followup.SectionEditing;
import se.stratlas.followup.Kinds.ContributionState;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * A cycle's template screen: sections by chapter with who answers each, and the forms to
 * add, change, move and remove sections and to assign them to units.
 */
@Controller
class CycleSectionController {

	private final CycleSections sections;

	private final SectionEditing editing;

	private final MessageSource messages;

	CycleSectionController(CycleSections sections, SectionEditing editing, MessageSource messages) {
		this.editing = editing;
		this.sections = sections;
		this.messages = messages;
	}

	/**
	 * The template: sections by chapter, who answers each, and the forms to change them.
	 */
	@GetMapping("/followup/{id}/sections")
	@PreAuthorize("hasRole('READER')")
	String sections(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model,
			Locale locale) {
		CycleSections.Overview overview = this.sections.overview(user, id,
				this.messages.getMessage("assignment.noUnit", null, locale));
		model.addAttribute("cycle", overview.cycle());
		model.addAttribute("chapters", overview.chapters());
		model.addAttribute("sections", overview.sections());
		model.addAttribute("bySection", overview.bySection());
		model.addAttribute("unitNames", overview.unitNames());
		model.addAttribute("userNames", overview.userNames());
		model.addAttribute("units", overview.units());
		model.addAttribute("peopleByUnit", overview.peopleByUnit());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("sectionTopics", SectionTopic.values());
		model.addAttribute("indicatorChoices", overview.indicatorChoices());
		model.addAttribute("perspectives", Perspective.values());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("canManage", overview.canManage());
		model.addAttribute("notStarted", ContributionState.NOT_STARTED);
		return "followup/sections";
	}

	@PostMapping("/followup/{id}/sections")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute SectionForm form, Locale locale, RedirectAttributes redirect) {
		try {
			this.sections.addSection(user, id, form.draft());
			redirect.addFlashAttribute("flash", "section.added");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("sectionErrors", FieldErrors.of(ex, this.messages, locale));
			redirect.addFlashAttribute("sectionForm", form);
		}
		return "redirect:/followup/" + id + "/sections#add-section";
	}

	@GetMapping("/followup/{id}/sections/{sectionId}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String editSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, Model model) {
		CycleSections.SectionPage page = this.sections.sectionPage(user.organisationId(), id, sectionId);
		return sectionForm(page, SectionForm.of(page.section()), model);
	}

	private static String sectionForm(CycleSections.SectionPage page, SectionForm form, Model model) {
		model.addAttribute("cycle", page.cycle());
		model.addAttribute("section", page.section());
		model.addAttribute("form", form);
		model.addAttribute("indicatorChoices", page.indicatorChoices());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("sectionTopics", SectionTopic.values());
		model.addAttribute("perspectives", Perspective.values());
		return "followup/section-form";
	}

	@PostMapping("/followup/{id}/sections/{sectionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String updateSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @ModelAttribute SectionForm form, Model model, Locale locale,
			RedirectAttributes redirect) {
		Edit<CycleSections.SectionPage, Section> edit = this.editing.save(user, id, sectionId, form.draft());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/" + id + "/sections";
		}
		model.addAttribute("errors", FieldErrors.of(edit.invalid(), this.messages, locale));
		return sectionForm(edit.page(), form, model);
	}

	@PostMapping("/followup/{id}/sections/{sectionId}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	String moveSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, @RequestParam(defaultValue = "up") String direction, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.sections.moveSection(user, id, sectionId, "up".equals(direction));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

	@PostMapping("/followup/{id}/sections/{sectionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String deleteSection(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long sectionId, Locale locale, RedirectAttributes redirect) {
		try {
			this.sections.deleteSection(user, id, sectionId);
			redirect.addFlashAttribute("flash", "section.deleted");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

	@PostMapping("/followup/{id}/assignments")
	@PreAuthorize("hasRole('STRATEGIST')")
	String assign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) List<Long> sectionIds, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long responsibleUserId, @RequestParam(required = false) LocalDate dueOn,
			Locale locale, RedirectAttributes redirect) {
		try {
			int count = this.sections.assign(user, id,
					sectionIds == null ? null : sectionIds.stream().filter(Objects::nonNull).toList(), unitId,
					responsibleUserId, dueOn);
			redirect.addFlashAttribute("flash", "assignment.saved");
			redirect.addFlashAttribute("assignedCount", count);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("assignErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections#assign";
	}

	@PostMapping("/followup/{id}/assignments/{contributionId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unassign(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long contributionId, Locale locale, RedirectAttributes redirect) {
		try {
			this.sections.unassign(user, id, contributionId);
			redirect.addFlashAttribute("flash", "assignment.deleted");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/followup/" + id + "/sections";
	}

}
