package se.stratlas.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/**
 * An initiative with its own fields; its funding, participants, contributions,
 * assessments and Agenda 2030 effects are read separately ({@link InitiativeDetails}).
 */
public record Initiative(long id, long organisationId, String name, String acronym, InitiativeType type, Status status,
		String description, String purpose, String targetGroup, String outputs, String outcomes, String expectedEffects,
		LocalDate startDate, LocalDate endDate, Long ownerUnitId, Long predecessorId, List<String> areaCodes,
		List<String> links, String demoNote, int version, Instant updatedAt, String updatedBy) {

	public Initiative {
		areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
		links = links == null ? List.of() : List.copyOf(links);
	}

	/** The fields a user enters, as a draft. */
	public InitiativeDraft draft() {
		return new InitiativeDraft(this.name, this.acronym, this.type, this.status, this.description, this.purpose,
				this.targetGroup, this.outputs, this.outcomes, this.expectedEffects, this.startDate, this.endDate,
				this.ownerUnitId, this.predecessorId, this.areaCodes, this.links);
	}

}
