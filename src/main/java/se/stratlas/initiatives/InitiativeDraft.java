package se.stratlas.initiatives;

import java.time.LocalDate;
import java.util.List;

import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** What a user enters for an initiative. */
public record InitiativeDraft(String name, String acronym, InitiativeType type, Status status, String description,
		String purpose, String targetGroup, String outputs, String outcomes, String expectedEffects,
		LocalDate startDate, LocalDate endDate, Long ownerUnitId, Long predecessorId, List<String> areaCodes,
		List<String> links) {

	public InitiativeDraft {
		areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
		links = links == null ? List.of() : List.copyOf(links);
	}

}
