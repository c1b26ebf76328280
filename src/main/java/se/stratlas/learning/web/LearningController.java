package se.stratlas.learning.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import se.stratlas.learning.Judgement;
import se.stratlas.learning.LearningJournal;
import se.stratlas.learning.LearningPages;
import se.stratlas.learning.LearningView;
import se.stratlas.learning.Proposal;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.ElementType;

/**
 * A strategy element's learning page, and the strateg's assessment and lessons written on
 * it. A refused form comes back with the user's text and the error at its field.
 */
@Controller
class LearningController {

	/** The assessment form. */
	record AssessmentForm(Long cycleId, Judgement judgement, String motivation,
			Integer version) implements Serializable {
	}

	/** The lesson form; evidence as tokens ({@code INDICATOR:12}). */
	record LessonForm(Long cycleId, String body, List<String> evidence, Integer version) implements Serializable {
	}

	private final LearningPages pages;

	private final LearningJournal journal;

	private final MessageSource messages;

	LearningController(LearningPages pages, LearningJournal journal, MessageSource messages) {
		this.pages = pages;
		this.journal = journal;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/learning/elements/{id}")
	@PreAuthorize("hasRole('READER')")
	String page(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(required = false) Long cycle, Model model) {
		LearningView view = this.pages.view(user, id, cycle);
		model.addAttribute("view", view);
		model.addAttribute("judgements", Judgement.values());
		model.addAttribute("kinds", Proposal.Kind.values());
		model.addAttribute("childTypes", ElementType.values());
		return "learning/element";
	}

	@PostMapping("/learning/elements/{id}/assessment")
	@PreAuthorize("hasRole('STRATEGIST')")
	String assess(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute AssessmentForm form, Locale locale, RedirectAttributes redirect) {
		return Forms.attempt(this.messages, locale, redirect, "assessment", form,
				back(id, form.cycleId(), "assessment"), () -> {
					this.journal.assessElement(user, id, form.cycleId(), form.judgement(), form.motivation(),
							form.version());
					redirect.addFlashAttribute("flash", "learning.assessment.saved");
				});
	}

	@PostMapping("/learning/elements/{id}/lessons")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addLesson(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute LessonForm form, Locale locale, RedirectAttributes redirect) {
		return Forms.attempt(this.messages, locale, redirect, "lesson", form, back(id, form.cycleId(), "lessons"),
				() -> {
					this.journal.addLessonAbout(user, id, form.cycleId(), form.body(), form.evidence());
					redirect.addFlashAttribute("flash", "learning.lesson.saved");
				});
	}

	@PostMapping("/learning/elements/{id}/lessons/{lessonId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String updateLesson(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long lessonId, @ModelAttribute LessonForm form, Locale locale, RedirectAttributes redirect) {
		return Forms.attempt(this.messages, locale, redirect, "lesson" + lessonId, form,
				back(id, form.cycleId(), "lessons"), () -> {
					this.journal.updateLesson(user, lessonId, form.version() == null ? -1 : form.version(), form.body(),
							form.evidence());
					redirect.addFlashAttribute("flash", "learning.lesson.saved");
				});
	}

	@PostMapping("/learning/elements/{id}/lessons/{lessonId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String deleteLesson(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long lessonId, @RequestParam int version, @RequestParam(required = false) Long cycleId,
			Locale locale, RedirectAttributes redirect) {
		return Forms.attempt(this.messages, locale, redirect, "lesson" + lessonId, Map.of(),
				back(id, cycleId, "lessons"), () -> {
					this.journal.deleteLesson(user, lessonId, version);
					redirect.addFlashAttribute("flash", "learning.lesson.deleted");
				});
	}

	static String back(long elementId, Long cycleId, String anchor) {
		return "redirect:/learning/elements/" + elementId + (cycleId == null ? "" : "?cycle=" + cycleId) + "#" + anchor;
	}

	/**
	 * Runs a form's action; a refusal goes back with the form's input and the messages.
	 */
	static final class Forms {

		private Forms() {
		}

		interface Action {

			void run();

		}

		static String attempt(MessageSource messages, Locale locale, RedirectAttributes redirect, String name,
				Object form, String back, Action action) {
			try {
				action.run();
			}
			catch (ValidationException ex) {
				redirect.addFlashAttribute("errorsFor", name);
				redirect.addFlashAttribute("formErrors", FieldErrors.of(ex, messages, locale));
				redirect.addFlashAttribute("input", form);
			}
			catch (EditConflictException ex) {
				redirect.addFlashAttribute("errorsFor", name);
				redirect.addFlashAttribute("formErrors",
						Map.of("", messages.getMessage("learning.conflict", null, locale)));
				redirect.addFlashAttribute("input", form);
			}
			return back;
		}

	}

}
