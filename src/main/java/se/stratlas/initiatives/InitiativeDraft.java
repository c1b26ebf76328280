package se.stratlas.initiatives;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** What a user enters for an initiative. */
public record InitiativeDraft(String name, @Nullable String acronym, InitiativeType type, @Nullable Status status,
		@Nullable String description, @Nullable String purpose, @Nullable String targetGroup, @Nullable String outputs,
		@Nullable String outcomes, @Nullable String expectedEffects, @Nullable LocalDate startDate,
		@Nullable LocalDate endDate, @Nullable Long ownerUnitId, @Nullable Long predecessorId,
		@Nullable List<String> areaCodes, @Nullable List<String> links) {

	public InitiativeDraft {
		areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
		links = links == null ? List.of() : List.copyOf(links);
	}

}
