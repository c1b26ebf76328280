package se.stratlas.initiatives.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import se.stratlas.initiatives.Initiative;
import se.stratlas.initiatives.InitiativeDraft;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** The initiative form: a record bound from the request. */
record InitiativeForm(String name, String acronym, InitiativeType type, Status status, String description,
		String purpose, String targetGroup, String outputs, String outcomes, String expectedEffects,
		LocalDate startDate, LocalDate endDate, Long ownerUnitId, Long predecessorId, List<String> areaCodes,
		String links, Integer version) {

	InitiativeDraft draft() {
		List<String> linkList = this.links == null ? List.of()
				: Arrays.stream(this.links.split("\\s+")).filter(l -> !l.isBlank()).toList();
		return new InitiativeDraft(this.name, this.acronym, this.type, this.status, this.description, this.purpose,
				this.targetGroup, this.outputs, this.outcomes, this.expectedEffects, this.startDate, this.endDate,
				this.ownerUnitId, this.predecessorId, this.areaCodes, linkList);
	}

	/** The same entries, based on another version (after someone else saved first). */
	InitiativeForm withVersion(int version) {
		return new InitiativeForm(this.name, this.acronym, this.type, this.status, this.description, this.purpose,
				this.targetGroup, this.outputs, this.outcomes, this.expectedEffects, this.startDate, this.endDate,
				this.ownerUnitId, this.predecessorId, this.areaCodes, this.links, version);
	}

	static InitiativeForm of(Initiative i) {
		return new InitiativeForm(i.name(), i.acronym(), i.type(), i.status(), i.description(), i.purpose(),
				i.targetGroup(), i.outputs(), i.outcomes(), i.expectedEffects(), i.startDate(), i.endDate(),
				i.ownerUnitId(), i.predecessorId(), i.areaCodes(), String.join(" ", i.links()), i.version());
	}

	static InitiativeForm empty(Long unitId) {
		return new InitiativeForm(null, null, InitiativeType.PROJEKT, Status.PLANERAD, null, null, null, null, null,
				null, null, null, unitId, null, List.of(), null, null);
	}

}
