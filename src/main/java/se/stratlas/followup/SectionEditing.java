package se.stratlas.followup;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.Edit;
import se.stratlas.shared.ValidationException;

/**
 * A section changed on its own screen, in one call: saved in its own transaction, or the
 * screen again with what was wrong. Not transactional itself, so a refused change rolls
 * back only its own work and the screen is read afresh.
 */
@Component
public class SectionEditing {

	private final CycleSections sections;

	SectionEditing(CycleSections sections) {
		this.sections = sections;
	}

	/**
	 * Saves the screen's draft; the screen does not show the element a section is about,
	 * so the section keeps its element.
	 */
	public Edit<CycleSections.SectionPage, Section> save(StratlasPrincipal user, long cycleId, long sectionId,
			Section.Draft draft) {
		Section existing = this.sections.sectionPage(user.organisationId(), cycleId, sectionId).section();
		Section.Draft keeping = new Section.Draft(draft.chapter(), draft.title(), draft.guidance(), draft.kind(),
				draft.perspective(), existing.elementKey(), draft.indicatorCodes(), draft.topic());
		try {
			return Edit.done(this.sections.updateSection(user, cycleId, sectionId, keeping));
		}
		catch (ValidationException ex) {
			return Edit.invalid(this.sections.sectionPage(user.organisationId(), cycleId, sectionId), ex);
		}
	}

}
