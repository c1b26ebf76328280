package se.stratlas.initiatives.web;

import java.util.UUID;

import se.stratlas.initiatives.Parts.AssessmentDraft;

/** An assessment as the form sends it, of an initiative or of an application. */
record AssessmentForm(UUID directionKey, String levelCode, String actorNote, String targetGroupNote,
		String geographyNote, String narrative) {

	AssessmentDraft draft() {
		return new AssessmentDraft(this.directionKey, this.levelCode, this.actorNote, this.targetGroupNote,
				this.geographyNote, this.narrative);
	}

}
