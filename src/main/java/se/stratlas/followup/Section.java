package se.stratlas.followup;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import se.stratlas.followup.Kinds.Perspective;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Kinds.SectionTopic;

/**
 * One question of a cycle's template, under a chapter (a priority, "Övergripande", a
 * perspective): a text section or a scorecard goal with its indicators, and what it is
 * about (an outside-world section gets the scanned signals of its element).
 */
public record Section(long id, long cycleId, int position, String chapter, String title, String guidance,
		SectionKind kind, Perspective perspective, UUID elementKey, List<String> indicatorCodes, SectionTopic topic) {

	public Section {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	/** What a strateg enters for a section. */
	public record Draft(@Nullable String chapter, String title, @Nullable String guidance, @Nullable SectionKind kind,
			@Nullable Perspective perspective, @Nullable UUID elementKey, @Nullable List<String> indicatorCodes,
			@Nullable SectionTopic topic) {
	}

}
