package se.stratlas.followup.web;

import java.io.Serializable;
import java.util.List;

import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.Section;

/** The form for a section of a cycle's template. */
record SectionForm(String chapter, String title, String guidance, SectionKind kind, Perspective perspective,
		List<String> indicatorCodes, SectionTopic topic) implements Serializable {

	static SectionForm of(Section section) {
		return new SectionForm(section.chapter(), section.title(), section.guidance(), section.kind(),
				section.perspective(), section.indicatorCodes(), section.topic());
	}

	/** The draft; a new section is about no element, a changed one keeps its own. */
	Section.Draft draft() {
		List<String> codes = this.indicatorCodes == null ? List.of()
				: this.indicatorCodes.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
		return new Section.Draft(this.chapter, this.title, this.guidance, this.kind, this.perspective, null, codes,
				this.topic);
	}

}
